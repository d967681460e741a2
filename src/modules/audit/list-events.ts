import type { Context } from '#src/platform/context.ts';
import { cursorCodec, pageSize, presentPage, type PageRequest } from '#src/platform/pagination.ts';
import { AuditRepository, type AuditRow } from './audit.repository.ts';
import type { AuditEvent } from './schemas.ts';

const eventCursor = cursorCodec('audit', ['seq']);

function presentEvent(r: AuditRow): AuditEvent {
  return {
    seq: Number(r.seq),
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor,
    actorId: r.actor_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    caseId: r.case_id,
    before: r.before,
    after: r.after,
    hash: r.hash,
  };
}

/** Audit events, newest first: of one case, or of the installation; of one entity type or entity. */
export async function listAuditEvents(
  ctx: Context,
  q: PageRequest & {
    caseId?: string;
    entityType?: string | undefined;
    entityId?: string | undefined;
    before?: number | undefined;
  },
): Promise<{ events: AuditEvent[]; nextCursor: string | null }> {
  // `before` (a seq) is the older way to page; a cursor, when given, wins.
  const beforeSeq = q.cursor
    ? eventCursor.decode(q.cursor)[0]
    : q.before !== undefined
      ? String(q.before)
      : undefined;
  const rows = await ctx.repo(AuditRepository).page({
    limit: pageSize(q),
    ...(q.caseId ? { caseId: q.caseId } : {}),
    ...(q.entityType ? { entityType: q.entityType } : {}),
    ...(q.entityId ? { entityId: q.entityId } : {}),
    ...(beforeSeq !== undefined ? { beforeSeq } : {}),
  });
  const { items, nextCursor } = presentPage(rows, eventCursor, (r) => [r.seq], presentEvent);
  return { events: items, nextCursor };
}
