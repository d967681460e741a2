/**
 * The columns of an import file and what each row says. Headers are matched to fields case- and
 * space-insensitively (given_name, father_name, grandfather_name, family_name, mother_name,
 * mother_family_name, aliases, sex, birth_date, birth_year, age, birthplace, description, status,
 * status_date, external_id, id, and common synonyms); `map` names the rest (`column=field`, or
 * `column=ignore`). A name column takes Arabic script and Latin spellings alike — each cell goes
 * to `ar` or `lat` by its letters — unless its field says which (`given_name_ar`,
 * `given_name_lat`). A column no one mapped stops the import, named: a column silently dropped
 * would lose what a family told an association.
 */
import { AppError, invalid } from '#src/platform/errors.ts';
import type { PfifEvent, PfifNote } from './pfif.ts';
import type { CreatePersonBody, NameParts } from './schemas.ts';
import type { EventKind } from './status.ts';

const NAME_FIELDS = {
  given_name: 'given',
  father_name: 'father',
  grandfather_name: 'grandfather',
  family_name: 'family',
  mother_name: 'motherGiven',
  mother_family_name: 'motherFamily',
} as const satisfies Record<string, keyof NameParts>;
type NameField = keyof typeof NAME_FIELDS;

const OTHER_FIELDS = [
  'id',
  'external_id',
  'aliases',
  'sex',
  'birth_date',
  'birth_year',
  'age',
  'age_as_of',
  'birthplace',
  'description',
  'status',
  'status_date',
  'ignore',
] as const;
type OtherField = (typeof OTHER_FIELDS)[number];

export const IMPORT_FIELDS: readonly string[] = [
  ...Object.keys(NAME_FIELDS).flatMap((f) => [f, `${f}_ar`, `${f}_lat`]),
  ...OTHER_FIELDS,
];

const SYNONYMS: Record<string, string> = {
  given: 'given_name',
  first_name: 'given_name',
  name: 'given_name',
  father: 'father_name',
  fathers_name: 'father_name',
  grandfather: 'grandfather_name',
  family: 'family_name',
  last_name: 'family_name',
  surname: 'family_name',
  mother: 'mother_name',
  mothers_name: 'mother_name',
  nickname: 'aliases',
  nicknames: 'aliases',
  alias: 'aliases',
  gender: 'sex',
  date_of_birth: 'birth_date',
  dob: 'birth_date',
  born: 'birth_year',
  year_of_birth: 'birth_year',
  place_of_birth: 'birthplace',
  birth_place: 'birthplace',
  notes: 'description',
  athar_id: 'id',
  // Derived by athar (an export's columns): read from the events, never from a file.
  current_status: 'ignore',
  status_since: 'ignore',
};

export type Column =
  | { kind: 'name'; part: keyof NameParts; script: 'ar' | 'lat' | 'auto'; header: string }
  | { kind: 'other'; field: Exclude<OtherField, 'ignore'>; header: string }
  | { kind: 'ignore'; header: string };

const canonical = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-.'’]+/g, '_')
    .replace(/_+/g, '_');

function columnFor(field: string, header: string): Column | null {
  const f = SYNONYMS[field] ?? field;
  const m = /^(.*?)(?:_(ar|lat))?$/.exec(f)!;
  if (m[1]! in NAME_FIELDS)
    return {
      kind: 'name',
      part: NAME_FIELDS[m[1] as NameField],
      script: (m[2] as 'ar' | 'lat') ?? 'auto',
      header,
    };
  if (m[2]) return null;
  if (f === 'ignore') return { kind: 'ignore', header };
  if ((OTHER_FIELDS as readonly string[]).includes(f))
    return { kind: 'other', field: f as Exclude<OtherField, 'ignore'>, header };
  return null;
}

/** The columns of the header, with `map` (`column=field`) applied; unknown or doubled ones refused. */
export function mapColumns(
  header: readonly string[],
  map: readonly string[],
  opts: { updating: boolean },
): Column[] {
  const given = new Map<string, string>();
  for (const m of map) {
    const at = m.lastIndexOf('=');
    if (at <= 0)
      throw invalid('import.map', `--map ${m}: write column=field`, {
        issues: [{ field: '/map', message: m }],
      });
    const field = canonical(m.slice(at + 1));
    if (!columnFor(field, ''))
      throw invalid(
        'import.map',
        `--map ${m}: unknown field "${field}" (fields: ${IMPORT_FIELDS.join(', ')})`,
        {
          issues: [{ field: '/map', message: m }],
        },
      );
    given.set(canonical(m.slice(0, at)), field);
  }
  const seen = new Set<string>();
  const unknown: string[] = [];
  const out = header.map((h) => {
    const c = canonical(h);
    const col = columnFor(given.get(c) ?? c, h);
    if (!col) {
      unknown.push(h);
      return { kind: 'ignore' as const, header: h };
    }
    const key = col.kind === 'name' ? `${col.part}:${col.script}` : col.kind === 'other' ? col.field : '';
    if (key && seen.has(key))
      throw invalid('import.columns', `two columns give ${key.replace(':auto', '')} (the second is "${h}")`);
    if (key) seen.add(key);
    return col;
  });
  if (unknown.length > 0)
    throw invalid(
      'import.columns',
      `unknown column(s) ${unknown.map((u) => `"${u}"`).join(', ')}: map each with --map column=field or column=ignore (fields: ${IMPORT_FIELDS.join(', ')})`,
      { details: { unknown } },
    );
  // Updates may change other fields only; new persons need a name.
  if (!opts.updating && !out.some((c) => c.kind === 'name'))
    throw invalid('import.columns', 'no name column (given_name, father_name, family_name, …)');
  return out;
}

const ARABIC = /\p{Script=Arabic}/u;

