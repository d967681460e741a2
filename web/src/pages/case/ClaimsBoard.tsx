import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { api, ok } from '../../api/client';
import { useClaimCounts } from '../../api/case-data';
import { usePagedList } from '../../api/hooks';
import type { Claim, SimilarClaim, Verdict } from '../../api/types';
import { useCaseRights, useCurrentCase } from '../../components/case-context';
import { ClaimStatusBadges } from '../../components/claim-bits';
import { Empty, ErrorNotice, Loading, Num, UserText, useTitle } from '../../components/ui';
import { VirtualList } from '../../components/virtual-list';
import { WhenText } from '../../components/when';

export const COLUMNS = ['unverified', 'in_review', 'verdict', 'published'] as const;
export type Column = (typeof COLUMNS)[number];
const VERDICTS: Verdict[] = ['false', 'misleading', 'unproven', 'true'];

/** The list filter of a column: "verdict" is a verdict not yet published. */
function columnQuery(col: Column): { status?: Claim['status']; published?: boolean } {
  if (col === 'published') return { published: true };
  if (col === 'verdict') return { status: 'verdict', published: false };
  return { status: col };
}

function columnOf(c: Pick<Claim, 'status' | 'publishedAt'> | SimilarClaim): Column | null {
  if (c.publishedAt) return 'published';
  return c.status ?? null;
}

