import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client';
import { usePagedList, useWrite } from '../../api/hooks';
import type { AuditEvent } from '../../api/types';
import { changedFields } from '../../components/history';
import {
  Badge,
  Empty,
  ErrorNotice,
  Loading,
  Num,
  UserText,
  translatedOr,
  useTitle,
} from '../../components/ui';
import { InstantText } from '../../components/when';

/** The installation's audit trail (administrators), and the check of its hash chain. */
export default function AuditPage() {
  const { t } = useTranslation();
  useTitle(t('audit.title'));
  const events = usePagedList(['audit', 'events'], 'events', (cursor) =>
    ok(api.GET('/api/audit/events', { params: { query: { cursor, limit: 100 } } })),
  );
  const verify = useWrite(
    () => ok(api.POST('/api/audit/verify')),
    () => [['audit']],
  );
  const r = verify.data;
  return (
    <div className="page">
      <h1>{t('audit.title')}</h1>
      <p className="muted">{t('audit.hint')}</p>
      <section className="card" aria-labelledby="verify-h">
        <h2 id="verify-h">{t('audit.verify')}</h2>
        <button type="button" onClick={() => verify.mutate(undefined)} disabled={verify.isPending}>
          {verify.isPending ? t('audit.verifying') : t('audit.verifyNow')}
        </button>
        <ErrorNotice error={verify.error} />
        {r ? (
          r.ok ? (
            <p className="notice notice-ok" role="status" data-testid="verify-result">
              {t('audit.intact', { n: r.events, count: r.events })}
            </p>
          ) : (
            <div className="notice notice-error" role="alert" data-testid="verify-result">
              <p>{t('audit.broken', { seq: r.problem?.seq ?? '?' })}</p>
              <p className="small">
                {t(`audit.problem.${r.problem?.kind ?? 'altered'}`)} —{' '}
                <span dir="ltr">{r.problem?.message}</span>
              </p>
            </div>
          )
        ) : null}
      </section>
      {events.error ? (
        <ErrorNotice error={events.error} />
      ) : events.isPending ? (
        <Loading />
      ) : events.items.length === 0 ? (
        <Empty>{t('history.none')}</Empty>
      ) : (
        <table className="table audit-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.record')}</th>
              <th scope="col">{t('audit.change')}</th>
            </tr>
          </thead>
          <tbody>
            {events.items.map((e) => (
              <AuditRow key={e.seq} e={e} />
            ))}
          </tbody>
        </table>
      )}
      {events.hasNextPage ? (
        <button
          type="button"
          onClick={() => void events.fetchNextPage()}
          disabled={events.isFetchingNextPage}
        >
          {t('common.more')}
        </button>
      ) : null}
    </div>
  );
}

function AuditRow({ e }: { e: AuditEvent }) {
  const { t } = useTranslation();
  const changes = changedFields(e);
  return (
    <tr>
      <td>
        <Num n={e.seq} />
      </td>
      <td>
        <InstantText at={e.at} />
      </td>
      <td>
        <UserText>{e.actor}</UserText>
      </td>
      <td>{translatedOr(`history.actions.${e.action.replace(/\./g, '_')}`, e.action)}</td>
      <td>
        {translatedOr(`entities.${e.entityType}`, e.entityType)}{' '}
        {e.entityId ? <code dir="ltr">{e.entityId.slice(0, 8)}</code> : null}
      </td>
      <td>
        {e.contentHidden ? (
          <Badge kind="restricted">{t('history.contentHidden')}</Badge>
        ) : (
          <span className="small">
            {changes.map((c) => translatedOr(`fields.${c.field}`, c.field)).join(', ')}
          </span>
        )}
      </td>
    </tr>
  );
}