const STATUS_WORDS: Record<string, EventKind> = {
  missing: 'reported_missing',
  'reported missing': 'reported_missing',
  disappeared: 'reported_missing',
  مفقود: 'reported_missing',
  مفقودة: 'reported_missing',
  detained: 'seen_in_detention',
  arrested: 'arrested',
  معتقل: 'seen_in_detention',
  معتقلة: 'seen_in_detention',
  released: 'released',
  'مفرج عنه': 'released',
  'مفرج عنها': 'released',
  'أفرج عنه': 'released',
  dead: 'reported_dead',
  deceased: 'reported_dead',
  'reported dead': 'reported_dead',
  متوفى: 'reported_dead',
  متوفي: 'reported_dead',
  متوفاة: 'reported_dead',
};

/** What one row says: the person, and an event when it has a status. */
export interface RowInput {
  person: CreatePersonBody;
  id: string | null;
  externalId: string | null;
  status: { kind: EventKind; date: string | null; asWritten: string } | null;
  /** Events the file gives beyond a status (PFIF notes). */
  events?: PfifEvent[];
  /** Links to other records, by PFIF record id. */
  links?: NonNullable<PfifNote['link']>[];
  /** The record's PFIF id (to resolve links and notes). */
  pfifId?: string;
}

const rowError = (header: string, message: string) =>
  new AppError('invalid', 'import.row', `column "${header}": ${message}`);

/** The row as a person (throws AppError naming the column when a cell cannot be read). */
export function readRow(cells: readonly string[], columns: readonly Column[]): RowInput {
  const names: { ar: NameParts; lat: NameParts } = { ar: {}, lat: {} };
  const person: CreatePersonBody = { names: {} };
  let id: string | null = null;
  let externalId: string | null = null;
  let status: RowInput['status'] = null;
  let statusDate: string | null = null;
  let statusHeader = '';
  const birth: NonNullable<CreatePersonBody['birth']> = {};
  if (cells.length > columns.length)
    throw new AppError('invalid', 'import.row', `${cells.length} cells, the header has ${columns.length}`);
  columns.forEach((col, i) => {
    // athar's exports put ' before a cell a spreadsheet would run as a formula: taken off here.
    const v = (cells[i] ?? '').trim().replace(/^'(?=[=+\-@\t\r])/, '');
    if (v === '' || col.kind === 'ignore') return;
    // The API's own limits: a name part 100 characters, a description 20,000, anything else 300.
    const limit = col.kind === 'name' ? 100 : col.field === 'description' ? 20_000 : 300;
    if (v.length > limit) throw rowError(col.header, `longer than ${limit} characters`);
    if (col.kind === 'name') {
      const script = col.script === 'auto' ? (ARABIC.test(v) ? 'ar' : 'lat') : col.script;
      names[script][col.part] = v;
      return;
    }
    switch (col.field) {
      case 'id':
        if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v))
          throw rowError(col.header, `"${v}" is not an athar id`);
        id = v.toLowerCase();
        return;
      case 'external_id':
        if (v.length > 200) throw rowError(col.header, 'an id is at most 200 characters');
        externalId = v;
        return;
      case 'aliases':
        person.aliases = v
          .split(/[;|،؛]/)
          .map((a) => a.trim())
          .filter(Boolean)
          .map((name) => ({ name, kind: 'alias' as const }));
        return;
      case 'sex': {
        const s = v.toLowerCase();
        const sex = ['m', 'male', 'ذكر'].includes(s)
          ? 'male'
          : ['f', 'female', 'أنثى', 'انثى'].includes(s)
            ? 'female'
            : ['', 'u', 'unknown'].includes(s)
              ? 'unknown'
              : null;
        if (!sex) throw rowError(col.header, `"${v}" is not male, female or unknown`);
        person.sex = sex;
        return;
      }
      case 'birth_date':
        if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v))
          throw rowError(col.header, `"${v}" is not a date (1987, 1987-03 or 1987-03-14)`);
        birth.date = v;
        return;
      case 'birth_year':
        if (!/^\d{4}$/.test(v)) throw rowError(col.header, `"${v}" is not a year`);
        birth.date ??= v;
        return;
      case 'age': {
        const m = /^(\d{1,3})(?:\s*[-–]\s*(\d{1,3}))?$/.exec(v);
        if (!m) throw rowError(col.header, `"${v}" is not an age or an age range (30, 30-35)`);
        birth.ageFrom = Number(m[1]);
        birth.ageTo = Number(m[2] ?? m[1]);
        return;
      }
      case 'age_as_of':
        if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v))
          throw rowError(col.header, `"${v}" is not a date (2013, 2013-05 or 2013-05-14)`);
        birth.ageAsOf = v;
        return;
      case 'birthplace':
        person.birthplace = v;
        return;
      case 'description':
        person.description = v;
        return;
      case 'status': {
        const kind = STATUS_WORDS[v.toLowerCase()];
        if (!kind)
          throw rowError(
            col.header,
            `"${v}" is not a status (missing, detained, arrested, released, dead; or in Arabic)`,
          );
        status = { kind, date: null, asWritten: v };
        statusHeader = col.header;
        return;
      }
      case 'status_date':
        if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v))
          throw rowError(col.header, `"${v}" is not a date (2013, 2013-05 or 2013-05-14)`);
        statusDate = v;
        statusHeader ||= col.header;
        return;
    }
  });
  for (const s of ['ar', 'lat'] as const) if (Object.keys(names[s]).length > 0) person.names[s] = names[s];
  if (Object.keys(birth).length > 0) person.birth = birth;
  if (statusDate && !status) throw rowError(statusHeader, 'a status date without a status');
  if (status) (status as NonNullable<RowInput['status']>).date = statusDate;
  return { person, id, externalId, status };
}
