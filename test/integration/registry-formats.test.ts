// XLSX and PFIF 1.4 import and export (issue 13): athar → PFIF → athar gives the same records
// (names by part in both scripts, aliases, birth, events with kind, date and certainty, links);
// a Person Finder file without the athar extension maps notes to events and linked records to
// links; bad PFIF is reported by line with nothing imported; XLSX round-trips like CSV, never runs
// a formula, and neutralises cells a spreadsheet would run.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from './harness.ts';

let env: TestEnv;
const A = '/api/cases/formats-a';
const OCTET = { 'content-type': 'application/octet-stream' };

const mk = async (slug: string) =>
  expect(
    (await env.request('POST', '/api/cases', env.admin, { slug, title: slug, timeZone: 'UTC' })).status,
  ).toBe(201);

const exportOf = async (c: string, format: string) => {
  const r = await env.request('POST', `${c}/persons/export`, env.admin, { format });
  expect(r.status, r.text.slice(0, 300)).toBe(200);
  return r;
};
const importInto = (c: string, bytes: Buffer, query = '') =>
  env.request('POST', `${c}/persons/import?${query}`, { ...env.admin, ...OCTET }, bytes);

interface Shown {
  externalId: string | null;
  names: object;
  aliases: object[];
  sex: string;
  birth: object;
  birthplace: string;
  description: string;
  status: { status: string; since: string | null };
  events: { kind: string; date: string | null; certainty: string; source: string; notes: string }[];
}

/** Every person of a case as comparable content (no ids, no times), with their links by name. */
async function contents(c: string) {
  const list = await env.request('GET', `${c}/persons?limit=200`);
  const out: Record<string, unknown>[] = [];
  for (const p of list.body.persons as { id: string }[]) {
    const d = (await env.request('GET', `${c}/persons/${p.id}`)).body as Shown;
    const l = (await env.request('GET', `${c}/persons/${p.id}/links`)).body;
    out.push({
      names: d.names,
      aliases: d.aliases,
      sex: d.sex,
      birth: d.birth,
      birthplace: d.birthplace,
      description: d.description,
      status: d.status.status,
      since: d.status.since,
      events: d.events.map((e) => ({
        kind: e.kind,
        date: e.date,
        certainty: e.certainty,
        source: e.source,
        notes: e.notes,
      })),
      links: (l.links as { names: object; kind: string; certainty: string }[])
        .map((x) => `${x.kind}/${x.certainty}/${JSON.stringify(x.names)}`)
        .sort(),
    });
  }
  return out.sort((a, b) => (JSON.stringify(a.names) < JSON.stringify(b.names) ? -1 : 1));
}

