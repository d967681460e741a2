import type { Kysely, Selectable } from 'kysely';
import type { ChainedEvent } from '#src/engines/audit/chain.ts';
import { AUDIT_HEAD_KEY } from '#src/platform/audit/audit-trail.repository.ts';
import type { AuditEventTable, DB } from '#src/platform/database/schema.ts';
import { toRowPage, type RowPage } from '#src/platform/pagination.ts';

export type AuditRow = Selectable<AuditEventTable>;

/** Reading the audit trail: walking the chain to verify it, and listing events. (Writing it is the platform's, at the end of every unit of work.) */
export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The head recorded at the last append, to detect removal of the newest events. */
  async recordedHead(): Promise<{ seq: number; hash: string } | undefined> {
    const r = await this.db
      .selectFrom('installation')
      .select('value')
      .where('key', '=', AUDIT_HEAD_KEY)
      .executeTakeFirst();
    return r ? (r.value as { seq: number; hash: string }) : undefined;
  }

  /** Streams the chain in seq order, a page at a time, so a long trail is never all in memory. */
  async *walk(pageSize = 1000): AsyncGenerator<ChainedEvent & { stored: string }> {
    let after = '0';
    for (;;) {
      const rows = await this.db
        .selectFrom('audit_event')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      for (const r of rows) yield toChained(r);
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]!.seq;
    }
  }

  /** Every event of a case about these entities of one type, oldest first (at most `limit`). */
  async aboutEntities(
    caseId: string,
    entityType: string,
    entityIds: readonly string[],
    limit: number,
  ): Promise<AuditRow[]> {
    if (entityIds.length === 0) return [];
    return this.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_type', '=', entityType)
      .where('entity_id', 'in', entityIds)
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .limit(limit)
      .execute();
  }

  /** Newest first, a page at a time, below `beforeSeq`; from `since` on, without the actions in `except`. */
  async page(filter: {
    caseId?: string;
    entityType?: string;
    entityId?: string;
    beforeSeq?: string;
    since?: Date;
    except?: readonly string[];
    limit: number;
  }): Promise<RowPage<AuditRow>> {
    let q = this.db
      .selectFrom('audit_event')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(filter.limit + 1);
    if (filter.caseId) q = q.where('case_id', '=', filter.caseId);
    if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
    if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
    if (filter.beforeSeq !== undefined) q = q.where('seq', '<', filter.beforeSeq);
    if (filter.since) q = q.where('at', '>=', filter.since);
    if (filter.except && filter.except.length > 0) q = q.where('action', 'not in', filter.except);
    return toRowPage(await q.execute(), filter.limit);
  }
}

function toChained(r: AuditRow): ChainedEvent & { stored: string } {
  return {
    seq: Number(r.seq),
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    caseId: r.case_id,
    before: r.before ?? null,
    after: r.after ?? null,
    prevHash: r.prev_hash,
    stored: r.hash,
  };
}
