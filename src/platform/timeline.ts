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
  title: string;
  isDemo: boolean;
}

/** Where a page of the timeline starts: strictly after this (at, kind, entityId). */
export interface TimelineKey {
  at: Date;
  kind: string;
  entityId: string;
}

/**
 * A module's dated records in the case. It must return every item after `window.after` among its
 * first `window.limit` in timeline order; it may return more, in any order: the timeline sorts,
 * filters and cuts (a source backed by an index returns just that window).
 */
export type TimelineSource = (
  ctx: Context,
  scope: CaseScope,
  window: { after: TimelineKey | null; limit: number },
) => Promise<TimelineItem[]>;

/** The timeline's order: time, then kind, then id (a total order, so pages never skip or repeat). */
export function compareTimelineKeys(a: TimelineKey, b: TimelineKey): number {
  const t = a.at.getTime() - b.at.getTime();
  if (t !== 0) return t;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  return a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0;
}