beforeAll(async () => {
  env = await testEnv();
  for (const s of ['formats-a', 'formats-b', 'formats-c', 'formats-d', 'formats-e']) await mk(s);
  const add = async (body: object) => {
    const r = await env.request('POST', `${A}/persons`, env.admin, body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
  const khaled = await add({
    names: {
      ar: { given: 'خالد', father: 'عمر', grandfather: 'سعيد', family: 'الشامي', motherGiven: 'فاطمة' },
      lat: {
        given: 'Khaled',
        father: 'Omar',
        family: 'al-Shami',
        motherGiven: 'Fatima',
        motherFamily: 'Haddad',
      },
    },
    aliases: [
      { name: 'Abu Omar', kind: 'nickname' },
      { name: 'Khalid Shami', kind: 'alias' },
    ],
    sex: 'male',
    birth: { ageFrom: 30, ageTo: 35, ageAsOf: '2013' },
    birthplace: 'Douma',
    description: '=HYPERLINK("http://example.invalid") & <b>not markup</b>',
    externalId: 'SN-001',
  });
  const reem = await add({
    names: { ar: { given: 'ريم', family: 'الصباغ' } },
    sex: 'female',
    birth: { date: '1988-05' },
  });
  const again = await add({ names: { lat: { given: 'Reem', family: 'Sabbagh' } } });
  for (const [id, e] of [
    [
      khaled,
      {
        kind: 'arrested',
        date: '2013-04',
        certainty: 'believed',
        source: 'a neighbour',
        notes: 'at a checkpoint',
      },
    ],
    [khaled, { kind: 'seen_in_detention', date: '2016', certainty: 'reported' }],
    [khaled, { kind: 'released', date: '2024-12-08', certainty: 'confirmed', notes: 'line 4 of a list' }],
    [reem, { kind: 'reported_dead', certainty: 'reported', notes: 'undated report' }],
  ] as const)
    expect((await env.request('POST', `${A}/persons/${id}/events`, env.admin, e)).status).toBe(201);
  expect(
    (
      await env.request('POST', `${A}/persons/${reem}/links`, env.admin, {
        personId: again,
        kind: 'same_person',
        certainty: 'believed',
      })
    ).status,
  ).toBe(201);
});
afterAll(() => env.close());

describe('PFIF 1.4', () => {
  it('exports PFIF with the athar extension, and imports it back into another case as the same records', async () => {
    const x = await exportOf(A, 'pfif');
    expect(x.headers['content-type']).toContain('application/xml');
    expect(x.text).toContain('<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"');
    expect(x.text).toContain('<pfif:status>believed_alive</pfif:status>');
    expect(x.text).toContain('<pfif:linked_person_record_id>');
    // Text is escaped, never markup.
    expect(x.text).toContain('&lt;b&gt;not markup&lt;/b&gt;');
    const r = await importInto('/api/cases/formats-b', x.raw);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      format: 'pfif',
      imported: true,
      created: 3,
      events: 4,
      links: 1,
      rejectedCount: 0,
    });
    expect(await contents('/api/cases/formats-b')).toEqual(await contents(A));
  });

  it('reads a Person Finder file without the extension: notes become events, linked records links', async () => {
    const pfif = `<?xml version="1.0" encoding="UTF-8"?>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4" xmlns:other="urn:someone-else">
  <pfif:person>
    <pfif:person_record_id>example.org/person.1</pfif:person_record_id>
    <pfif:source_date>2024-12-09T10:00:00Z</pfif:source_date>
    <pfif:full_name>سامر محمود العلي</pfif:full_name>
    <pfif:alternate_names>Samer al-Ali
Abu Mahmoud</pfif:alternate_names>
    <pfif:sex>male</pfif:sex>
    <pfif:age>30-35</pfif:age>
    <other:whatever>ignored, another namespace</other:whatever>
    <pfif:note>
      <pfif:note_record_id>example.org/note.1</pfif:note_record_id>
      <pfif:author_name>his brother</pfif:author_name>
      <pfif:source_date>2014-02-01T00:00:00Z</pfif:source_date>
      <pfif:status>believed_missing</pfif:status>
      <pfif:text>not heard of since January</pfif:text>
    </pfif:note>
  </pfif:person>
  <pfif:person>
    <pfif:person_record_id>example.org/person.2</pfif:person_record_id>
    <pfif:source_date>2024-12-10T10:00:00Z</pfif:source_date>
    <pfif:full_name>Samer Mahmoud Ali</pfif:full_name>
  </pfif:person>
  <pfif:note>
    <pfif:note_record_id>example.org/note.2</pfif:note_record_id>
    <pfif:person_record_id>example.org/person.2</pfif:person_record_id>
    <pfif:linked_person_record_id>example.org/person.1</pfif:linked_person_record_id>
    <pfif:author_name>a volunteer</pfif:author_name>
    <pfif:source_date>2024-12-11T10:00:00Z</pfif:source_date>
    <pfif:status>believed_alive</pfif:status>
    <pfif:text>seen on a release video</pfif:text>
  </pfif:note>
</pfif:pfif>`;
    const C = '/api/cases/formats-c';
    const r = await importInto(C, Buffer.from(pfif));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ format: 'pfif', imported: true, created: 2, links: 1, rejectedCount: 0 });
    const found = await env.request('GET', `${C}/persons/search?q=${encodeURIComponent('سامر محمود العلي')}`);
    const one = found.body.results.find((x: { names: { ar?: object } }) => x.names.ar);
    const d = (await env.request('GET', `${C}/persons/${one.id}`)).body;
    expect(d).toMatchObject({
      externalId: 'example.org/person.1',
      names: { ar: { given: 'سامر', father: 'محمود', family: 'العلي' } },
      aliases: [
        { name: 'Samer al-Ali', kind: 'alias' },
        { name: 'Abu Mahmoud', kind: 'alias' },
      ],
      sex: 'male',
      birth: { ageFrom: 30, ageTo: 35, ageAsOf: '2024-12-09' },
      status: { status: 'missing' },
    });
    expect(d.events).toMatchObject([
      {
        kind: 'reported_missing',
        date: '2014-02-01',
        certainty: 'reported',
        source: 'his brother',
        notes: 'not heard of since January',
      },
    ]);
    const links = (await env.request('GET', `${C}/persons/${one.id}/links`)).body.links;
    expect(links).toMatchObject([
      { kind: 'possible_duplicate', certainty: 'reported', names: { lat: { given: 'Samer' } } },
    ]);
    // The top-level note's status became a sighting of the second record (alive, not where).
    const other = (await env.request('GET', `${C}/persons/${links[0].personId}`)).body;
    expect(other.events).toMatchObject([{ kind: 'seen', date: '2024-12-11' }]);
  });

  it('reports bad PFIF by line — missing mandatory fields, unknown elements, bad dates — and imports nothing', async () => {
    const bad = `<?xml version="1.0" encoding="UTF-8"?>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">
  <pfif:person>
    <pfif:source_date>2024-12-09T10:00:00Z</pfif:source_date>
    <pfif:full_name>No Record Id</pfif:full_name>
  </pfif:person>
  <pfif:person>
    <pfif:person_record_id>example.org/p.2</pfif:person_record_id>
    <pfif:source_date>yesterday</pfif:source_date>
    <pfif:full_name>Bad Date</pfif:full_name>
  </pfif:person>
  <pfif:person>
    <pfif:person_record_id>example.org/p.3</pfif:person_record_id>
    <pfif:source_date>2024-12-09T10:00:00Z</pfif:source_date>
    <pfif:full_name>Unknown Element</pfif:full_name>
    <pfif:shoe_size>42</pfif:shoe_size>
  </pfif:person>
  <pfif:person>
    <pfif:person_record_id>example.org/p.4</pfif:person_record_id>
    <pfif:source_date>2024-12-09T10:00:00Z</pfif:source_date>
    <pfif:full_name>Good Person</pfif:full_name>
    <pfif:note>
      <pfif:source_date>2024-12-09T10:00:00Z</pfif:source_date>
      <pfif:text>a note without its author</pfif:text>
    </pfif:note>
  </pfif:person>
  <pfif:person>
    <pfif:person_record_id>example.org/p.5</pfif:person_record_id>
    <pfif:source_date>2024-12-09T10:00:00Z</pfif:source_date>
    <pfif:full_name>Fine Person</pfif:full_name>
  </pfif:person>
</pfif:pfif>`;
    const D = '/api/cases/formats-d';
    const r = await importInto(D, Buffer.from(bad));
    expect(r.status).toBe(200);
    expect(r.body.imported).toBe(false);
    expect(r.body.accepted).toBe(1);
    expect(r.body.rejected).toEqual([
      { line: 3, reason: 'person: no person_record_id' },
      { line: 7, reason: expect.stringContaining('source_date "yesterday"') },
      { line: 12, reason: expect.stringContaining('unknown PFIF element <pfif:shoe_size> (line 16)') },
      { line: 22, reason: 'note: no author_name' },
    ]);
    expect((await env.request('GET', `${D}/persons`)).body.persons).toEqual([]);
    // Not XML, a DOCTYPE, another root: the file itself, by line.
    for (const [text, words] of [
      ['<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">\n<pfif:person>', 'not well-formed XML'],
      ['<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1/">]>\n<x/>', 'DOCTYPE'],
      ['<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>', 'not PFIF 1.4'],
    ] as const) {
      const f = await importInto(D, Buffer.from(text));
      expect(f.status).toBe(200);
      expect(f.body.imported).toBe(false);
      expect(f.body.rejected[0].reason).toContain(words);
    }
  });
});

