// Release lists (issue 13): a list pasted one person per line in either script, or a CSV, is
// matched against the registry at once; a caseworker confirms a candidate — which adds a
// "released" event with the list as its source — or rejects it, remembered; nothing is decided
// automatically; a line with no readable name is kept with the reason.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from './harness.ts';

const C = '/api/cases/lists-test';
let env: TestEnv;
let caseworker: Record<string, string>;
let khaled: string;
let namesake: string;

beforeAll(async () => {
  env = await testEnv();
  expect(
    (
      await env.request('POST', '/api/cases', env.admin, {
        slug: 'lists-test',
        title: 'Lists',
        timeZone: 'UTC',
      })
    ).status,
  ).toBe(201);
  caseworker = await env.user('carla', { caseSlug: 'lists-test', role: 'caseworker' });
  const add = async (body: object) =>
    (await env.request('POST', `${C}/persons`, caseworker, body)).body.id as string;
  khaled = await add({
    names: {
      lat: { given: 'Khaled', father: 'Omar', family: 'al-Shami', motherGiven: 'Fatima' },
      ar: { given: 'خالد', father: 'عمر', family: 'الشامي', motherGiven: 'فاطمة' },
    },
    birth: { date: '1985' },
  });
  namesake = await add({
    names: { lat: { given: 'Khaled', father: 'Hassan', family: 'al-Shami', motherGiven: 'Zeinab' } },
  });
  await env.request('POST', `${C}/persons/${khaled}/events`, caseworker, {
    kind: 'arrested',
    date: '2013',
    certainty: 'reported',
  });
});
afterAll(() => env.close());

const send = (text: string, query: string, who = caseworker) =>
  env.request(
    'POST',
    `${C}/release-lists?${query}`,
    { ...who, 'content-type': 'application/octet-stream' },
    Buffer.from(text),
  );

