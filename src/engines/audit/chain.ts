import { createHash } from 'node:crypto';

/**
 * The audit trail's hash chain. Each event's hash is SHA-256 over the previous event's hash
 * and the event's canonical JSON, so altering, deleting or reordering any event breaks every
 * link after it, and `verifyChain` can name the first event that no longer fits.
 */

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level and no insignificant white space. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return JSON.stringify(value);
}

/**
 * The hashed content of an event: everything but its own hash and its position. Position is
 * left out on purpose: moving an event then shows as a broken link ("reordered"), not as an
 * altered event.
 */
export interface ChainedEvent {
  seq: number;
  id: string;
  at: string; // ISO instant, millisecond precision
  actorId: string | null;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  caseId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
}

export function eventHash(e: ChainedEvent): string {
  const { seq: _seq, ...content } = e;
  return createHash('sha256').update(e.prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

export type ChainProblem =
  | { kind: 'altered'; seq: number; id: string }
  | { kind: 'deleted'; seq: number; id: string; missingSeq: number }
  | { kind: 'reordered'; seq: number; id: string }
  | { kind: 'truncated'; seq: number; id: string | null; missingSeq: number };

export type ChainResult =
  | { ok: true; count: number; lastHash: string; lastSeq: number }
  | { ok: false; count: number; problem: ChainProblem };

/**
 * Checks events one at a time in `seq` order, so a long trail is verified in constant memory:
 * content that no longer hashes to its stored hash was altered; a gap in seq is a deletion; a
 * link to anything but the event before it is a reordering. Removing the newest events leaves
 * no gap, so `finish` compares with the head recorded at the last write to detect truncation.
 */
export class ChainVerifier {
  private prevHash = GENESIS_HASH;
  private prevSeq = 0;
  private lastId: string | null = null;
  count = 0;
  problem: ChainProblem | null = null;

  /** Returns false once a problem is found (the rest of the chain need not be read). */
  push(e: ChainedEvent & { stored: string }): boolean {
    if (this.problem) return false;
    this.count++;
    const { stored, ...content } = e;
    if (eventHash(content) !== stored) this.problem = { kind: 'altered', seq: e.seq, id: e.id };
    else if (e.seq !== this.prevSeq + 1)
      this.problem = { kind: 'deleted', seq: e.seq, id: e.id, missingSeq: this.prevSeq + 1 };
    else if (e.prevHash !== this.prevHash) this.problem = { kind: 'reordered', seq: e.seq, id: e.id };
    if (this.problem) return false;
    this.prevHash = stored;
    this.prevSeq = e.seq;
    this.lastId = e.id;
    return true;
  }

  finish(expectHead?: { seq: number; hash: string }): ChainResult {
    if (!this.problem && expectHead && expectHead.seq > this.prevSeq) {
      this.problem = { kind: 'truncated', seq: this.prevSeq, id: this.lastId, missingSeq: this.prevSeq + 1 };
    }
    if (!this.problem && expectHead && expectHead.seq === this.prevSeq && expectHead.hash !== this.prevHash) {
      this.problem = { kind: 'altered', seq: this.prevSeq, id: this.lastId ?? '' };
    }
    if (this.problem) return { ok: false, count: this.count, problem: this.problem };
    return { ok: true, count: this.count, lastHash: this.prevHash, lastSeq: this.prevSeq };
  }
}

/** Verifies a whole chain held in memory (tests, small trails). */
export function verifyChain(
  events: Iterable<ChainedEvent & { stored: string }>,
  expectHead?: { seq: number; hash: string },
): ChainResult {
  const v = new ChainVerifier();
  for (const e of events) if (!v.push(e)) break;
  return v.finish(expectHead);
}
