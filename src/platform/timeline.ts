/**
 * What a module contributes to a case's timeline: every dated thing it holds, as the source gave
 * the date (instant, zone, precision). The timeline module merges the contributions of every
 * module in time order and renders them in the reader's zone; a module that holds dated records
 * (media, the registry) adds its own source and nothing else changes.
 */
import type { CaseScope } from './access.ts';
import type { Context } from './context.ts';
import type { Precision } from './database/schema.ts';

export interface TimelineItem {
  at: Date;
  precision: Precision;
  /** The zone the source gave the time in, or null for instants. */
  sourceTimeZone: string | null;
  /** What happened: `statement`, `claim.first_seen`, `sweep.ended`, ... */
  kind: string;
  entityType: string;
  entityId: string;
  /** A sentence in English, for the CLI and other readers of the API. */
  title: string;
  /** The parts of the title, for a reader that words it in its own language. */
  parts: TimelineParts;
  isDemo: boolean;
}

/** Who acted (a source, a team), the record's own words (clipped), and a code (a sweep's result, a verdict). */
export interface TimelineParts {
  subject: string | null;
  text: string;
  detail: string | null;
}

/** Where a page of the timeline starts: strictly after this (at, kind, entityId). */
export interface TimelineKey {
  at: Date;
  kind: string;
  entityId: string;
}

/** Which part of the timeline a page needs: the first `limit` entries after `after`. */
export interface TimelineWindow {
  after: TimelineKey | null;
  limit: number;
}

/**
 * A module's dated records in the case: at least its first `window.limit` entries after
 * `window.after` in timeline order (more, or earlier ones, are allowed: the timeline sorts,
 * filters and cuts). Sources read just that window from an index, so a page costs the same in a
 * case of ten entries or of a hundred thousand.
 */
export type TimelineSource = (
  ctx: Context,
  scope: CaseScope,
  window: TimelineWindow,
) => Promise<TimelineItem[]>;

/** A title for the timeline: the start of a longer text. */
export const clipTitle = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The timeline's order: time, then kind, then id (a total order, so pages never skip or repeat). */
export function compareTimelineKeys(a: TimelineKey, b: TimelineKey): number {
  const t = a.at.getTime() - b.at.getTime();
  if (t !== 0) return t;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  return a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0;
}
