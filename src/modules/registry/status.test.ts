import { describe, expect, it } from 'vitest';
import { deriveStatus, orderEvents, type StatusEvent } from './status.ts';

let n = 0;
const ev = (
  kind: StatusEvent['kind'],
  date: string | null,
  more: Partial<StatusEvent> = {},
): StatusEvent => ({
  id: `e${++n}`,
  kind,
  date,
  certainty: 'reported',
  hasDocument: false,
  recordedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, n)),
  ...more,
});

describe('status from events', () => {
  it('is unknown without events, and the latest event that says something decides', () => {
    expect(deriveStatus([]).status).toBe('unknown');
    const arrested = ev('arrested', '2013-05-14');
    const missing = ev('reported_missing', '2013-06');
    const released = ev('released', '2024-12-08', { certainty: 'confirmed' });
    // Given out of order: the dates decide, not the order they were recorded in.
    const d = deriveStatus([released, missing, arrested]);
    expect(d).toEqual({ status: 'released', eventId: released.id, since: '2024-12-08', conflicts: [] });
    expect(deriveStatus([missing, arrested]).status).toBe('missing');
    expect(deriveStatus([ev('transferred', '2015'), ev('seen_in_detention', '2014')]).status).toBe(
      'detained',
    );
  });

  it('orders a partial date before the fuller dates inside it, and undated events last', () => {
    const year = ev('arrested', '2013');
    const day = ev('seen_in_detention', '2013-01-01');
    const undated = ev('reported_missing', null);
    const earlier = ev('released', '2012-12-31');
    expect(orderEvents([undated, day, year, earlier]).map((e) => e.id)).toEqual([
      earlier.id,
      year.id,
      day.id,
      undated.id,
    ]);
    expect(deriveStatus([undated, day, year, earlier]).status).toBe('missing');
  });

  it('a sighting says alive, not where: it sets no status', () => {
    expect(deriveStatus([ev('arrested', '2014'), ev('seen', '2024-12-09')]).status).toBe('detained');
    expect(deriveStatus([ev('seen', '2024-12-09')]).status).toBe('unknown');
  });

  it('never assumes death: reported unless remains are identified or a confirmed document says so', () => {
    expect(deriveStatus([ev('reported_dead', '2016', { certainty: 'confirmed' })]).status).toBe(
      'reported_dead',
    );
    expect(
      deriveStatus([ev('reported_dead', '2016', { certainty: 'confirmed', hasDocument: true })]).status,
    ).toBe('confirmed_dead');
    expect(
      deriveStatus([ev('reported_dead', '2016', { certainty: 'believed', hasDocument: true })]).status,
    ).toBe('reported_dead');
    expect(deriveStatus([ev('remains_identified', '2025-01', { certainty: 'believed' })]).status).toBe(
      'reported_dead',
    );
    expect(deriveStatus([ev('remains_identified', '2025-01', { certainty: 'confirmed' })]).status).toBe(
      'confirmed_dead',
    );
    // A report of death is overtaken by a later release.
    expect(deriveStatus([ev('reported_dead', '2016'), ev('released', '2024-12-08')]).status).toBe('released');
  });

  it('keeps a confirmed death and names later reports of the person alive as conflicts', () => {
    const remains = ev('remains_identified', '2025-01-10', { certainty: 'confirmed' });
    const listed = ev('released', null);
    const d = deriveStatus([ev('arrested', '2013'), remains, listed, ev('reported_missing', null)]);
    expect(d).toEqual({
      status: 'confirmed_dead',
      eventId: remains.id,
      since: '2025-01-10',
      conflicts: [listed.id],
    });
  });
});
