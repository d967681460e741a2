import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import {
  spelling,
  STATUSES,
  usePersons,
  usePersonSearch,
  type PersonStatus,
  type PersonSummary,
  type SearchParams,
  type SearchResult,
} from '../../api/registry';
import { useCurrentCase } from '../../components/case-context';
import { Badge, Empty, Field, Query, UserText, useLocale, useTitle } from '../../components/ui';
import { showPartialDate } from '../../lib/format';

/** Birth as the record knows it: a year, or the years an age range allows. */
export function BirthYears({ birth }: { birth: SearchResult['birth'] }) {
  return <YearRange from={birth.yearFrom} to={birth.yearTo} />;
}

/** Birth years from–to (null: not known), as a year or a range. */
export function YearRange({ from, to }: { from: number | null; to: number | null }) {
  const { t } = useTranslation();
  if (from === null || to === null) return <>{t('persons.bornUnknown')}</>;
  if (from === to) return <>{t('persons.bornIn', { year: from })}</>;
  return <>{t('persons.bornBetween', { from, to })}</>;
}

export function StatusBadge({ status }: { status: PersonStatus }) {
  const { t } = useTranslation();
  return <Badge kind={`status-${status}`}>{t(`persons.status.${status}`)}</Badge>;
}

/** Both spellings of a name, each in its own direction. */
export function BothNames({ names }: { names: SearchResult['names'] }) {
  return (
    <span className="person-names">
      {names.ar ? (
        <UserText lang="ar" className="name-ar">
          {spelling(names.ar)}
        </UserText>
      ) : null}
      {names.lat ? <UserText className="name-lat">{spelling(names.lat)}</UserText> : null}
    </span>
  );
}

/**
 * Search of the case's persons by name in Arabic script or Latin letters, with parents' names and
 * birth year; results ranked by the name engine, with what tells namesakes apart. Without a name,
 * the persons recorded most recently. Caseworkers and the case's admins only (the server refuses
 * others); every search and every opened record is on the audit trail.
 */
