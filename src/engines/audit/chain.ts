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
 * Walks events in `seq` order and returns the first problem: content that no longer hashes to
 * its stored hash was altered; a gap in seq is a deletion; a link to anything but the event
 * before it is a reordering. Removing the newest events leaves no gap, so the caller passes
 * the head it recorded (`expectHead`) to detect truncation.
 */
export function verifyChain(
  events: Iterable<ChainedEvent & { stored: string }>,
  expectHead?: { seq: number; hash: string },
): ChainResult {
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let count = 0;
  let lastId: string | null = null;
  for (const e of events) {
    count++;
    const { stored, ...content } = e;
    if (eventHash(content) !== stored) return { ok: false, count, problem: { kind: 'altered', seq: e.seq, id: e.id } };
    if (e.seq !== prevSeq + 1) {
      return { ok: false, count, problem: { kind: 'deleted', seq: e.seq, id: e.id, missingSeq: prevSeq + 1 } };
    }
    if (e.prevHash !== prevHash) return { ok: false, count, problem: { kind: 'reordered', seq: e.seq, id: e.id } };
    prevHash = stored;
    prevSeq = e.seq;
    lastId = e.id;
  }
  if (expectHead && expectHead.seq > prevSeq) {
    return { ok: false, count, problem: { kind: 'truncated', seq: prevSeq, id: lastId, missingSeq: prevSeq + 1 } };
  }
  if (expectHead && expectHead.seq === prevSeq && expectHead.hash !== prevHash) {
    return { ok: false, count, problem: { kind: 'altered', seq: prevSeq, id: lastId ?? '' } };
  }
  return { ok: true, count, lastHash: prevHash, lastSeq: prevSeq };
}