describe('XLSX', () => {
  it('exports the CSV columns as a spreadsheet, neutralised, that imports back to the same records', async () => {
    const x = await exportOf(A, 'xlsx');
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(x.headers['x-athar-sha256']).toMatch(/^[0-9a-f]{64}$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header).toContain('given_name_ar');
    const cells = sheet
      .getSheetValues()
      .flat()
      .filter((v): v is string => typeof v === 'string');
    expect(cells).toContain(`'=HYPERLINK("http://example.invalid") & <b>not markup</b>`);
    expect(cells.some((c) => c.startsWith('='))).toBe(false);
    // Into an empty case by athar's own columns: the same persons (not their events: a spreadsheet
    // holds the current status only, which the import does not read back).
    const r = await importInto('/api/cases/formats-e', x.raw);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ format: 'xlsx', imported: true, created: 3, rejectedCount: 0 });
    const strip = (xs: Record<string, unknown>[]) =>
      xs.map(({ names, aliases, sex, birth, birthplace, description }) => ({
        names,
        aliases: (aliases as { name: string }[]).map((a) => a.name),
        sex,
        birth,
        birthplace,
        description,
      }));
    expect(strip(await contents('/api/cases/formats-e'))).toEqual(strip(await contents(A)));
  });

  it('takes a formula’s cached value and never runs it; a formula without one is refused on its row', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('list');
    s.addRow(['given_name', 'family_name', 'birth_date']);
    s.addRow(['Nour', 'Hamdan', { formula: '1990+0', result: 1990 }]);
    s.addRow(['Hala', 'Qassab', { formula: 'WEBSERVICE("http://127.0.0.1/")' }]);
    s.addRow(['Lina', 'Darwish', new Date('1991-01-01T00:00:00Z')]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await importInto('/api/cases/formats-e', bytes, 'dryRun=true');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.format).toBe('xlsx');
    expect(r.body.rejected).toEqual([
      { line: 3, reason: expect.stringContaining('formula without a value') },
    ]);
    // A date cell reads as its day.
    expect(r.body.accepted).toBe(2);
  });
});