export default function PersonsPage() {
  const { t } = useTranslation();
  const c = useCurrentCase();
  useTitle(t('persons.title'));
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const asked: SearchParams | null = params.get('q')
    ? {
        q: params.get('q')!,
        ...(params.get('father') ? { father: params.get('father')! } : {}),
        ...(params.get('mother') ? { mother: params.get('mother')! } : {}),
        ...(params.get('born') ? { birthYear: Number(params.get('born')) } : {}),
        ...(params.get('status') ? { status: params.get('status') as PersonStatus } : {}),
      }
    : null;
  const [form, setForm] = useState({
    q: params.get('q') ?? '',
    father: params.get('father') ?? '',
    mother: params.get('mother') ?? '',
    born: params.get('born') ?? '',
    status: params.get('status') ?? '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const search = usePersonSearch(c.slug, asked);
  const recent = usePersons(c.slug, (params.get('status') as PersonStatus | null) ?? null, asked === null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.born && !/^\d{4}$/.test(form.born)) {
      setProblem(t('persons.search.bornProblem'));
      return;
    }
    setProblem(null);
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) if (v.trim()) next.set(k, v.trim());
    navigate(`/persons?${next.toString()}`);
  };

  return (
    <div className="page">
      <h1>{t('persons.title')}</h1>
      <p className="muted small">{t('persons.privacy')}</p>
      <p className="row wrap">
        <Link href="/persons/inquiries">{t('inquiries.title')}</Link>
        <Link href="/persons/lists">{t('persons.lists.title')}</Link>
        <Link href="/persons/import">{t('persons.import.title')}</Link>
      </p>
      <form className="card person-search" role="search" onSubmit={submit} aria-labelledby="person-search-h">
        <h2 id="person-search-h">{t('persons.search.title')}</h2>
        <div className="row wrap">
          <Field label={t('persons.search.name')} hint={t('persons.search.nameHint')}>
            {(p) => (
              <input
                {...p}
                dir="auto"
                type="search"
                value={form.q}
                onChange={(e) => setForm({ ...form, q: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('persons.search.father')}>
            {(p) => (
              <input
                {...p}
                dir="auto"
                value={form.father}
                onChange={(e) => setForm({ ...form, father: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('persons.search.mother')}>
            {(p) => (
              <input
                {...p}
                dir="auto"
                value={form.mother}
                onChange={(e) => setForm({ ...form, mother: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('persons.search.born')} error={problem ?? undefined}>
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                size={6}
                value={form.born}
                onChange={(e) => setForm({ ...form, born: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('persons.search.status')}>
            {(p) => (
              <select
                {...p}
                value={form.status}
                onChange={(e) => setForm({ ...form, status: e.target.value })}
              >
                <option value="">{t('persons.search.anyStatus')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`persons.status.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <p className="row">
          <button type="submit" className="primary" disabled={!form.q.trim()}>
            {t('persons.search.submit')}
          </button>
          {asked ? <Link href="/persons">{t('persons.search.clear')}</Link> : null}
        </p>
      </form>

      {asked ? (
        <section aria-labelledby="results-h" aria-live="polite">
          <h2 id="results-h">{t('persons.results')}</h2>
          <Query q={search}>
            {(r) =>
              r.results.length === 0 ? (
                <Empty>{t('persons.noResults')}</Empty>
              ) : (
                <ol className="plain person-results">
                  {r.results.map((x) => (
                    <Result key={x.id} r={x} />
                  ))}
                </ol>
              )
            }
          </Query>
          <p className="small muted">{t('persons.scoreNote')}</p>
        </section>
      ) : (
        <section aria-labelledby="recent-h">
          <h2 id="recent-h">{t('persons.recent')}</h2>
          <Query q={recent}>
            {(r) =>
              r.persons.length === 0 ? (
                <Empty>{t('persons.none')}</Empty>
              ) : (
                <ul className="plain person-results">
                  {r.persons.map((p) => (
                    <Recent key={p.id} p={p} />
                  ))}
                </ul>
              )
            }
          </Query>
        </section>
      )}
    </div>
  );
}

function Result({ r }: { r: SearchResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <li className="card person-result">
      <p className="row wrap">
        <Link href={`/persons/${r.id}`} className="person-link">
          <BothNames names={r.names} />
        </Link>
        <StatusBadge status={r.status} />
        <span className="score" title={t('persons.scoreNote')}>
          {t('persons.score', { score: Math.round(r.score * 100) })}
        </span>
      </p>
      <dl className="person-facts small">
        <div>
          <dt>{t('persons.father')}</dt>
          <dd>{r.father ? <UserText>{r.father}</UserText> : t('persons.notKnown')}</dd>
        </div>
        <div>
          <dt>{t('persons.mother')}</dt>
          <dd>{r.mother ? <UserText>{r.mother}</UserText> : t('persons.notKnown')}</dd>
        </div>
        <div>
          <dt>{t('persons.born')}</dt>
          <dd>
            <BirthYears birth={r.birth} />
            {r.birthplace ? (
              <>
                {' · '}
                <UserText>{r.birthplace}</UserText>
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('persons.lastEvent')}</dt>
          <dd>
            {r.lastEvent
              ? `${t(`persons.event.${r.lastEvent.kind}`)} · ${r.lastEvent.date ? showPartialDate(locale, r.lastEvent.date) : t('persons.undated')}`
              : t('persons.noEvents')}
          </dd>
        </div>
      </dl>
      <p className="small muted">
        {t('persons.matched', {
          spelling: t(`persons.spelling.${r.matched.startsWith('alias') ? 'alias' : r.matched}`),
        })}{' '}
        {r.explanation
          .filter((e) => e.effect !== 'neutral')
          .map((e) => t(`persons.explain.${e.effect}`, { field: t(`persons.field.${e.field}`) }))
          .join(' · ')}
      </p>
    </li>
  );
}

function Recent({ p }: { p: PersonSummary }) {
  const { t } = useTranslation();
  return (
    <li className="card person-result">
      <p className="row wrap">
        <Link href={`/persons/${p.id}`} className="person-link">
          <BothNames names={p.names} />
        </Link>
        <StatusBadge status={p.status.status} />
        {p.isDemo ? <Badge kind="demo">{t('common.demo')}</Badge> : null}
      </p>
      <p className="small muted">
        <BirthYears birth={p.birth} />
        {p.birthplace ? (
          <>
            {' · '}
            <UserText>{p.birthplace}</UserText>
          </>
        ) : null}
      </p>
    </li>
  );
}
