// The registry (issue 13): persons with names by part in both scripts, events and the status
// they give, search across scripts with what tells namesakes apart, validation that names the
// field, and privacy: persons are the caseworkers' and case admins' alone, every opening and
// every search is recorded, a refusal is recorded, and the audit trail holds no person's data.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from './harness.ts';

const C = '/api/cases/registry-test';
let env: TestEnv;
let caseworker: Record<string, string>;
let viewer: Record<string, string>;
let editor: Record<string, string>;
let outsider: Record<string, string>;

beforeAll(async () => {
  env = await testEnv();
  const made = await env.request('POST', '/api/cases', env.admin, {
    slug: 'registry-test',
    title: 'Registry test',
    timeZone: 'Asia/Damascus',
  });
  expect(made.status).toBe(201);
  caseworker = await env.user('carla', { caseSlug: 'registry-test', role: 'caseworker' });
  viewer = await env.user('victor', { caseSlug: 'registry-test', role: 'viewer' });
  editor = await env.user('edith', { caseSlug: 'registry-test', role: 'editor' });
  outsider = await env.user('olga');
});
afterAll(() => env.close());

async function person(body: object): Promise<string> {
  const r = await env.request('POST', `${C}/persons`, caseworker, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

const event = (id: string, body: object) =>
  env.request('POST', `${C}/persons/${id}/events`, caseworker, body);

async function auditRows(): Promise<
  { action: string; entity_type: string; after: unknown; before: unknown }[]
> {
  const r = await sql<{
    action: string;
    entity_type: string;
    after: unknown;
    before: unknown;
  }>`SELECT action, entity_type, after, before FROM audit_event ORDER BY seq`.execute(env.app.database.db);
  return r.rows;
}

describe('persons and their events', () => {
  let khaled: string;
  let namesake: string;
  let mohammad: string;

  beforeAll(async () => {
    khaled = await person({
      names: {
        lat: { given: 'Khaled', father: 'Omar', family: 'al-Shami', motherGiven: 'Fatima' },
        ar: { given: 'خالد', father: 'عمر', family: 'الشامي', motherGiven: 'فاطمة' },
      },
      birth: { date: '1985' },
      birthplace: 'Douma',
      sex: 'male',
    });
    namesake = await person({
      names: { lat: { given: 'Khaled', father: 'Hassan', family: 'al-Shami', motherGiven: 'Zeinab' } },
      birth: { ageFrom: 30, ageTo: 35, ageAsOf: '2013' },
    });
    mohammad = await person({
      names: { lat: { given: 'Mohammad', father: 'Ahmad', family: 'Al-Hassan' } },
      aliases: [{ name: 'Abu Ahmad', kind: 'nickname' }],
    });
  });

  it('finds a Latin record from an Arabic-script query, best first, with the fields that tell namesakes apart', async () => {
    const r = await env.request(
      'GET',
      `${C}/persons/search?q=${encodeURIComponent('محمد أحمد الحسن')}`,
      caseworker,
    );
    expect(r.status).toBe(200);
    expect(r.body.results[0].id).toBe(mohammad);
    expect(r.body.results[0].matched).toBe('lat');
    expect(r.body.results[0].score).toBeGreaterThan(0.9);
    expect(r.body.results[0].explanation.find((e: { field: string }) => e.field === 'name').effect).toBe(
      'supports',
    );

    // Two Khaled al-Shami: the father's name puts the right one first, and each result says its parents and birth.
    const both = await env.request(
      'GET',
      `${C}/persons/search?q=${encodeURIComponent('خالد الشامي')}`,
      caseworker,
    );
    const ids = both.body.results.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining([khaled, namesake]));
    const withFather = await env.request(
      'GET',
      `${C}/persons/search?q=${encodeURIComponent('Khalid al-Shami')}&father=Hasan`,
      caseworker,
    );
    expect(withFather.body.results[0].id).toBe(namesake);
    const first = both.body.results.find((x: { id: string }) => x.id === khaled);
    expect(first.father).toContain('Omar');
    expect(first.mother).toContain('Fatima');
    expect(first.birth.yearFrom).toBe(1985);
    expect(first.birthplace).toBe('Douma');
    const other = both.body.results.find((x: { id: string }) => x.id === namesake);
    expect([other.birth.yearFrom, other.birth.yearTo]).toEqual([1977, 1983]);

    // The mother's name and the birth year narrow it too; a birth-year filter leaves the other out.
    const byMother = await env.request(
      'GET',
      `${C}/persons/search?q=Khaled%20al-Shami&mother=Fatima`,
      caseworker,
    );
    expect(byMother.body.results[0].id).toBe(khaled);
    const born = await env.request(
      'GET',
      `${C}/persons/search?q=Khaled%20al-Shami&bornFrom=1984&bornTo=1990`,
      caseworker,
    );
    expect(born.body.results.map((x: { id: string }) => x.id)).toEqual([khaled]);
    // A nickname finds its person.
    const nick = await env.request(
      'GET',
      `${C}/persons/search?q=${encodeURIComponent('أبو أحمد')}`,
      caseworker,
    );
    expect(nick.body.results[0]).toMatchObject({ id: mohammad, matched: 'alias 1' });
  });

  it('derives the status from the events, never assuming death, and filters by it', async () => {
    expect(
      (await event(khaled, { kind: 'arrested', date: '2013-05-14', certainty: 'believed' })).body.person
        .status.status,
    ).toBe('detained');
    const missing = await event(khaled, {
      kind: 'reported_missing',
      date: '2013-06',
      certainty: 'reported',
      source: 'his family',
    });
    expect(missing.status).toBe(201);
    expect(missing.body.person.status).toMatchObject({ status: 'missing', since: '2013-06' });
    // Reported dead with certainty confirmed but no document: still only reported.
    const dead = await event(khaled, { kind: 'reported_dead', date: '2016', certainty: 'confirmed' });
    expect(dead.body.person.status.status).toBe('reported_dead');
    const remains = await event(khaled, {
      kind: 'remains_identified',
      date: '2025-01-10',
      certainty: 'confirmed',
      evidence: [{ kind: 'document', description: 'forensic identification report' }],
    });
    expect(remains.body.person.status.status).toBe('confirmed_dead');
    // A later listing as released (a namesake?) does not undo it; it is named as a conflict.
    await event(khaled, { kind: 'released', certainty: 'reported', source: 'a list' });
    const shown = await env.request('GET', `${C}/persons/${khaled}`, caseworker);
    expect(shown.body.status.status).toBe('confirmed_dead');
    const released = shown.body.events.find((e: { kind: string }) => e.kind === 'released');
    expect(shown.body.status.conflicts).toEqual([released.id]);
    expect(shown.body.events.map((e: { kind: string }) => e.kind)).toEqual([
      'arrested',
      'reported_missing',
      'reported_dead',
      'remains_identified',
      'released',
    ]);
    const dead2 = await env.request('GET', `${C}/persons?status=confirmed_dead`, caseworker);
    expect(dead2.body.persons.map((p: { id: string }) => p.id)).toEqual([khaled]);
    const filtered = await env.request(
      'GET',
      `${C}/persons/search?q=Khaled%20al-Shami&status=confirmed_dead`,
      caseworker,
    );
    expect(filtered.body.results.map((x: { id: string }) => x.id)).toEqual([khaled]);
  });

  it('refuses bad input with the field named, and stores nothing', async () => {
    const cases: [object, string][] = [
      [{ names: {} }, '/names'],
      [{ names: { ar: { given: 'Khaled' } } }, '/names/ar/given'],
      [{ names: { lat: { given: 'خالد' } } }, '/names/lat/given'],
      [{ names: { lat: { given: 'Sami' } }, birth: { date: '1990-02-30' } }, '/birth/date'],
      [{ names: { lat: { given: 'Sami' } }, birth: { date: '2999' } }, '/birth/date'],
      [{ names: { lat: { given: 'Sami' } }, birth: { date: '1990', ageFrom: 3 } }, '/birth'],
      [{ names: { lat: { given: 'Sami' } }, birth: { ageFrom: 40, ageTo: 30 } }, '/birth/ageTo'],
      [
        { names: { lat: { given: 'Sami' } }, photoMediaId: '00000000-0000-4000-8000-000000000000' },
        '/photoMediaId',
      ],
    ];
    const before = (await env.request('GET', `${C}/persons?limit=200`, caseworker)).body.persons.length;
    for (const [body, field] of cases) {
      const r = await env.request('POST', `${C}/persons`, caseworker, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(r.body)).toContain(field);
    }
    const bad = await event(mohammad, { kind: 'seen', date: '2024-13', certainty: 'reported' });
    expect(bad.status).toBe(400);
    const badEvidence = await event(mohammad, {
      kind: 'seen',
      certainty: 'reported',
      evidence: [{ kind: 'media', id: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(badEvidence.status).toBe(400);
    expect(JSON.stringify(badEvidence.body)).toContain('/evidence/0/id');
    expect((await env.request('GET', `${C}/persons?limit=200`, caseworker)).body.persons.length).toBe(before);
    const dup = await env.request('POST', `${C}/persons`, caseworker, {
      names: { lat: { given: 'Sami' } },
      externalId: 'A-1',
    });
    expect(dup.status).toBe(201);
    const again = await env.request('POST', `${C}/persons`, caseworker, {
      names: { lat: { given: 'Rami' } },
      externalId: 'A-1',
    });
    expect(again.status).toBe(409);
  });
});

describe('privacy', () => {
  let id: string;
  beforeAll(async () => {
    id = await person({ names: { lat: { given: 'Rania', father: 'Yusuf', family: 'Haddad' } } });
  });

  it('keeps persons from every role but caseworkers and admins, and records each refusal', async () => {
    const deniedBefore = (await auditRows()).filter((r) => r.action === 'access.denied').length;
    for (const who of [viewer, editor]) {
      expect((await env.request('GET', `${C}/persons`, who)).status).toBe(403);
      expect((await env.request('GET', `${C}/persons/${id}`, who)).status).toBe(403);
      expect((await env.request('GET', `${C}/persons/search?q=Rania`, who)).status).toBe(403);
      expect(
        (await env.request('POST', `${C}/persons`, who, { names: { lat: { given: 'X' } } })).status,
      ).toBe(403);
      expect((await env.request('GET', `/api/persons/${id}`, who)).status).toBe(403);
    }
    const denied = (await auditRows()).filter((r) => r.action === 'access.denied');
    expect(denied.length - deniedBefore).toBe(10);
    expect(denied.at(-1)!.after).toEqual({ permission: 'person.read', role: 'editor' });
    // Recorded as the one refused, not as an anonymous caller.
    const actors = await sql<{
      actor: string;
    }>`SELECT actor FROM audit_event WHERE action = 'access.denied'`.execute(env.app.database.db);
    expect(new Set(actors.rows.map((r) => r.actor))).toEqual(new Set(['victor', 'edith']));
    // Outside the case: no such case, no such person.
    expect((await env.request('GET', `${C}/persons/${id}`, outsider)).status).toBe(404);
    expect((await env.request('GET', `/api/persons/${id}`, outsider)).status).toBe(404);
    // The case admin may; the installation admin only once they join the case.
    expect((await env.request('GET', `/api/persons/${id}`, caseworker)).status).toBe(200);
  });

  it('records every opening and every search, and the trail holds no person’s data', async () => {
    const before = (await auditRows()).length;
    await env.request('GET', `${C}/persons/${id}`, caseworker);
    await env.request('GET', `/api/persons/${id}`, caseworker);
    await env.request('GET', `${C}/persons/search?q=Rania%20Haddad`, caseworker);
    const rows = (await auditRows()).slice(before);
    expect(rows.map((r) => r.action)).toEqual(['person.viewed', 'person.viewed', 'person.searched']);
    expect(rows[2]!.after).toMatchObject({ results: 1 });
    const all = JSON.stringify(await auditRows());
    for (const name of ['Rania', 'Haddad', 'Khaled', 'الشامي', 'Fatima', 'Douma', 'forensic', 'his family'])
      expect(all).not.toContain(name);
    // Changes are still visible as changes.
    const created = (await auditRows()).find((r) => r.action === 'person.created')!;
    expect(created.after).toMatchObject({ names: { protected: true, changed: true } });
  });
});
