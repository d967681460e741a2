// Links between person records (issue 13): likely duplicates suggested from the name engine;
// "same person" links show one combined view (every spelling, every event, the status from all
// of them) and can be unlinked; "distinct" stops a suggestion; nothing is ever merged; the audit
// trail holds ids and kinds, never names.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from './harness.ts';

const C = '/api/cases/links-test';
let env: TestEnv;
let cw: Record<string, string>;
let viewer: Record<string, string>;
const ids = { ar: '', lat: '', namesake: '', other: '', elsewhere: '' };

beforeAll(async () => {
  env = await testEnv();
  for (const slug of ['links-test', 'links-other'])
    expect(
      (await env.request('POST', '/api/cases', env.admin, { slug, title: slug, timeZone: 'UTC' })).status,
    ).toBe(201);
  cw = await env.user('cleo', { caseSlug: 'links-test', role: 'caseworker' });
  viewer = await env.user('vik', { caseSlug: 'links-test', role: 'viewer' });
  const add = async (body: object, c = C) => {
    const r = await env.request('POST', `${c}/persons`, env.admin, body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
  // One man, filed twice: by one association in Arabic script, by another in Latin letters.
  ids.ar = await add({
    names: { ar: { given: 'باسل', father: 'منير', family: 'الحلبي', motherGiven: 'نوال' } },
    birth: { date: '1990' },
  });
  ids.lat = await add({
    names: { lat: { given: 'Basel', father: 'Mounir', family: 'Halabi', motherGiven: 'Nawal' } },
    birth: { date: '1990' },
  });
  ids.namesake = await add({
    names: { lat: { given: 'Basel', father: 'Mounir', family: 'Halabi', motherGiven: 'Samira' } },
    birth: { date: '1971' },
  });
  ids.other = await add({ names: { lat: { given: 'Ziad', family: 'Othman' } } });
  ids.elsewhere = await add(
    { names: { lat: { given: 'Basel', father: 'Mounir', family: 'Halabi' } } },
    '/api/cases/links-other',
  );
  await env.request('POST', `${C}/persons/${ids.ar}/events`, env.admin, {
    kind: 'arrested',
    date: '2013-04',
    certainty: 'reported',
  });
  await env.request('POST', `${C}/persons/${ids.lat}/events`, env.admin, {
    kind: 'released',
    date: '2024-12-08',
    certainty: 'confirmed',
  });
});
afterAll(() => env.close());

const links = (id: string, who = cw) => env.request('GET', `${C}/persons/${id}/links`, who);
const link = (id: string, body: object, who = cw) =>
  env.request('POST', `${C}/persons/${id}/links`, who, body);

describe('person links', () => {
  it('suggests the record in the other script as a likely duplicate, best first, never the other case’s', async () => {
    const r = await links(ids.ar);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.links).toEqual([]);
    expect(r.body.combined).toBeNull();
    const found = r.body.suggestions.map((s: { personId: string }) => s.personId);
    expect(found[0]).toBe(ids.lat);
    expect(found).not.toContain(ids.ar);
    expect(found).not.toContain(ids.elsewhere);
    expect(found).not.toContain(ids.other);
    // The namesake (another mother, born 19 years earlier) scores lower, if at all.
    const score = (id: string) =>
      r.body.suggestions.find((s: { personId: string }) => s.personId === id)?.score ?? 0;
    expect(score(ids.namesake)).toBeLessThan(score(ids.lat));
    expect(r.body.suggestions[0].explanation.length).toBeGreaterThan(0);
  });

  it('links as "same person": one combined view of every spelling and event, the status from all of them', async () => {
    const r = await link(ids.ar, {
      personId: ids.lat,
      kind: 'same_person',
      certainty: 'believed',
      note: 'same mother',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.links).toMatchObject([
      { personId: ids.lat, kind: 'same_person', certainty: 'believed', createdBy: 'cleo' },
    ]);
    const c = r.body.combined;
    expect(c.personIds.sort()).toEqual([ids.ar, ids.lat].sort());
    expect(c.spellings.map((s: { names: object }) => Object.keys(s.names)[0]).sort()).toEqual(['ar', 'lat']);
    expect(c.events.map((e: { kind: string; personId: string }) => [e.kind, e.personId])).toEqual([
      ['arrested', ids.ar],
      ['released', ids.lat],
    ]);
    expect(c.status.status).toBe('released');
    // Each record keeps its own status and events: nothing was merged.
    const ar = await env.request('GET', `${C}/persons/${ids.ar}`, cw);
    expect(ar.body.status.status).toBe('detained');
    expect(ar.body.events).toHaveLength(1);
    // Seen from the other side too, and no longer suggested.
    const other = await links(ids.lat);
    expect(other.body.links[0].personId).toBe(ids.ar);
    expect(other.body.combined.status.status).toBe('released');
    expect(other.body.suggestions.map((s: { personId: string }) => s.personId)).not.toContain(ids.ar);
  });

  it('refuses a second link of the same pair, a link to itself and one to another case’s record, naming the field', async () => {
    expect(
      (await link(ids.lat, { personId: ids.ar, kind: 'possible_duplicate', certainty: 'reported' })).status,
    ).toBe(409);
    const self = await link(ids.ar, { personId: ids.ar, kind: 'same_person', certainty: 'reported' });
    expect(self.status).toBe(400);
    expect(self.body.errors[0].field).toBe('/personId');
    const far = await link(ids.ar, { personId: ids.elsewhere, kind: 'same_person', certainty: 'reported' });
    expect(far.status).toBe(400);
    expect(far.body.errors[0].field).toBe('/personId');
    const bad = await link(ids.ar, { personId: ids.other, kind: 'merged', certainty: 'reported' });
    expect(bad.status).toBe(400);
  });

  it('remembers "distinct": a look-alike a caseworker told apart is no longer suggested', async () => {
    const twin = await env.request('POST', `${C}/persons`, env.admin, {
      names: { lat: { given: 'Basil', father: 'Munir', family: 'al-Halabi', motherGiven: 'Nawal' } },
      birth: { date: '1990' },
    });
    const before = await links(ids.lat);
    expect(before.body.suggestions.map((s: { personId: string }) => s.personId)).toContain(twin.body.id);
    const r = await link(ids.lat, { personId: twin.body.id, kind: 'distinct', certainty: 'confirmed' });
    expect(r.status).toBe(201);
    expect(r.body.suggestions.map((s: { personId: string }) => s.personId)).not.toContain(twin.body.id);
    // A distinct record is listed as a link, never joined to the combined view.
    expect(r.body.links.map((l: { kind: string }) => l.kind).sort()).toEqual(['distinct', 'same_person']);
    expect(r.body.combined.personIds).not.toContain(twin.body.id);
  });

  it('unlinks: the records stand apart again, the link stays in the history, the trail holds no name', async () => {
    const r = await env.request('DELETE', `${C}/persons/${ids.ar}/links/${ids.lat}`, cw);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.combined).toBeNull();
    expect(r.body.suggestions.map((s: { personId: string }) => s.personId)).toContain(ids.lat);
    expect((await env.request('DELETE', `${C}/persons/${ids.ar}/links/${ids.lat}`, cw)).status).toBe(404);
    const rows = await sql<{ removed_by: string | null }>`
      SELECT removed_by FROM person_link WHERE kind = 'same_person'`.execute(env.app.database.db);
    expect(rows.rows).toEqual([{ removed_by: 'cleo' }]);
    const trail = await sql<{ action: string; before: unknown; after: unknown }>`
      SELECT action, before, after FROM audit_event WHERE entity_type = 'person_link' ORDER BY seq`.execute(
      env.app.database.db,
    );
    expect(trail.rows.map((x) => x.action)).toEqual(['person.linked', 'person.linked', 'person.unlinked']);
    const text = JSON.stringify(trail.rows);
    for (const s of ['Basel', 'باسل', 'same mother']) expect(text).not.toContain(s);
    expect(trail.rows[0]!.after).toMatchObject({
      kind: 'same_person',
      certainty: 'believed',
      note: { protected: true },
    });
  });

  it('is the caseworkers’ and admins’ alone', async () => {
    expect((await links(ids.ar, viewer)).status).toBe(403);
    expect(
      (await link(ids.ar, { personId: ids.other, kind: 'possible_duplicate', certainty: 'reported' }, viewer))
        .status,
    ).toBe(403);
  });
});
