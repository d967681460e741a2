import { caseIdsOf } from '#src/modules/cases/index.ts';
import type { Context } from '#src/platform/context.ts';
import { cursorCodec, pageSize, presentPage, type PageRequest } from '#src/platform/pagination.ts';
import { AuditRepository, type AuditRow } from './audit.repository.ts';
import type { AuditEvent } from './schemas.ts';

const eventCursor = cursorCodec('audit', ['seq']);

/** An event as the reader may see it: its content only if they are a member of its case. */
function presentEvent(r: AuditRow, canSeeContent: boolean): AuditEvent {
  const who = {
    seq: Number(r.seq),
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor,
    actorId: r.actor_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    caseId: r.case_id,
    hash: r.hash,
  };
  return canSeeContent
    ? { ...who, before: r.before, after: r.after }
    : { ...who, before: null, after: null, contentHidden: true };
}

/**
 * Audit events, newest first: of one case (its members, with `caseId`), or of the installation
 * (its administrators): of one entity type or entity. The installation-wide view shows who did
 * what to which entity, and the content (before/after) of events in cases the reader is a member
 * of, and of the installation's own (users, tokens, sign-ins); other cases' content stays hidden,
 * as their records do. Every reading of the trail is itself recorded.
 */
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
  const member = q.caseId ? new Set([q.caseId]) : new Set(await caseIdsOf(ctx, ctx.actor.userId));
  const visible = (r: AuditRow) => r.case_id === null || member.has(r.case_id);
  const { items, nextCursor } = presentPage(
    rows,
    eventCursor,
    (r) => [r.seq],
    (r) => presentEvent(r, visible(r)),
  );
  await ctx.transaction(async (tx) =>
    tx.audit({
      action: 'audit.read',
      entityType: 'audit_trail',
      entityId: null,
      caseId: q.caseId ?? null,
      after: {
        entityType: q.entityType ?? null,
        entityId: q.entityId ?? null,
        events: items.length,
        contentHidden: items.filter((e) => e.contentHidden).length,
      },
    }),
  );
  return { events: items, nextCursor };
}

/**
 * A case's history for its members: who changed which record, when, and what it was before and
 * after — of one record, or of the whole case since a moment (what changed since I last looked).
 * Readings of the trail are left out; this view is part of reading the records, and is not itself
 * recorded (the audit views above are).
 */
export async function caseHistory(
  ctx: Context,
  caseId: string,
  q: PageRequest & {
    entityType?: string | undefined;
    entityId?: string | undefined;
    since?: string | undefined;
  },
): Promise<{ events: AuditEvent[]; nextCursor: string | null }> {
  const rows = await ctx.repo(AuditRepository).page({
    limit: pageSize(q),
    caseId,
    except: ['audit.read'],
    ...(q.entityType ? { entityType: q.entityType } : {}),
    ...(q.entityId ? { entityId: q.entityId } : {}),
    ...(q.since ? { since: new Date(q.since) } : {}),
    ...(q.cursor ? { beforeSeq: eventCursor.decode(q.cursor)[0] } : {}),
  });
  const { items, nextCursor } = presentPage(
    rows,
    eventCursor,
    (r) => [r.seq],
    (r) => presentEvent(r, true),
  );
  return { events: items, nextCursor };
}

/** How many events `custodyEvents` gives at most (a package is not the place for more). */
const CUSTODY_LIMIT = 100_000;

/**
 * The chain of custody of some records of a case, oldest first: every event about them — each
 * capture, view, download, export and change — with its place in the hash chain. What a member of
 * the case could read in its history, gathered for an evidence package.
 */
export async function custodyEvents(
  ctx: Context,
  caseId: string,
  entities: { entityType: string; ids: readonly string[] }[],
): Promise<AuditEvent[]> {
  const rows: AuditRow[] = [];
  for (const { entityType, ids } of entities)
    for (let i = 0; i < ids.length && rows.length < CUSTODY_LIMIT; i += 1000)
      rows.push(
        ...(await ctx
          .repo(AuditRepository)
          .aboutEntities(caseId, entityType, ids.slice(i, i + 1000), CUSTODY_LIMIT - rows.length)),
      );
  return rows.sort((a, b) => Number(a.seq) - Number(b.seq)).map((r) => presentEvent(r, true));
}
