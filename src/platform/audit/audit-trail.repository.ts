import { sql, type Kysely } from 'kysely';
import { GENESIS_HASH, eventHash, type ChainedEvent } from '#src/engines/audit/chain.ts';
import type { DB } from '#src/platform/database/schema.ts';

/** What a unit of work records; the chain adds the time, the position, the link and the hash. */
export type NewAuditEvent = Omit<ChainedEvent, 'seq' | 'at' | 'prevHash'>;

/** The installation key holding the chain's head, written with every append. */
export const AUDIT_HEAD_KEY = 'audit.head';

// Rows per INSERT: 13 parameters each keeps a statement well under PostgreSQL's 65,535.
const CHUNK = 1000;

/**
 * Writes the hash chain. `append` runs inside the transaction of the writes it records, at the
 * end of the unit of work: it takes a transaction-scoped advisory lock, so that writers on a
 * PostgreSQL server extend the chain one at a time instead of forking it, reads the head once,
 * and inserts the unit's events in as few statements as their number allows.
 */
export class AuditTrailRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Appends a unit's events, stamped `at` (the time they enter the chain, as the unit commits),
   * so that times never run backwards along the chain however units interleave.
   */
  async append(events: readonly NewAuditEvent[], at: Date): Promise<void> {
    if (events.length === 0) return;
    await sql`SELECT pg_advisory_xact_lock(4207002)`.execute(this.db);
    const last = await this.db
      .selectFrom('audit_event')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    let seq = last ? Number(last.seq) : 0;
    let prevHash = last ? last.hash : GENESIS_HASH;
    const rows = events.map((e) => {
      const event: ChainedEvent = {
        seq: ++seq,
        id: e.id,
        at: at.toISOString(),
        actorId: e.actorId,
        actor: e.actor,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        caseId: e.caseId,
        // jsonb round trip: what is hashed is exactly what will be read back
        before: e.before === undefined ? null : (JSON.parse(JSON.stringify(e.before)) as unknown),
        after: e.after === undefined ? null : (JSON.parse(JSON.stringify(e.after)) as unknown),
        prevHash,
      };
      prevHash = eventHash(event);
      return {
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
        hash: prevHash,
      };
    });
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.db
        .insertInto('audit_event')
        .values(rows.slice(i, i + CHUNK))
        .execute();
    }
    const head = JSON.stringify({ seq, hash: prevHash });
    await this.db
      .insertInto('installation')
      .values({ key: AUDIT_HEAD_KEY, value: head })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: head }))
      .execute();
  }
}
