/**
 * Exporting a case's persons: a permission (`person.export`, the case's admins alone — a
 * caseworker reads persons one at a time, and an admin decides what leaves athar, as Bayanat's
 * admin-approved exports), enforced here on the server and recorded (one audit event with the
 * format, the count and the file's SHA-256, before the file is sent).
 *
 * - CSV: UTF-8 with a byte-order mark (so Excel shows Arabic), CRLF line ends, one row per person
 *   with its names by part in each script; the columns are the import's own fields, so the file
 *   imports again (`current_status` and `status_since` are derived and ignored on import). A cell
 *   that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so that
 *   a spreadsheet shows it as text instead of running it as a formula.
 * - XLSX: the CSV's columns in one sheet, every cell a string, neutralised the same way.
 * - JSON: every person with their events, as the API gives them.
 * - PFIF 1.4: every person with their events and links as notes, and the athar extension
 *   (pfif.ts), so that the file imports back to the same records.
 *
 * An export holds only what the exporter's role may see: persons and their events (the
 * registry's inquiries, with requesters' contact details, are not part of it).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { LinkRepository } from './link.repository.ts';
import { PFIF_HEAD, PFIF_TAIL } from './pfif.ts';
import { pfifPerson, recordIdOf } from './pfif-export.ts';
import { writeXlsx } from './xlsx.ts';
import type { ReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { PersonRepository, type PersonRow } from './person.repository.ts';
import { presentEvent, presentPerson } from './present.ts';
import { orderedEvents } from './persons.ts';
import type { Alias, NameParts, PersonNames } from './schemas.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'json' | 'pfif';

const PARTS: [keyof NameParts, string][] = [
  ['given', 'given_name'],
  ['father', 'father_name'],
  ['grandfather', 'grandfather_name'],
  ['family', 'family_name'],
  ['motherGiven', 'mother_name'],
  ['motherFamily', 'mother_family_name'],
];

export const CSV_COLUMNS = [
  'id',
  'external_id',
  ...PARTS.map(([, c]) => `${c}_ar`),
  ...PARTS.map(([, c]) => `${c}_lat`),
  'aliases',
  'sex',
  'birth_date',
  'age',
  'age_as_of',
  'birthplace',
  'description',
  'current_status',
  'status_since',
];

/** A cell as text a spreadsheet will not run: a leading = + - @ tab or CR gets a ' before it. */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One CSV field, quoted when it must be. */
function field(v: string): string {
  const s = neutralise(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvCells(p: PersonRow): string[] {
  const names = p.names as PersonNames;
  return [
    p.id,
    p.external_id ?? '',
    ...PARTS.map(([k]) => names.ar?.[k] ?? ''),
    ...PARTS.map(([k]) => names.lat?.[k] ?? ''),
    (p.aliases as Alias[]).map((a) => a.name).join('; '),
    p.sex,
    p.birth_date ?? '',
    p.age_from === null ? '' : p.age_from === p.age_to ? String(p.age_from) : `${p.age_from}-${p.age_to}`,
    p.age_as_of ?? '',
    p.birthplace,
    p.description,
    p.status,
    p.status_since ?? '',
  ];
}

function csvRow(p: PersonRow): string {
  return `${csvCells(p).map(field).join(',')}\r\n`;
}

export interface PersonsExport {
  exportId: string;
  fileName: string;
  contentType: string;
  sha256: string;
  size: number;
  persons: number;
  stream: ReadStream;
}

const PAGE = 1000;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  pfif: 'application/xml; charset=utf-8',
};

/** The case's persons a page at a time, in the order they were recorded. */
async function* pages(repo: PersonRepository, caseId: string): AsyncGenerator<PersonRow[]> {
  let after: readonly [Date, string] | undefined;
  for (;;) {
    const page = await repo.page(caseId, { limit: PAGE, ...(after ? { after } : {}) });
    if (page.rows.length > 0) yield page.rows;
    if (!page.more || page.rows.length === 0) return;
    const last = page.rows[page.rows.length - 1]!;
    after = [last.created_at, last.id];
  }
}

export async function exportPersons(
  ctx: Context,
  scope: CaseScope,
  format: ExportFormat,
): Promise<PersonsExport> {
  const exportId = ctx.ids.uuid();
  const repo = ctx.repo(PersonRepository);
  const domain = new URL(ctx.config.publicBaseUrl).host;
  const { sha256, size, persons, stream } = await ctx.blobs.withScratch(async (fileIn) => {
    const file = fileIn(`persons.${format}`);
    if (format === 'xlsx') {
      let n = 0;
      await writeXlsx(
        file,
        CSV_COLUMNS,
        (async function* () {
          for await (const rows of pages(repo, scope.case.id)) {
            n += rows.length;
            yield rows.map(csvCells);
          }
        })(),
        neutralise,
      );
      // Hashed as it is read back (a large export never sits whole in memory).
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of createReadStream(file)) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
      const read = await open(file, 'r');
      return { sha256: hash.digest('hex'), size, persons: n, stream: read.createReadStream() };
    }
    const fh = await open(file, 'wx', 0o600);
    const hash = createHash('sha256');
    let bytes = 0;
    let count = 0;
    const write = async (text: string) => {
      const b = Buffer.from(text, 'utf8');
      hash.update(b);
      bytes += b.length;
      await fh.write(b);
    };
    try {
      if (format === 'csv') await write(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
      else if (format === 'pfif') await write(PFIF_HEAD);
      else
        await write(
          `{"format":"athar-persons/1","case":${JSON.stringify({ id: scope.case.id, slug: scope.case.slug })},"exportId":"${exportId}","exportedAt":"${ctx.clock.now().toISOString()}","persons":[`,
        );
      let after: readonly [Date, string] | undefined;
      for (;;) {
        const page = await repo.page(scope.case.id, { limit: PAGE, ...(after ? { after } : {}) });
        if (page.rows.length === 0) break;
        if (format === 'csv') await write(page.rows.map(csvRow).join(''));
        else if (format === 'pfif') {
          const ids = page.rows.map((r) => r.id);
          const [events, links] = await Promise.all([
            repo.eventsOf(ids),
            ctx.repo(LinkRepository).liveOf(ids),
          ]);
          // The other ends of the links, for their PFIF record ids.
          const ends = await repo.byIds(scope.case.id, [
            ...new Set(links.flatMap((l) => [l.person_a, l.person_b])),
          ]);
          const recordIds = new Map(ends.map((p) => [p.id, recordIdOf(p, domain)]));
          await write(
            page.rows
              .map((r) =>
                pfifPerson(
                  r,
                  events.filter((e) => e.person_id === r.id),
                  links.filter((l) => l.person_a === r.id || l.person_b === r.id),
                  recordIds,
                  { domain, organisation: ctx.config.organisationName },
                ),
              )
              .join(''),
          );
        } else {
          const events = await repo.eventsOf(page.rows.map((r) => r.id));
          const parts = page.rows.map((r) =>
            JSON.stringify({
              ...presentPerson(r),
              events: orderedEvents(events.filter((e) => e.person_id === r.id)).map(presentEvent),
            }),
          );
          await write(`${count > 0 ? ',' : ''}${parts.join(',')}`);
        }
        count += page.rows.length;
        if (!page.more) break;
        const last = page.rows[page.rows.length - 1]!;
        after = [last.created_at, last.id];
      }
      if (format === 'json') await write(']}\n');
      if (format === 'pfif') await write(PFIF_TAIL);
      await fh.sync();
    } finally {
      await fh.close();
    }
    const read = await open(file, 'r');
    return { sha256: hash.digest('hex'), size: bytes, persons: count, stream: read.createReadStream() };
  });
  try {
    await ctx.transaction(async (tx) => {
      tx.audit({
        action: 'person.exported',
        entityType: 'person_export',
        entityId: exportId,
        caseId: scope.case.id,
        after: { id: exportId, format, persons, sha256, size },
      });
    });
  } catch (e) {
    stream.destroy();
    throw e;
  }
  return {
    exportId,
    fileName: `athar-persons-${exportId}.${format}`,
    contentType: CONTENT_TYPES[format],
    sha256,
    size,
    persons,
    stream,
  };
}
