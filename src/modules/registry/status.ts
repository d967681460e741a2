/**
 * A person's current status, derived from their events the way PFIF derives a record's status
 * from its notes (the latest one that says something decides), with the rules a registry of the
 * missing needs on top:
 *
 * - The events are ordered by their date as far as it is known (`2013` sorts before `2013-05`,
 *   which sorts before `2013-05-14`), undated events after every dated one, then by when they
 *   were recorded. An undated event therefore speaks last: it is the newest report athar has.
 * - A sighting (`seen`) says the person was alive then, not where they are: it never sets the
 *   status by itself (a person seen in a release video is `released` only when a caseworker adds
 *   the release).
 * - Death is never assumed. `reported_dead` gives "reported dead"; the status is "confirmed dead"
 *   only through `remains_identified` with certainty `confirmed`, or a death whose certainty is
 *   `confirmed` because a caseworker confirmed a document (evidence of kind `document`).
 * - A confirmed death is not undone by a later report of the person alive (a release list can
 *   carry a namesake): the status stays, and the later event is named as a conflict for a
 *   caseworker to resolve.
 */

export const EVENT_KINDS = [
  'reported_missing',
  'arrested',
  'seen_in_detention',
  'transferred',
  'seen',
  'released',
  'reported_dead',
  'remains_identified',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const CERTAINTIES = ['reported', 'believed', 'confirmed'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

export const STATUSES = [
  'missing',
  'detained',
  'released',
  'reported_dead',
  'confirmed_dead',
  'unknown',
] as const;
export type PersonStatus = (typeof STATUSES)[number];

/** What the rule reads of an event. */
export interface StatusEvent {
  id: string;
  kind: EventKind;
  /** Partial date (`2013`, `2013-05`, `2013-05-14`), or null when the source gave none. */
  date: string | null;
  certainty: Certainty;
  /** Whether its evidence includes a document (a death certificate, a court record). */
  hasDocument: boolean;
  /** When it was recorded in athar (orders events of the same date). */
  recordedAt: Date;
}

export interface DerivedStatus {
  status: PersonStatus;
  /** The event that decided it (null: no event says anything yet). */
  eventId: string | null;
  /** That event's date. */
  since: string | null;
  /** Events that contradict the status (reports of the person alive after a confirmed death). */
  conflicts: string[];
}

/** Events in the order the rule reads them (see the file comment). */
export function orderEvents<E extends StatusEvent>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      if (a.date < b.date) return -1;
      if (a.date > b.date) return 1;
    }
    return a.recordedAt.getTime() - b.recordedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

function statusOf(e: StatusEvent): PersonStatus | null {
  switch (e.kind) {
    case 'reported_missing':
      return 'missing';
    case 'arrested':
    case 'seen_in_detention':
    case 'transferred':
      return 'detained';
    case 'released':
      return 'released';
    case 'reported_dead':
      return e.certainty === 'confirmed' && e.hasDocument ? 'confirmed_dead' : 'reported_dead';
    case 'remains_identified':
      return e.certainty === 'confirmed' ? 'confirmed_dead' : 'reported_dead';
    case 'seen':
      return null;
  }
}

const ALIVE: readonly EventKind[] = ['seen', 'seen_in_detention', 'released', 'transferred', 'arrested'];

/** The status the events give (see the file comment). */
export function deriveStatus(events: readonly StatusEvent[]): DerivedStatus {
  let out: DerivedStatus = { status: 'unknown', eventId: null, since: null, conflicts: [] };
  for (const e of orderEvents(events)) {
    if (out.status === 'confirmed_dead') {
      if (ALIVE.includes(e.kind)) out.conflicts.push(e.id);
      continue;
    }
    const s = statusOf(e);
    if (s === null) continue;
    out = { status: s, eventId: e.id, since: e.date, conflicts: out.conflicts };
  }
  return out;
}