describe('release lists', () => {
  let listId: string;

  it('matches every line at once, in either script, keeping the list’s own numbering out and unreadable lines with the reason', async () => {
    const r = await send(
      '1. خالد عمر الشامي\n2- Sami Nasser\n\n٣) 12345\n4. Khalid al-Shami\n',
      'title=Released%20from%20Sednaya&date=2024-12-08&source=an%20association',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    listId = r.body.id;
    const byLine = new Map(r.body.lines.map((l: { line: number }) => [l.line, l]));
    expect([...byLine.keys()]).toEqual([1, 2, 4, 5]);
    const first = byLine.get(1) as any;
    expect(first.text).toBe('1. خالد عمر الشامي');
    expect(first.candidates[0]).toMatchObject({ personId: khaled, decision: null });
    expect(first.candidates[0].score).toBeGreaterThan(0.9);
    expect((byLine.get(2) as any).candidates).toEqual([]);
    expect((byLine.get(4) as any).problem).toBeTruthy();
    // Two Khaled al-Shami: both offered, the caseworker decides.
    const ids = (byLine.get(5) as any).candidates.map((c: { personId: string }) => c.personId);
    expect(ids).toEqual(expect.arrayContaining([khaled, namesake]));
    // Nothing was decided automatically.
    const shown = await env.request('GET', `/api/persons/${khaled}`, caseworker);
    expect(shown.body.status.status).toBe('detained');
  });

  it('a confirmed candidate gets the list’s event, with the list as source; a rejection is remembered; each is decided once', async () => {
    const confirm = await env.request('POST', `${C}/release-lists/${listId}/lines/1/decision`, caseworker, {
      personId: khaled,
      decision: 'confirm',
    });
    expect(confirm.status, JSON.stringify(confirm.body)).toBe(200);
    const person = await env.request('GET', `/api/persons/${khaled}`, caseworker);
    expect(person.body.status).toMatchObject({ status: 'released', since: '2024-12-08' });
    const released = person.body.events.find((e: { kind: string }) => e.kind === 'released');
    expect(released).toMatchObject({ certainty: 'reported', date: '2024-12-08' });
    expect(released.source).toContain('Released from Sednaya');
    expect(released.source).toContain('line 1');

    const reject = await env.request('POST', `${C}/release-lists/${listId}/lines/5/decision`, caseworker, {
      personId: namesake,
      decision: 'reject',
    });
    expect(reject.status).toBe(200);
    const line5 = reject.body.lines.find((l: { line: number }) => l.line === 5);
    expect(line5.candidates.find((c: { personId: string }) => c.personId === namesake).decision).toBe(
      'rejected',
    );
    const review = await env.request('GET', `${C}/release-lists/${listId}`, caseworker);
    expect(
      review.body.lines
        .find((l: { line: number }) => l.line === 5)
        .candidates.find((c: { personId: string }) => c.personId === namesake).decision,
    ).toBe('rejected');
    expect((await env.request('GET', `/api/persons/${namesake}`, caseworker)).body.events).toEqual([]);

    expect(
      (
        await env.request('POST', `${C}/release-lists/${listId}/lines/1/decision`, caseworker, {
          personId: khaled,
          decision: 'confirm',
        })
      ).status,
    ).toBe(409);
    // A line is one person: confirmed for one, it is not confirmed for another.
    expect(
      (
        await env.request('POST', `${C}/release-lists/${listId}/lines/5/decision`, caseworker, {
          personId: khaled,
          decision: 'confirm',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await env.request('POST', `${C}/release-lists/${listId}/lines/5/decision`, caseworker, {
          personId: namesake,
          decision: 'confirm',
        })
      ).status,
    ).toBe(409);
    // The event was not added twice by line 1.
    const again = await env.request('GET', `/api/persons/${khaled}`, caseworker);
    expect(
      again.body.events.filter(
        (e: { kind: string; source: string }) => e.kind === 'released' && e.source.includes('line 1'),
      ),
    ).toHaveLength(1);
    expect(
      (
        await env.request('POST', `${C}/release-lists/${listId}/lines/2/decision`, caseworker, {
          personId: khaled,
          decision: 'confirm',
        })
      ).status,
    ).toBe(400);
  });

  it('reads a CSV list with the import’s columns, the mother’s name telling namesakes apart', async () => {
    const r = await send('given_name,family_name,mother_name\nخالد,الشامي,زينب\n', 'title=CSV%20list');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.lines[0].candidates[0].personId).toBe(namesake);
    const lists = await env.request('GET', `${C}/release-lists`, caseworker);
    expect(lists.body.lists.map((l: { title: string }) => l.title)).toEqual([
      'CSV list',
      'Released from Sednaya',
    ]);
  });

  it('is the caseworkers’ alone, refuses bad lists, and records the list by its SHA-256 and no name', async () => {
    const viewer = await env.user('vic', { caseSlug: 'lists-test', role: 'viewer' });
    expect((await send('خالد الشامي\n', 'title=x', viewer)).status).toBe(403);
    expect((await env.request('GET', `${C}/release-lists/${listId}`, viewer)).status).toBe(403);
    expect((await send('\n\n', 'title=empty')).status).toBe(400);
    const binary = await env.request(
      'POST',
      `${C}/release-lists?title=bin`,
      { ...caseworker, 'content-type': 'application/octet-stream' },
      Buffer.from([0x41, 0, 0x42]),
    );
    expect(binary.status).toBe(400);
    expect((await send('خالد\n', 'title=x&date=2024-02-30')).status).toBe(400);
    const audit = JSON.stringify(
      (
        await sql`SELECT action, after FROM audit_event WHERE entity_type IN ('release_list', 'release_decision') ORDER BY seq`.execute(
          env.app.database.db,
        )
      ).rows,
    );
    expect(audit).toContain('release_list.added');
    expect(audit).toContain('release_list.confirmed');
    expect(audit).toContain('release_list.viewed');
    for (const name of ['خالد', 'Sami', 'Khalid', 'Sednaya']) expect(audit).not.toContain(name);
  });
});
