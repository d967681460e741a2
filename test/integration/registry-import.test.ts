// Importing persons from CSV (issue 13): column mapping by header, Arabic and Latin cells, a
// status column as an event, likely duplicates, the dry run, all or nothing, --skip-invalid,
// updates by the association's own id, UTF-8 with a byte-order mark and Windows-1256, and bad
// files — ragged rows, impossible dates, unknown columns, binary data — reported by line with
// nothing stored. One audit event per import, with the file's SHA-256.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from './harness.ts';

const C = '/api/cases/import-test';
let env: TestEnv;
let caseworker: Record<string, string>;

beforeAll(async () => {
  env = await testEnv();
  expect(
    (
      await env.request('POST', '/api/cases', env.admin, {
        slug: 'import-test',
        title: 'Import',
        timeZone: 'UTC',
      })
    ).status,
  ).toBe(201);
  caseworker = await env.user('carla', { caseSlug: 'import-test', role: 'caseworker' });
});
afterAll(() => env.close());

async function importCsv(body: Buffer | string, query = '') {
  const r = await env.request(
    'POST',
    `${C}/persons/import${query}`,
    { ...caseworker, 'content-type': 'application/octet-stream' },
    Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
  );
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

const count = async () =>
  Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM person`.execute(env.app.database.db)).rows[0]!.n,
  );

const GOOD = [
  'Given Name,Father Name,Family Name,Mother Name,Birth Year,Birthplace,Status,Status Date,Ref',
  'Khaled,Omar,al-Shami,Fatima,1985,Douma,missing,2013-06,A-1',
  'سامر,محمود,العلي,خديجة,1990,حمص,معتقل,2014,A-2',
  '"Rania","Yusuf","Haddad",,,"Aleppo, old city",,,A-3',
].join('\r\n');

describe('CSV import', () => {
  it('a dry run reports what the import would do and stores nothing; then the import stores it all', async () => {
    const before = await count();
    const dry = await importCsv(GOOD, '?dryRun=true&map=Ref=external_id');
    expect(dry).toMatchObject({
      dryRun: true,
      imported: false,
      rows: 3,
      accepted: 3,
      created: 3,
      events: 2,
      rejected: [],
    });
    expect(await count()).toBe(before);
    const done = await importCsv(GOOD, '?map=Ref=external_id');
    expect(done).toMatchObject({
      imported: true,
      accepted: 3,
      created: 3,
      rejectedCount: 0,
      encoding: 'utf-8',
    });
    expect(done.sha256).toBe(createHash('sha256').update(GOOD).digest('hex'));
    expect(await count()).toBe(before + 3);
    // The Arabic row is found from Latin letters, with its status from the file.
    const s = await env.request('GET', `${C}/persons/search?q=Samer%20Mahmoud%20al-Ali`, caseworker);
    expect(s.body.results[0]).toMatchObject({ status: 'detained', matched: 'ar', birthplace: 'حمص' });
    const shown = await env.request('GET', `${C}/persons/${s.body.results[0].id}`, caseworker);
    expect(shown.body.events).toEqual([
      expect.objectContaining({ kind: 'seen_in_detention', date: '2014', certainty: 'reported' }),
    ]);
    expect(shown.body.names.ar).toEqual({
      given: 'سامر',
      father: 'محمود',
      family: 'العلي',
      motherGiven: 'خديجة',
    });
    // One audit event for the import, with the SHA-256 and the counts, none per row.
    const audit = await sql<{
      action: string;
      after: Record<string, unknown>;
    }>`SELECT action, after FROM audit_event WHERE entity_type = 'person_import' ORDER BY seq`.execute(
      env.app.database.db,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['person.import_dry_run', 'person.imported']);
    expect(audit.rows[1]!.after).toMatchObject({ sha256: done.sha256, rows: 3, created: 3, rejected: 0 });
  });

  it('reports likely duplicates, of persons in the case and of earlier lines, without merging', async () => {
    const r = await importCsv(
      [
        'given_name,father_name,family_name,mother_name,birth_year',
        'Khalid,Omar,al-Shami,Fatima,1985',
        'Nour,Adel,Karim,,',
        'Nur,Adil,Kareem,,',
      ].join('\n'),
      '?dryRun=true',
    );
    expect(r.duplicates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 2, otherLine: null, personId: expect.any(String) }),
        expect.objectContaining({ line: 4, otherLine: 3, personId: null }),
      ]),
    );
  });

  it('all or nothing: one bad row stops the import, every bad row is reported by line; --skip-invalid imports the rest', async () => {
    const before = await count();
    const bad = [
      'given_name,family_name,birth_date,sex',
      'Ahmad,Darwish,1980-02-30,male',
      'Layla,Nasser,1975,female',
      'Omar,Faris,1970,male,extra',
      'Huda,Saleh,1988,other',
      'Sami,Nasser,1990-13,male',
      ',,,',
    ].join('\n');
    const r = await importCsv(bad);
    expect(r.imported).toBe(false);
    expect(r.accepted).toBe(1);
    expect(r.rejected.map((x: { line: number }) => x.line)).toEqual([2, 4, 5, 6, 7]);
    expect(r.rejected[0].reason).toContain('1980-02-30');
    expect(r.rejected[1].reason).toContain('5 cells');
    expect(r.rejected[2].reason).toContain('sex');
    expect(r.rejected[3].reason).toContain('1990-13');
    expect(r.rejected[4].reason).toContain('names');
    expect(await count()).toBe(before);
    const skipped = await importCsv(bad, '?skipInvalid=true');
    expect(skipped).toMatchObject({ imported: true, created: 1, rejectedCount: 5 });
    expect(await count()).toBe(before + 1);
  });

  it('updates persons by the association’s own id, changing only the cells given', async () => {
    const r = await importCsv(
      ['Ref,status,status_date,birthplace', 'A-3,released,2024-12-08,'].join('\n'),
      '?updateBy=Ref&map=Ref=external_id',
    );
    expect(r).toMatchObject({ imported: true, updated: 1, created: 0, events: 1 });
    const s = await env.request('GET', `${C}/persons/search?q=Rania%20Haddad`, caseworker);
    expect(s.body.results[0]).toMatchObject({ status: 'released', birthplace: 'Aleppo, old city' });
    // An unknown id is a new person, with that id kept.
    const made = await importCsv(
      ['Ref,given_name,family_name', 'A-9,Ziad,Mansour'].join('\n'),
      '?updateBy=Ref&map=Ref=external_id',
    );
    expect(made).toMatchObject({ created: 1, updated: 0 });
  });

  it('reads UTF-8 with a byte-order mark and Windows-1256 alike', async () => {
    const withBom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('given_name,family_name\nيوسف,الحلبي\n'),
    ]);
    expect(await importCsv(withBom, '?dryRun=true')).toMatchObject({
      accepted: 1,
      encoding: 'utf-8',
      rejected: [],
    });
    // "given_name,family_name\nمحمد,الحسن" in Windows-1256 (ASCII, then one byte per Arabic letter).
    const cp1256 = Buffer.concat([
      Buffer.from('given_name,family_name\n'),
      Buffer.from([0xe3, 0xcd, 0xe3, 0xcf, 0x2c, 0xc7, 0xe1, 0xcd, 0xd3, 0xe4, 0x0a]),
    ]);
    const r = await importCsv(cp1256);
    expect(r).toMatchObject({ imported: true, created: 1, encoding: 'windows-1256' });
    const s = await env.request(
      'GET',
      `${C}/persons/search?q=${encodeURIComponent('محمد الحسن')}`,
      caseworker,
    );
    expect(s.body.results[0].names.ar).toEqual({ given: 'محمد', family: 'الحسن' });
  });

  it('refuses unknown columns, binary data, broken quotes and empty files by line, storing nothing', async () => {
    const before = await count();
    const unknown = await importCsv('given_name,favourite_colour\nSami,blue\n');
    expect(unknown.imported).toBe(false);
    expect(unknown.rejected[0]).toMatchObject({ line: 1 });
    expect(unknown.rejected[0].reason).toContain('favourite_colour');
    expect(
      (await importCsv('given_name,favourite_colour\nSami,blue\n', '?map=favourite_colour=ignore')).imported,
    ).toBe(true);
    const binary = await importCsv(
      Buffer.concat([Buffer.from('given_name\nSami\n'), Buffer.from([0, 1, 2, 255, 0])]),
    );
    expect(binary.imported).toBe(false);
    expect(binary.rejected[0].reason).toContain('binary');
    const quote = await importCsv('given_name,family_name\n"Sami,Nasser\nRami,Haddad\n');
    expect(quote.imported).toBe(false);
    expect(quote.rejected[0].reason).toContain('CSV');
    const empty = await importCsv('');
    expect(empty.imported).toBe(false);
    expect(empty.rejected[0].reason).toContain('empty');
    expect(await count()).toBe(before + 1);
    // A viewer may not import (403), and a body that is not a file is refused.
    const viewer = await env.user('vic', { caseSlug: 'import-test', role: 'viewer' });
    const v = await env.request(
      'POST',
      `${C}/persons/import`,
      { ...viewer, 'content-type': 'application/octet-stream' },
      Buffer.from('given_name\nX\n'),
    );
    expect(v.status).toBe(403);
    const json = await env.request('POST', `${C}/persons/import`, caseworker, { given_name: 'X' });
    expect(json.status).toBe(400);
  });

  it('exports CSV for Excel (byte-order mark, formulas neutralised) that imports again as the same persons; JSON with events; case admins only, recorded', async () => {
    const made = await env.request('POST', `${C}/persons`, caseworker, {
      names: { lat: { given: 'Hadi', family: 'Tarabishi' }, ar: { given: 'هادي', family: 'طرابيشي' } },
      birthplace: '@home',
      description: '=HYPERLINK("http://example.invalid","click")',
    });
    expect(made.status).toBe(201);
    // A caseworker reads persons but may not take them all away: refused, and the refusal recorded.
    expect((await env.request('POST', `${C}/persons/export`, caseworker, { format: 'csv' })).status).toBe(
      403,
    );
    const csv = await env.request('POST', `${C}/persons/export`, env.admin, { format: 'csv' });
    expect(csv.status).toBe(200);
    expect(csv.raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.headers['x-athar-sha256']).toBe(createHash('sha256').update(csv.raw).digest('hex'));
    const text = csv.raw.toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://example.invalid"",""click"")"`);
    expect(text).toContain(",'@home,");
    expect(text).toContain('هادي');
    const persons = Number(csv.headers['x-athar-persons']);
    expect(persons).toBe(await count());

    // Back in by athar id: every row is an update, none rejected, nothing new.
    const again = await importCsv(csv.raw, '?updateBy=id');
    expect(again).toMatchObject({
      imported: true,
      rows: persons,
      updated: persons,
      created: 0,
      rejectedCount: 0,
    });
    const hadi = await env.request('GET', `/api/persons/${made.body.id}`, caseworker);
    // The ' an export put before a formula-like cell is taken off again on import.
    expect(hadi.body).toMatchObject({
      birthplace: '@home',
      description: made.body.description,
      names: made.body.names,
    });

    const json = await env.request('POST', `${C}/persons/export`, env.admin, { format: 'json' });
    expect(json.status).toBe(200);
    const doc = JSON.parse(json.raw.toString('utf8'));
    expect(doc.format).toBe('athar-persons/1');
    expect(doc.persons).toHaveLength(persons);
    expect(doc.persons.some((p: { events: unknown[] }) => p.events.length > 0)).toBe(true);
    const audit = await sql<{ action: string; after: Record<string, unknown> }>`
      SELECT action, after FROM audit_event WHERE action IN ('person.exported', 'access.denied') ORDER BY seq`.execute(
      env.app.database.db,
    );
    expect(audit.rows.map((r) => r.action).slice(-3)).toEqual([
      'access.denied',
      'person.exported',
      'person.exported',
    ]);
    expect(audit.rows.at(-2)!.after).toMatchObject({
      format: 'csv',
      persons,
      sha256: csv.headers['x-athar-sha256'],
    });
  });

  it('reports, instead of failing, rows the database would refuse, and a large file stopped by its header does not hang', async () => {
    const before = await count();
    const r = await importCsv(
      [
        'given_name,family_name,age,external_id,birthplace,status,status_date',
        'Basel,Hamwi,200,,,,',
        `Fadi,Kassab,,${'x'.repeat(201)},,,`,
        'Jad,Nahas,,N-1,Aleppo?!,,',
        'Jud,Nahhas,,N-1,,,',
        'Ward,Sabbagh,,,,missing,2999',
        'Rola,Haddad,,,,missing,2013-02-31',
      ].join('\n'),
    );
    expect(r.imported).toBe(false);
    expect(r.rejected.map((x: { line: number }) => x.line)).toEqual([2, 3, 5, 6, 7]);
    expect(r.rejected[0].reason).toContain('200');
    expect(r.rejected[2].reason).toContain('earlier line');
    expect(r.rejected[3].reason).toContain('future');
    expect(await count()).toBe(before);
    // An id already in the case is not a new person's.
    const taken = await importCsv('given_name,family_name,external_id\nZiad,Mansour,A-9\n');
    expect(taken.rejected[0].reason).toContain('already another person');
    // A birthplace the name engine cannot read is kept, compared with nothing, and breaks no search.
    expect((await importCsv('given_name,family_name,birthplace\nJad,Nahas,Aleppo?!\n')).imported).toBe(true);
    const found = await env.request('GET', `${C}/persons/search?q=Jad%20Nahas`, caseworker);
    expect(found.status).toBe(200);
    expect(found.body.results[0].birthplace).toBe('Aleppo?!');
    expect(
      (await env.request('GET', `${C}/persons/search?q=Jad%20Nahas&birthplace=%3F%21`, caseworker)).status,
    ).toBe(400);

    const big = [
      'given_name,family_name,favourite_colour',
      ...Array.from({ length: 20_000 }, (_, i) => `Name${i},Family,blue`),
    ].join('\n');
    const t0 = Date.now();
    const stopped = await importCsv(big);
    expect(stopped.imported).toBe(false);
    expect(stopped.rejected[0].reason).toContain('favourite_colour');
    expect(stopped.sha256).toBe(createHash('sha256').update(big).digest('hex'));
    expect(stopped.bytes).toBe(Buffer.byteLength(big));
    expect(Date.now() - t0).toBeLessThan(30_000);
  });
});
