import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { placeLabel, useClaimCounts, useFigures, usePlaces, useSources } from '../../api/case-data';
import { useMe } from '../../api/hooks';
import { useCurrentCase } from '../../components/case-context';
import { EventItem } from '../../components/history';
import { FigureValue } from '../../components/figure-value';
import { Empty, Num, Query, UserText, useTitle } from '../../components/ui';
import { InstantText, WhenText } from '../../components/when';
import { recordPath } from '../../lib/links';
import { usePrefs } from '../../lib/prefs';

const LAST_LOOK = 'athar.lastLook';

/** When this reader last opened this case's dashboard in this browser (null: never). */
function useLastLook(user: string | undefined, caseId: string): string | null {
  const key = `${LAST_LOOK}.${user ?? ''}.${caseId}`;
  const [previous] = useState(() => localStorage.getItem(key));
  useEffect(() => {
    if (user) localStorage.setItem(key, new Date().toISOString());
  }, [key, user]);
  return previous;
}

/** A case at a glance: open claims, the latest statements and sweeps, figures, and what changed. */
export default function Dashboard() {
  const { t } = useTranslation();
  const c = useCurrentCase();
  useTitle(c.title);
  const me = useMe();
  const since = useLastLook(me.data?.username, c.id);
  const { language } = usePrefs();
  const counts = useClaimCounts(c.slug);
  const sources = useSources(c.slug);
  const places = usePlaces(c.slug);
  const figures = useFigures(c.slug);
  const sourceName = useMemo(() => new Map((sources.data ?? []).map((s) => [s.id, s.name])), [sources.data]);
  const placeById = useMemo(() => new Map((places.data ?? []).map((p) => [p.id, p])), [places.data]);
  const statements = useQuery({
    queryKey: ['case', c.slug, 'statements', 'latest'],
    queryFn: () =>
      ok(
        api.GET('/api/cases/{caseId}/statements', {
          params: { path: { caseId: c.slug }, query: { order: 'newest', limit: 5 } },
        }),
      ),
  });
  const sweeps = useQuery({
    queryKey: ['case', c.slug, 'sweeps', 'latest'],
    queryFn: () =>
      ok(
        api.GET('/api/cases/{caseId}/sweeps', {
          params: { path: { caseId: c.slug }, query: { order: 'newest', limit: 5 } },
        }),
      ),
  });
  const changes = useQuery({
    queryKey: ['case', c.slug, 'history', 'since', since],
    enabled: since !== null && me.data !== undefined,
    queryFn: () =>
      ok(
        api.GET('/api/cases/{caseId}/history', {
          params: { path: { caseId: c.slug }, query: { since: since!, limit: 50 } },
        }),
      ),
  });
  const others = (changes.data?.events ?? []).filter((e) => e.actor !== me.data?.username);

  return (
    <div className="page dashboard">
      <h1>
        <UserText>{c.title}</UserText>
      </h1>
      {c.description ? (
        <p className="lead">
          <UserText>{c.description}</UserText>
        </p>
      ) : null}
      <p className="muted">
        {t('case.zone', { zone: c.timeZone })}
        {c.eventStart ? (
          <>
            {' · '}
            {t('case.eventStart')} <WhenText when={c.eventStart} caseZone={c.timeZone} />
          </>
        ) : null}
      </p>

      <div className="grid">
        <section className="card" aria-labelledby="d-claims">
          <h2 id="d-claims">{t('dashboard.claims')}</h2>
          <Query q={counts}>
            {(n) => (
              <ul className="counts">
                {(
                  [
                    ['unverified', n.unverified, '?status=unverified'],
                    ['in_review', n.in_review, '?status=in_review'],
                    ['verdict', n.verdict - n.published, '?status=verdict'],
                    ['published', n.published, '?status=published'],
                  ] as const
                ).map(([k, v, q]) => (
                  <li key={k}>
                    <Link href={`/claims${q}`}>
                      <span className="count">
                        <Num n={v} />
                      </span>{' '}
                      {t(`claims.column.${k}`)}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Query>
          <p>
            <Link href="/claims/new">{t('claims.new')}</Link>
          </p>
        </section>

        <section className="card" aria-labelledby="d-changes">
          <h2 id="d-changes">{t('dashboard.changes')}</h2>
          {since === null ? (
            <p className="muted">{t('dashboard.firstVisit')}</p>
          ) : (
            <>
              <p className="muted">
                {t('dashboard.since')} <InstantText at={since} caseZone={c.timeZone} />
              </p>
              <Query q={changes}>
                {() =>
                  others.length === 0 ? (
                    <Empty>{t('dashboard.noChanges')}</Empty>
                  ) : (
                    <ol className="events compact">
                      {others.slice(0, 10).map((e) => (
                        <EventItem key={e.seq} e={e} showEntity to={recordPath(e.entityType, e.entityId)} />
                      ))}
                    </ol>
                  )
                }
              </Query>
            </>
          )}
        </section>

        <section className="card" aria-labelledby="d-statements">
          <h2 id="d-statements">{t('dashboard.latestStatements')}</h2>
          <Query q={statements}>
            {(d) =>
              d.statements.length === 0 ? (
                <Empty>{t('statements.none')}</Empty>
              ) : (
                <ul className="plain">
                  {d.statements.map((s) => (
                    <li key={s.id}>
                      <Link href={`/statements/${s.id}`}>
                        <strong dir="auto">{sourceName.get(s.sourceId) ?? t('sources.unknown')}</strong>
                      </Link>
                      {s.stated ? (
                        <>
                          {' · '}
                          <WhenText when={s.stated} caseZone={c.timeZone} />
                        </>
                      ) : null}
                      <p className="clip">
                        <UserText lang={s.language}>{s.text}</UserText>
                      </p>
                    </li>
                  ))}
                </ul>
              )
            }
          </Query>
          <p>
            <Link href="/sources">{t('dashboard.allStatements')}</Link>
          </p>
        </section>

        <section className="card" aria-labelledby="d-sweeps">
          <h2 id="d-sweeps">{t('dashboard.latestSweeps')}</h2>
          <Query q={sweeps}>
            {(d) =>
              d.sweeps.length === 0 ? (
                <Empty>{t('sweeps.none')}</Empty>
              ) : (
                <ul className="plain">
                  {d.sweeps.map((s) => (
                    <li key={s.id}>
                      <Link href={`/sweeps/${s.id}`}>
                        <strong dir="auto">{placeLabel(placeById.get(s.placeId), language)}</strong>
                      </Link>{' '}
                      <span className={`result result-${s.result}`}>{t(`sweeps.result.${s.result}`)}</span>
                      {s.started ? (
                        <>
                          {' · '}
                          <WhenText when={s.started} caseZone={c.timeZone} />
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )
            }
          </Query>
          <p>
            <Link href="/places">{t('dashboard.coverage')}</Link>
          </p>
        </section>

        <section className="card wide" aria-labelledby="d-figures">
          <h2 id="d-figures">{t('dashboard.figures')}</h2>
          <Query q={figures}>
            {(list) =>
              list.length === 0 ? (
                <Empty>{t('figures.none')}</Empty>
              ) : (
                <ul className="plain figures-list">
                  {list.slice(0, 8).map((f) => (
                    <li key={f.id}>
                      <span dir="auto">{f.label}</span>: <FigureValue f={f} />
                      {f.sourceId ? (
                        <span className="muted">
                          {' — '}
                          {t('figures.according')} <bdi>{sourceName.get(f.sourceId) ?? ''}</bdi>
                        </span>
                      ) : (
                        <span className="muted"> — {t('figures.noSource')}</span>
                      )}
                    </li>
                  ))}
                </ul>
              )
            }
          </Query>
          <p>
            <Link href="/figures">{t('dashboard.allFigures')}</Link>
          </p>
        </section>
      </div>
    </div>
  );
}