/** Claims grouped by where they stand, filterable by verdict and searchable in Arabic and Latin script. */
export default function ClaimsBoard() {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const rights = useCaseRights();
  useTitle(t('claims.title'));
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const only = COLUMNS.find((k) => k === params.get('status')) ?? null;
  const verdict = VERDICTS.find((v) => v === params.get('verdict')) ?? null;
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const counts = useClaimCounts(c.slug);

  // The search is in the address, so that it survives a reload and can be shared.
  useEffect(() => {
    const id = setTimeout(() => {
      if (typed.trim() === q) return;
      const next = new URLSearchParams(params);
      if (typed.trim()) next.set('q', typed.trim());
      else next.delete('q');
      navigate(`/claims${next.size ? `?${next}` : ''}`, { replace: true });
    }, 300);
    return () => clearTimeout(id);
  }, [typed]); // eslint-disable-line react-hooks/exhaustive-deps

  function setParam(key: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    navigate(`/claims${next.size ? `?${next}` : ''}`);
  }

  const search = useQuery({
    queryKey: ['case', c.slug, 'claims', 'search', q],
    enabled: q.length > 0,
    queryFn: () =>
      ok(
        api.GET('/api/cases/{caseId}/claims/search', {
          params: { path: { caseId: c.slug }, query: { q, limit: 100 } },
        }),
      ),
  });

  const columns = only ? [only] : COLUMNS;
  return (
    <div className="page wide-page">
      <div className="page-head">
        <h1>{t('claims.title')}</h1>
        {rights.canWrite ? (
          <Link href="/claims/new" className="button primary">
            {t('claims.new')}
          </Link>
        ) : null}
      </div>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('claims.search')}
          <input
            type="search"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder={t('claims.searchHint')}
          />
        </label>
        <label>
          {t('claims.filterVerdict')}
          <select
            value={verdict ?? ''}
            onChange={(e) => setParam('verdict', e.target.value || null)}
            disabled={q.length > 0}
          >
            <option value="">{t('claims.anyVerdict')}</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {t(`claims.verdict.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('claims.filterColumn')}
          <select value={only ?? ''} onChange={(e) => setParam('status', e.target.value || null)}>
            <option value="">{t('claims.allColumns')}</option>
            {COLUMNS.map((k) => (
              <option key={k} value={k}>
                {t(`claims.column.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </form>

      {q ? (
        search.error ? (
          <ErrorNotice error={search.error} />
        ) : search.isPending ? (
          <Loading />
        ) : (
          <>
            <p role="status" className="muted">
              {t('claims.searchResults', {
                count: search.data.results.length,
                n: search.data.results.length,
              })}
            </p>
            <div className={`board cols-${columns.length}`}>
              {columns.map((col) => {
                const hits = search.data.results.filter((r) => columnOf(r) === col);
                return (
                  <section key={col} className="column" aria-labelledby={`col-${col}`}>
                    <h2 id={`col-${col}`}>
                      {t(`claims.column.${col}`)}{' '}
                      <span className="count">
                        (<Num n={hits.length} />)
                      </span>
                    </h2>
                    {hits.length === 0 ? (
                      <Empty>{t('claims.noneHere')}</Empty>
                    ) : (
                      <ul className="plain">
                        {hits.map((h) => (
                          <li key={h.id}>
                            <SimilarCard s={h} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </section>
                );
              })}
            </div>
          </>
        )
      ) : (
        <div className={`board cols-${columns.length}`}>
          {columns.map((col) => (
            <BoardColumn
              key={col}
              col={col}
              verdict={verdict}
              count={counts.data ? countOf(counts.data, col) : null}
              single={only !== null}
            />
          ))}
        </div>
      )}
    </div>
  );
}

function countOf(
  n: { unverified: number; in_review: number; verdict: number; published: number },
  col: Column,
) {
  return col === 'verdict' ? n.verdict - n.published : n[col];
}

function BoardColumn({
  col,
  verdict,
  count,
  single,
}: {
  col: Column;
  verdict: Verdict | null;
  count: number | null;
  single: boolean;
}) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const filter = { ...columnQuery(col), ...(verdict ? { verdict } : {}) };
  const list = usePagedList(['case', c.slug, 'claims', 'list', filter], 'claims', (cursor) =>
    ok(
      api.GET('/api/cases/{caseId}/claims', {
        params: { path: { caseId: c.slug }, query: { ...filter, cursor, limit: 100 } },
      }),
    ),
  );
  return (
    <section className="column" aria-labelledby={`col-${col}`}>
      <h2 id={`col-${col}`}>
        {t(`claims.column.${col}`)}{' '}
        {count !== null && !verdict ? (
          <span className="count">
            (<Num n={count} />)
          </span>
        ) : null}
      </h2>
      {list.error ? (
        <ErrorNotice error={list.error} />
      ) : list.isPending ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty>{t('claims.noneHere')}</Empty>
      ) : (
        <VirtualList
          items={list.items}
          keyOf={(x) => x.id}
          estimate={112}
          label={t(`claims.column.${col}`)}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          loadMore={() => void list.fetchNextPage()}
          height={single ? '75vh' : '65vh'}
          render={(claim) => <ClaimCard claim={claim} />}
        />
      )}
    </section>
  );
}

export function ClaimCard({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  return (
    <article className="claim-card">
      <Link href={`/claims/${claim.id}`} className="claim-link">
        <UserText lang={claim.language} className="clip">
          {claim.text}
        </UserText>
      </Link>
      <p className="meta">
        <ClaimStatusBadges c={claim} />
        {claim.firstSeen ? (
          <span className="muted small">
            {t('claims.firstSeen')} <WhenText when={claim.firstSeen} caseZone={c.timeZone} />
          </span>
        ) : null}
        {claim.evidence.length > 0 ? (
          <span className="muted small">
            {' '}
            · {t('claims.evidenceCount', { count: claim.evidence.length, n: claim.evidence.length })}
          </span>
        ) : null}
      </p>
    </article>
  );
}

export function SimilarCard({ s }: { s: SimilarClaim }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const inThisCase = s.caseId === c.id;
  return (
    <article className="claim-card">
      {inThisCase ? (
        <Link href={`/claims/${s.id}`} className="claim-link">
          <UserText className="clip">{s.text}</UserText>
        </Link>
      ) : s.caseSlug ? (
        <Link href={`~/cases/${encodeURIComponent(s.caseSlug)}/claims/${s.id}`} className="claim-link">
          <UserText className="clip">{s.text}</UserText>
        </Link>
      ) : (
        <UserText className="clip">{s.text}</UserText>
      )}
      <p className="meta">
        <ClaimStatusBadges c={s} />
        {!inThisCase ? (
          <span className="muted small">
            {s.caseSlug ? t('similar.otherCase', { slug: s.caseSlug }) : t('similar.publishedElsewhere')}
          </span>
        ) : null}
        {s.publicUrl && !s.caseSlug ? (
          <>
            {' '}
            <a href={s.publicUrl} rel="noopener noreferrer">
              {t('similar.readVerdict')}
            </a>
          </>
        ) : null}
      </p>
    </article>
  );
}
