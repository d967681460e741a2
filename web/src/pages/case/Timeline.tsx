import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { api, ok } from '../../api/client';
import { placeLabel, usePlaces, useSweeps } from '../../api/case-data';
import { usePagedList } from '../../api/hooks';
import { usePrefs } from '../../lib/prefs';
import type { TimelineEntry } from '../../api/types';
import { useCurrentCase } from '../../components/case-context';
import { Badge, Empty, ErrorNotice, Loading, UserText, translatedOr, useTitle } from '../../components/ui';
import { VirtualList } from '../../components/virtual-list';
import { WhenText } from '../../components/when';
import { knownZone } from '../../components/when-input';
import { readerZone, type ShowIn } from '../../lib/format';
import { recordPath } from '../../lib/links';

/**
 * The case's timeline: each entry as precise as its source, in the zone the reader picks (each
 * source's own, UTC, the case's, the reader's, or any other), linked to its record. The zone is
 * in the address, so a link shows the same timeline to a colleague.
 */
export default function TimelinePage() {
  const { t } = useTranslation();
  const c = useCurrentCase();
  useTitle(t('timeline.title'));
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const zoneParam = params.get('zone') ?? 'source';
  const mode: ShowIn =
    zoneParam === 'source'
      ? 'source'
      : zoneParam === 'UTC'
        ? 'utc'
        : knownZone(zoneParam)
          ? { zone: zoneParam }
          : 'source';
  const list = usePagedList(['case', c.slug, 'timeline'], 'entries', (cursor) =>
    ok(
      api.GET('/api/cases/{caseId}/timeline', {
        params: { path: { caseId: c.slug }, query: { cursor, limit: 200 } },
      }),
    ),
  );
  // A sweep's place in the reader's language (the API names it in the place's first language).
  const { language } = usePrefs();
  const sweeps = useSweeps(c.slug);
  const places = usePlaces(c.slug);
  const sweepPlace = (e: TimelineEntry): string | null => {
    if (e.entityType !== 'sweep') return null;
    const sw = sweeps.data?.find((s) => s.id === e.entityId);
    const p = sw ? places.data?.find((x) => x.id === sw.placeId) : undefined;
    return p ? placeLabel(p, language) : null;
  };
  const mine = readerZone();
  const choices = [
    ['source', t('timeline.zoneSource')],
    ['UTC', t('prefs.timesUtc')],
    [c.timeZone, t('timeline.zoneCase', { zone: c.timeZone })],
    ...(mine !== c.timeZone && mine !== 'UTC' ? [[mine, t('timeline.zoneMine', { zone: mine })]] : []),
  ];
  const custom = !choices.some(([v]) => v === zoneParam);
  return (
    <div className="page">
      <h1>{t('timeline.title')}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('timeline.showIn')}{' '}
          <select
            value={custom ? 'other' : zoneParam}
            onChange={(e) =>
              navigate(
                `/timeline?zone=${encodeURIComponent(e.target.value === 'other' ? 'Europe/London' : e.target.value)}`,
                { replace: true },
              )
            }
          >
            {choices.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
            <option value="other">{t('timeline.zoneOther')}</option>
          </select>
        </label>
        {custom ? (
          <label>
            {t('time.zone')}{' '}
            <input
              dir="ltr"
              list="timeline-zones"
              defaultValue={zoneParam}
              onChange={(e) => {
                if (knownZone(e.target.value))
                  navigate(`/timeline?zone=${encodeURIComponent(e.target.value)}`, { replace: true });
              }}
            />
            <datalist id="timeline-zones">
              {(Intl.supportedValuesOf?.('timeZone') ?? []).map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </label>
        ) : null}
      </form>
      <p className="muted small">{t('timeline.precisionNote')}</p>
      {list.error ? (
        <ErrorNotice error={list.error} />
      ) : list.isPending ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty>{t('timeline.none')}</Empty>
      ) : (
        <VirtualList
          items={list.items}
          keyOf={(e) => `${e.kind}|${e.entityId}|${e.at}`}
          estimate={72}
          label={t('timeline.title')}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          loadMore={() => void list.fetchNextPage()}
          className="timeline"
          render={(e) => <Entry e={e} mode={mode} caseZone={c.timeZone} placeName={sweepPlace(e)} />}
        />
      )}
    </div>
  );
}

/** An entry's sentence in the reader's language, from its parts (the API's title is English). */
export function entryTitle(e: TimelineEntry, placeName: string | null): string {
  const key = `timeline.sentence.${e.kind.replace(/\./g, '_')}`;
  const detail = e.parts.detail
    ? translatedOr(
        e.kind.startsWith('sweep') ? `sweeps.result.${e.parts.detail}` : `claims.verdict.${e.parts.detail}`,
        e.parts.detail,
      )
    : '';
  const subject = e.parts.subject ?? i18next.t('timeline.someone');
  return translatedOr(key, e.title, { subject, text: placeName ?? e.parts.text, detail });
}

function Entry({
  e,
  mode,
  caseZone,
  placeName,
}: {
  e: TimelineEntry;
  mode: ShowIn;
  caseZone: string;
  placeName: string | null;
}) {
  const { t } = useTranslation();
  const to = recordPath(e.entityType, e.entityId);
  const kind = translatedOr(`timeline.kind.${e.kind.replace(/\./g, '_')}`, e.kind);
  return (
    <article className={`timeline-entry kind-${e.kind.replace(/\./g, '-')}`} data-testid="timeline-entry">
      <p className="when-line">
        <WhenText
          when={{ at: e.at, precision: e.precision, timeZone: e.sourceTimeZone }}
          caseZone={caseZone}
          mode={mode}
        />
      </p>
      <p>
        <Badge kind="kind">{kind}</Badge>{' '}
        {to ? (
          <Link href={to}>
            <UserText>{entryTitle(e, placeName)}</UserText>
          </Link>
        ) : (
          <UserText>{entryTitle(e, placeName)}</UserText>
        )}
        {e.isDemo ? <Badge kind="demo">{t('common.demo')}</Badge> : null}
      </p>
    </article>
  );
}
