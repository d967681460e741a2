import { sql, type Kysely, type Selectable } from 'kysely';
import type { AuditEventTable, DB } from '#src/db/schema.ts';
import { GENESIS_HASH, eventHash, type ChainedEvent } from '#src/engines/audit/chain.ts';

export type AuditRow = Selectable<AuditEventTable>;

/** What a caller records; the chain adds the position, the link and the hash. */
export type NewAuditEvent = Omit<ChainedEvent, 'seq' | 'at' | 'prevHash'> & { at: Date };

const HEAD_KEY = 'audit.head';

/**
 * The append-only audit trail. `append` must run inside the transaction of the write it
 * records: it takes a transaction-scoped advisory lock so that concurrent writers on a
 * PostgreSQL server extend the chain one at a time instead of forking it.
 */
export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async append(e: NewAuditEvent): Promise<ChainedEvent & { hash: string }> {
    await sql`SELECT pg_advisory_xact_lock(4207002)`.execute(this.db);
    const last = await this.db.selectFrom('audit_event').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const event: ChainedEvent = {
      seq: last ? Number(last.seq) + 1 : 1,
      id: e.id,
      at: e.at.toISOString(),
      actorId: e.actorId,
      actor: e.actor,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      caseId: e.caseId,
      // jsonb round trip: what is hashed is exactly what will be read back
      before: e.before === undefined ? null : JSON.parse(JSON.stringify(e.before)),
      after: e.after === undefined ? null : JSON.parse(JSON.stringify(e.after)),
      prevHash: last ? last.hash : GENESIS_HASH,
    };
    const hash = eventHash(event);
    await this.db
      .insertInto('audit_event')
      .values({
        seq: String(event.seq),
        id: event.id,
        at: event.at,
        actor_id: event.actorId,
        actor: event.actor,
        action: event.action,
        entity_type: event.entityType,
        entity_id: event.entityId,
        case_id: event.caseId,
        before: event.before === null ? null : JSON.stringify(event.before),
        after: event.after === null ? null : JSON.stringify(event.after),
        prev_hash: event.prevHash,
        hash,
      })
      .execute();
    const head = JSON.stringify({ seq: event.seq, hash });
    await this.db
      .insertInto('installation')
      .values({ key: HEAD_KEY, value: head })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: head }))
      .execute();
    return { ...event, hash };
  }

  /** The head recorded at the last append, to detect removal of the newest events. */
  async recordedHead(): Promise<{ seq: number; hash: string } | undefined> {
    const r = await this.db.selectFrom('installation').select('value').where('key', '=', HEAD_KEY).executeTakeFirst();
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

  async list(filter: { caseId?: string; entityType?: string; entityId?: string; afterSeq?: number; limit: number }) {
    let q = this.db.selectFrom('audit_event').selectAll().orderBy('seq', 'desc').limit(filter.limit);
    if (filter.caseId) q = q.where('case_id', '=', filter.caseId);
    if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
    if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
    if (filter.afterSeq !== undefined) q = q.where('seq', '<', String(filter.afterSeq));
    return q.execute();
  }
}

export function toChained(r: AuditRow): ChainedEvent & { stored: string } {
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
