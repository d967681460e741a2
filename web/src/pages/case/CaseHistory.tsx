import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { api, ok } from '../../api/client';
import { usePagedList } from '../../api/hooks';
import { useCurrentCase } from '../../components/case-context';
import { EventItem } from '../../components/history';
import { Empty, ErrorNotice, Loading, useTitle } from '../../components/ui';
import { recordPath } from '../../lib/links';

const TYPES = ['claim', 'statement', 'source', 'place', 'sweep', 'figure', 'case', 'membership'];

/** Every change to the case, newest first: who changed which record, what it was and became. */
export default function CaseHistoryPage() {
  const { t } = useTranslation();
  const c = useCurrentCase();
  useTitle(t('history.caseTitle'));
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const type = TYPES.find((x) => x === params.get('type')) ?? null;
  const list = usePagedList(['case', c.slug, 'history', 'all', type], 'events', (cursor) =>
    ok(
      api.GET('/api/cases/{caseId}/history', {
        params: {
          path: { caseId: c.slug },
          query: { ...(type ? { entityType: type } : {}), cursor, limit: 50 },
        },
      }),
    ),
  );
  return (
    <div className="page">
      <h1>{t('history.caseTitle')}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('history.filterType')}{' '}
          <select
            value={type ?? ''}
            onChange={(e) => navigate(e.target.value ? `/history?type=${e.target.value}` : '/history')}
          >
            <option value="">{t('history.allTypes')}</option>
            {TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`entities.${x}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {list.error ? (
        <ErrorNotice error={list.error} />
      ) : list.isPending ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty>{t('history.none')}</Empty>
      ) : (
        <ol className="events">
          {list.items.map((e) => (
            <EventItem key={e.seq} e={e} showEntity to={recordPath(e.entityType, e.entityId)} />
          ))}
        </ol>
      )}
      {list.hasNextPage ? (
        <button type="button" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t('common.more')}
        </button>
      ) : null}
    </div>
  );
}
