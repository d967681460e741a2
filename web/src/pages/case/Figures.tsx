import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import { useFigures, useSources } from '../../api/case-data';
import { useCurrentCase } from '../../components/case-context';
import { FigureValue } from '../../components/figure-value';
import { History } from '../../components/history';
import { Badge, Empty, Query, UserText, useLocale, useTitle } from '../../components/ui';
import { formatNumber, showInstant } from '../../lib/format';
import { seriesOf, type Series } from '../../lib/series';

/** Figures as their sources gave them — values, ranges, periods, who counted and how — and series as charts. */
export default function FiguresPage() {
  const { t } = useTranslation();
  const c = useCurrentCase();
  useTitle(t('figures.title'));
  const figures = useFigures(c.slug);
  const sources = useSources(c.slug);
  const selected = new URLSearchParams(useSearch()).get('figure');
  const sourceName = new Map((sources.data ?? []).map((s) => [s.id, s.name]));
  return (
    <div className="page">
      <h1>{t('figures.title')}</h1>
      <Query q={figures}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('figures.none')}</Empty>
          ) : (
            <>
              {seriesOf(list).map((s) => (
                <SeriesChart key={`${s.label}|${s.unit}`} s={s} />
              ))}
              <ul className="plain">
                {list.map((f) => (
                  <li
                    key={f.id}
                    id={`figure-${f.id}`}
                    className={f.id === selected ? 'card selected' : 'card'}
                  >
                    <h2 className="h3">
                      <UserText>{f.label}</UserText>{' '}
                      {f.isDemo ? <Badge kind="demo">{t('common.demo')}</Badge> : null}
                    </h2>
                    <p>
                      <FigureValue f={f} />
                    </p>
                    <p className="muted small">
                      {f.sourceId ? (
                        <>
                          {t('figures.according')} <bdi>{sourceName.get(f.sourceId) ?? ''}</bdi>
                        </>
                      ) : (
                        t('figures.noSource')
                      )}
                    </p>
                    {f.method ? (
                      <p className="small">
                        {t('figures.method')}: <UserText>{f.method}</UserText>
                      </p>
                    ) : null}
                    {f.id === selected ? <History entityType="figure" entityId={f.id} /> : null}
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Query>
    </div>
  );
}

/** A small chart of one series: each figure at the middle of its period, a range as a bar. */
function SeriesChart({ s }: { s: Series }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const W = 560;
  const H = 200;
  const pad = { l: 56, r: 16, t: 16, b: 32 };
  const xs = s.points.map((p) => p.x);
  const ys = s.points.flatMap((p) => [p.y, p.low ?? p.y, p.high ?? p.y]);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const y1 = Math.max(...ys) * 1.1 || 1;
  const sx = (x: number) => pad.l + ((x - x0) / (x1 - x0 || 1)) * (W - pad.l - pad.r);
  const sy = (y: number) => H - pad.b - (y / y1) * (H - pad.t - pad.b);
  const line = s.points.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x)},${sy(p.y)}`).join(' ');
  return (
    <figure className="card chart">
      <figcaption>
        <UserText>{s.label}</UserText> ({t('figures.seriesOf', { n: s.points.length, unit: s.unit })})
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={t('figures.chartLabel', { label: s.label })}
        style={{ direction: 'ltr' }}
      >
        <line x1={pad.l} x2={W - pad.r} y1={H - pad.b} y2={H - pad.b} className="axis" />
        <line x1={pad.l} x2={pad.l} y1={pad.t} y2={H - pad.b} className="axis" />
        <text x={pad.l - 6} y={sy(y1 / 1.1) + 4} textAnchor="end" className="tick">
          {formatNumber(locale, Math.round(y1 / 1.1))}
        </text>
        <text x={pad.l - 6} y={H - pad.b + 4} textAnchor="end" className="tick">
          {formatNumber(locale, 0)}
        </text>
        <path d={line} className="series" />
        {s.points.map((p) => (
          <g key={p.figure.id}>
            {p.low !== null && p.high !== null ? (
              <line x1={sx(p.x)} x2={sx(p.x)} y1={sy(p.low)} y2={sy(p.high)} className="range" />
            ) : null}
            <circle cx={sx(p.x)} cy={sy(p.y)} r={4} className="point" />
            <text x={sx(p.x)} y={H - pad.b + 18} textAnchor="middle" className="tick">
              {showInstant(locale, new Date(p.x).toISOString(), 'UTC', 'year')}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
