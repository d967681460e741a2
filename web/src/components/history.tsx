import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api, ApiError, ok } from '../api/client';
import { usePagedList } from '../api/hooks';
import type { AuditEvent } from '../api/types';
import { relativeTime } from '../lib/format';
import { useCurrentCase } from './case-context';
import { Empty, ErrorNotice, Loading, translatedOr, useLocale } from './ui';
import { InstantText } from './when';

/** A value of a record as the trail holds it, as text (never markup). */
function asText(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  // A time as given: its local rendering.
  const local = typeof v === 'object' && 'local' in v ? v.local : undefined;
  if (typeof local === 'string') return local;
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map(asText).join(', ');
  // A record inside the record (a capture): its fields, one after the other.
  if (typeof v === 'object')
    return Object.entries(v)
      .filter(([, x]) => x !== null && x !== '' && x !== undefined)
      .map(([k, x]) => `${translatedOr(`fields.${k}`, k)}: ${asText(x)}`)
      .join(' · ');
  return JSON.stringify(v);
}

/** The fields an event changed: before and after, as the entity's audit view recorded them. */
export function changedFields(
  e: Pick<AuditEvent, 'before' | 'after'>,
): { field: string; before: unknown; after: unknown }[] {
  const before = (e.before && typeof e.before === 'object' ? e.before : {}) as Record<string, unknown>;
  const after = (e.after && typeof e.after === 'object' ? e.after : {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((f) => ({ field: f, before: before[f], after: after[f] }));
}

function DiffTable({ changes }: { changes: ReturnType<typeof changedFields> }) {
  const { t } = useTranslation();
  return (
    <table className="diff">
      <thead>
        <tr>
          <th scope="col">{t('history.field')}</th>
          <th scope="col">{t('history.before')}</th>
          <th scope="col">{t('history.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((ch) => (
          <tr key={ch.field}>
            <th scope="row">{translatedOr(`fields.${ch.field}`, ch.field)}</th>
            <td className="before" dir="auto">
              {asText(ch.before)}
            </td>
            <td className="after" dir="auto">
              {asText(ch.after)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function EventItem({
  e,
  showEntity = false,
  to,
}: {
  e: AuditEvent;
  showEntity?: boolean;
  to?: string | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const c = useCurrentCase();
  const changes = changedFields(e);
  return (
    <li className="event">
      <p className="event-head">
        <strong dir="auto">{e.actor}</strong>{' '}
        {translatedOr(`history.actions.${e.action.replace(/\./g, '_')}`, t('history.otherAction'))}{' '}
        {showEntity ? (
          to ? (
            <Link href={to}>{translatedOr(`entities.${e.entityType}`, t('entities.other'))}</Link>
          ) : (
            <span className="muted">({translatedOr(`entities.${e.entityType}`, t('entities.other'))})</span>
          )
        ) : null}{' '}
        <span className="muted">
          {relativeTime(locale, e.at)} · <InstantText at={e.at} caseZone={c.timeZone} />
        </span>
      </p>
      {e.contentHidden ? (
        <p className="restricted">{t('history.contentHidden')}</p>
      ) : changes.length > 0 ? (
        // A record's first version is all its fields: folded away; a change shows what changed.
        e.action.endsWith('.created') || e.action.endsWith('_added') || e.before === null ? (
          <details>
            <summary>{t('history.recorded', { count: changes.length, n: changes.length })}</summary>
            <DiffTable changes={changes} />
          </details>
        ) : (
          <DiffTable changes={changes} />
        )
      ) : null}
    </li>
  );
}

/** Who changed a record, what and when — from the audit trail, as a member of the case sees it. */
export function History({ entityType, entityId }: { entityType: string; entityId: string }) {
  const { t } = useTranslation();
  const c = useCurrentCase();
  const q = usePagedList(['case', c.slug, 'history', entityType, entityId], 'events', (cursor) =>
    ok(
      api.GET('/api/cases/{caseId}/history', {
        params: { path: { caseId: c.slug }, query: { entityType, entityId, cursor, limit: 20 } },
      }),
    ),
  );
  return (
    <section className="history" aria-labelledby={`history-${entityId}`}>
      <h2 id={`history-${entityId}`}>{t('history.title')}</h2>
      {q.error ? (
        q.error instanceof ApiError && (q.error.status === 403 || q.error.status === 404) ? (
          <p className="restricted">{t('history.restricted')}</p>
        ) : (
          <ErrorNotice error={q.error} />
        )
      ) : q.isPending ? (
        <Loading />
      ) : q.items.length === 0 ? (
        <Empty>{t('history.none')}</Empty>
      ) : (
        <ol className="events">
          {q.items.map((e) => (
            <EventItem key={e.seq} e={e} />
          ))}
        </ol>
      )}
      {q.hasNextPage ? (
        <button type="button" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>
          {t('common.more')}
        </button>
      ) : null}
    </section>
  );
}
