/**
 * PFIF 1.4 (the People Finder Interchange Format of Google Person Finder) read and written, with
 * an athar extension namespace for what PFIF has no field for, so that athar → PFIF → athar gives
 * the same records.
 *
 * PFIF → athar:
 * - `person`: `person_record_id`, `source_date` and `full_name` are required. The names come from
 *   the extension (`athar:spelling`, by part and script) when present; else from `given_name` and
 *   `family_name`, or `full_name` split the way Arabic names are written (given, father's,
 *   grandfather's, family), each part filed under the script of its letters; `alternate_names`
 *   (one per line) become aliases; `sex`, `date_of_birth`, `age` (an age or range, as of the
 *   source date) and `description` as they are. The record id is kept as the external id (the
 *   extension's `athar:external_id`, when present, instead).
 * - `note` (inside its person, or on its own naming `person_record_id`): `author_name`,
 *   `source_date` and `text` are required. The extension's `athar:event` gives the event exactly;
 *   else the PFIF `status` does: believed_missing → reported missing, believed_dead → reported
 *   dead, believed_alive → seen (alive, not where), information_sought and is_note_author → no
 *   event; dated by the source date's day, certainty "reported", the author as source, the text as
 *   notes. A note with `linked_person_record_id` links the two records (PFIF's possible duplicate,
 *   or the extension's `athar:link` kind and certainty).
 * - An element in the PFIF or athar namespace that the format does not have rejects its record
 *   (with the line), as a CSV column nobody mapped does; elements of other namespaces are ignored,
 *   as PFIF asks. A DOCTYPE is refused: nothing in a file is ever fetched or expanded.
 *
 * athar → PFIF: every person with one note per event (in the order the status rule reads them)
 * and one per link. The home_* fields, photos and evidence (ids of this case's statements and
 * media) are not part of it.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { EVENT_KINDS, CERTAINTIES, type Certainty, type EventKind } from './status.ts';
import type { Alias, NameParts, PersonNames } from './schemas.ts';

export const PFIF_NS = 'http://zesty.ca/pfif/1.4';
export const ATHAR_NS = 'urn:x-athar:pfif:1';

export const PERSON_FIELDS = [
  'person_record_id',
  'entry_date',
  'expiry_date',
  'author_name',
  'author_email',
  'author_phone',
  'source_name',
  'source_date',
  'source_url',
  'full_name',
  'given_name',
  'family_name',
  'alternate_names',
  'description',
  'sex',
  'date_of_birth',
  'age',
  'home_street',
  'home_neighborhood',
  'home_city',
  'home_state',
  'home_postal_code',
  'home_country',
  'photo_url',
  'profile_urls',
] as const;

export const NOTE_FIELDS = [
  'note_record_id',
  'person_record_id',
  'linked_person_record_id',
  'entry_date',
  'author_name',
  'author_email',
  'author_phone',
  'source_date',
  'author_made_contact',
  'status',
  'email_of_found_person',
  'phone_of_found_person',
  'last_known_location',
  'text',
  'photo_url',
] as const;

const PARTS = ['given', 'father', 'grandfather', 'family', 'motherGiven', 'motherFamily'] as const;
const ARABIC = /\p{Script=Arabic}/u;
const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export type LinkKindName = 'same_person' | 'possible_duplicate' | 'distinct';

export interface PfifEvent {
  kind: EventKind;
  date: string | null;
  certainty: Certainty;
  source: string;
  notes: string;
  placeId: string | null;
}

export interface PfifNote {
  line: number;
  personRecordId: string;
  event: PfifEvent | null;
  link: { to: string; kind: LinkKindName; certainty: Certainty } | null;
}

export interface PfifPerson {
  line: number;
  recordId: string;
  externalId: string | null;
  names: PersonNames;
  aliases: Alias[];
  sex: 'female' | 'male' | 'unknown';
  birth: { date?: string; ageFrom?: number; ageTo?: number; ageAsOf?: string } | null;
  birthplace: string;
  description: string;
  notes: PfifNote[];
}

/** One record of a file: read, or refused with the reason. */
export type PfifItem =
  | { kind: 'person'; line: number; person: PfifPerson }
  | { kind: 'note'; line: number; note: PfifNote }
  | { kind: 'rejected'; line: number; reason: string };

export class PfifFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

interface Raw {
  line: number;
  fields: Map<string, string>;
  /** Extension elements: name, attributes, text. */
  ext: { name: string; attrs: Record<string, string>; text: string; line: number }[];
  problems: string[];
  notes: Raw[];
}

const newRaw = (line: number): Raw => ({ line, fields: new Map(), ext: [], problems: [], notes: [] });

/** Splits a full name written the Arabic way into parts: given, father's, grandfather's, family. */
function splitFull(full: string): NameParts {
  const t = full.split(/\s+/).filter(Boolean);
  if (t.length === 1) return { given: t[0]! };
  if (t.length === 2) return { given: t[0]!, family: t[1]! };
  if (t.length === 3) return { given: t[0]!, father: t[1]!, family: t[2]! };
  return { given: t[0]!, father: t[1]!, grandfather: t.slice(2, -1).join(' '), family: t[t.length - 1]! };
}

/** Parts under the script of their letters (a part mixing scripts goes by its first letter's). */
function byScript(parts: NameParts): PersonNames {
  const out: PersonNames = {};
  for (const k of PARTS) {
    const v = parts[k]?.trim();
    if (!v) continue;
    const s = ARABIC.test(v) ? 'ar' : 'lat';
    out[s] = { ...out[s], [k]: v };
  }
  return out;
}

function toEvent(raw: Raw): { event: PfifEvent | null; problem: string | null } {
  const ext = raw.ext.find((e) => e.name === 'event');
  const sourceDate = raw.fields.get('source_date') ?? '';
  if (ext) {
    const kind = ext.attrs.kind as EventKind;
    const certainty = (ext.attrs.certainty ?? 'reported') as Certainty;
    if (!EVENT_KINDS.includes(kind))
      return { event: null, problem: `athar:event kind "${ext.attrs.kind}" is not an event kind` };
    if (!CERTAINTIES.includes(certainty))
      return {
        event: null,
        problem: `athar:event certainty "${ext.attrs.certainty}" is not reported, believed or confirmed`,
      };
    const date = ext.attrs.date || null;
    if (date && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date))
      return {
        event: null,
        problem: `athar:event date "${date}" is not a date (2013, 2013-05 or 2013-05-14)`,
      };
    return {
      event: {
        kind,
        date,
        certainty,
        source: ext.attrs.source ?? '',
        notes: ext.attrs.notes === 'none' ? '' : (raw.fields.get('text') ?? ''),
        placeId: ext.attrs.place_id || null,
      },
      problem: null,
    };
  }
  const status = raw.fields.get('status') ?? '';
  const kind: EventKind | null =
    status === 'believed_missing'
      ? 'reported_missing'
      : status === 'believed_dead'
        ? 'reported_dead'
        : status === 'believed_alive'
          ? 'seen'
          : null;
  if (
    status &&
    !['believed_missing', 'believed_dead', 'believed_alive', 'information_sought', 'is_note_author'].includes(
      status,
    )
  )
    return { event: null, problem: `status "${status}" is not a PFIF 1.4 status` };
  if (!kind) return { event: null, problem: null };
  return {
    event: {
      kind,
      date: sourceDate.slice(0, 10),
      certainty: 'reported',
      source: raw.fields.get('author_name') ?? '',
      notes: raw.fields.get('text') ?? '',
      placeId: null,
    },
    problem: null,
  };
}

function readNote(raw: Raw, personRecordId: string | null): PfifItem {
  const missing = (['author_name', 'source_date', 'text'] as const).filter((f) => !raw.fields.get(f)?.trim());
  const pid = personRecordId ?? raw.fields.get('person_record_id')?.trim() ?? '';
  if (!pid) missing.unshift('person_record_id' as never);
  if (raw.problems.length > 0) return { kind: 'rejected', line: raw.line, reason: raw.problems[0]! };
  if (missing.length > 0)
    return { kind: 'rejected', line: raw.line, reason: `note: no ${missing.join(', ')}` };
  const sourceDate = raw.fields.get('source_date')!.trim();
  if (!UTC.test(sourceDate))
    return {
      kind: 'rejected',
      line: raw.line,
      reason: `note: source_date "${sourceDate}" is not a UTC date-time (2013-05-14T10:00:00Z)`,
    };
  const { event, problem } = toEvent(raw);
  if (problem) return { kind: 'rejected', line: raw.line, reason: `note: ${problem}` };
  const linked = raw.fields.get('linked_person_record_id')?.trim();
  let link: PfifNote['link'] = null;
  if (linked) {
    const ext = raw.ext.find((e) => e.name === 'link');
    const kind = (ext?.attrs.kind ?? 'possible_duplicate') as LinkKindName;
    const certainty = (ext?.attrs.certainty ?? 'reported') as Certainty;
    if (!['same_person', 'possible_duplicate', 'distinct'].includes(kind) || !CERTAINTIES.includes(certainty))
      return {
        kind: 'rejected',
        line: raw.line,
        reason: 'note: athar:link has an unknown kind or certainty',
      };
    link = { to: linked, kind, certainty };
  }
  return { kind: 'note', line: raw.line, note: { line: raw.line, personRecordId: pid, event, link } };
}

function readPerson(raw: Raw): PfifItem {
  if (raw.problems.length > 0) return { kind: 'rejected', line: raw.line, reason: raw.problems[0]! };
  const missing = (['person_record_id', 'source_date', 'full_name'] as const).filter(
    (f) => !raw.fields.get(f)?.trim(),
  );
  if (missing.length > 0)
    return { kind: 'rejected', line: raw.line, reason: `person: no ${missing.join(', ')}` };
  const f = (k: string) => raw.fields.get(k)?.trim() ?? '';
  const sourceDate = f('source_date');
  if (!UTC.test(sourceDate))
    return {
      kind: 'rejected',
      line: raw.line,
      reason: `person: source_date "${sourceDate}" is not a UTC date-time (2013-05-14T10:00:00Z)`,
    };
  const recordId = f('person_record_id');
  const spellings = raw.ext.filter((e) => e.name === 'spelling');
  let names: PersonNames = {};
  if (spellings.length > 0) {
    for (const s of spellings) {
      const script = s.attrs.script;
      if (script !== 'ar' && script !== 'lat')
        return { kind: 'rejected', line: s.line, reason: 'person: athar:spelling script must be ar or lat' };
      const parts: NameParts = {};
      for (const k of PARTS) {
        const v = s.attrs[k]?.trim();
        if (v) parts[k] = v;
      }
      names[script] = parts;
    }
  } else {
    const given = f('given_name');
    const family = f('family_name');
    names = byScript(
      given || family
        ? { ...(given ? { given } : {}), ...(family ? { family } : {}) }
        : splitFull(f('full_name')),
    );
  }
  const aliasExt = raw.ext.filter((e) => e.name === 'alias');
  const aliases: Alias[] =
    aliasExt.length > 0 || raw.ext.some((e) => e.name === 'names')
      ? aliasExt.map((a) => ({
          name: a.text.trim(),
          kind: a.attrs.kind === 'nickname' ? 'nickname' : 'alias',
        }))
      : f('alternate_names')
          .split(/\r?\n/)
          .map((x) => x.trim())
          .filter(Boolean)
          .map((name) => ({ name, kind: 'alias' as const }));
  const sexRaw = f('sex');
  const sex = sexRaw === 'female' || sexRaw === 'male' ? sexRaw : 'unknown';
  if (sexRaw && !['female', 'male', 'other'].includes(sexRaw))
    return {
      kind: 'rejected',
      line: raw.line,
      reason: `person: sex "${sexRaw}" is not female, male or other`,
    };
  let birth: PfifPerson['birth'] = null;
  const birthExt = raw.ext.find((e) => e.name === 'birth');
  if (birthExt) {
    birth = {};
    if (birthExt.attrs.date) birth.date = birthExt.attrs.date;
    if (birthExt.attrs.age_from) birth.ageFrom = Number(birthExt.attrs.age_from);
    if (birthExt.attrs.age_to) birth.ageTo = Number(birthExt.attrs.age_to);
    if (birthExt.attrs.age_as_of) birth.ageAsOf = birthExt.attrs.age_as_of;
  } else if (f('date_of_birth')) {
    birth = { date: f('date_of_birth') };
  } else if (f('age')) {
    const m = /^(\d{1,3})(?:-(\d{1,3}))?$/.exec(f('age'));
    if (!m)
      return {
        kind: 'rejected',
        line: raw.line,
        reason: `person: age "${f('age')}" is not an age or a range (30, 30-35)`,
      };
    birth = { ageFrom: Number(m[1]), ageTo: Number(m[2] ?? m[1]), ageAsOf: sourceDate.slice(0, 10) };
  }
  if (birth && Object.keys(birth).length === 0) birth = null;
  const extId = raw.ext.find((e) => e.name === 'external_id');
  const notes: PfifNote[] = [];
  for (const n of raw.notes) {
    const item = readNote(n, recordId);
    if (item.kind === 'rejected') return item;
    if (item.kind === 'note') notes.push(item.note);
  }
  return {
    kind: 'person',
    line: raw.line,
    person: {
      line: raw.line,
      recordId,
      externalId: extId ? extId.text.trim() || null : recordId.slice(0, 200),
      names,
      aliases,
      sex,
      birth,
      birthplace: raw.ext.find((e) => e.name === 'birthplace')?.text.trim() ?? '',
      description: f('description'),
      notes,
    },
  };
}

const ATHAR_PERSON = new Set(['names', 'spelling', 'alias', 'birth', 'birthplace', 'external_id']);
const ATHAR_NOTE = new Set(['event', 'link']);

/**
 * Reads a PFIF 1.4 document as it streams, a person (with its notes) or a note at a time. A file
 * that is not XML, or not PFIF 1.4, stops with PfifFileError and the line.
 */
export async function* readPfif(text: AsyncIterable<string>): AsyncGenerator<PfifItem> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const out: PfifItem[] = [];
  let failure: PfifFileError | null = null;
  let root = false;
  let person: Raw | null = null;
  let note: Raw | null = null;
  let field: { name: string; text: string; ns: string } | null = null;
  let ext: Raw['ext'][number] | null = null;
  let inNames = false;
  let depth = 0;
  let ignoredDepth = 0;
  parser.on('error', (e) => {
    failure ??= new PfifFileError(
      parser.line,
      `not well-formed XML: ${e.message.replace(/^\S+:\d+:\d+: /, '')}`,
    );
  });
  parser.on('doctype', () => {
    failure ??= new PfifFileError(
      parser.line,
      'a DOCTYPE is not allowed in PFIF here (nothing in a file is fetched or expanded)',
    );
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    depth++;
    if (ignoredDepth > 0) {
      ignoredDepth++;
      return;
    }
    const ns = tag.uri;
    const name = tag.local;
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attrs[a.local] = a.value;
    if (depth === 1) {
      if (ns !== PFIF_NS || name !== 'pfif')
        failure ??= new PfifFileError(
          parser.line,
          `not PFIF 1.4: the root element must be pfif in ${PFIF_NS}`,
        );
      root = true;
      return;
    }
    if (ns !== PFIF_NS && ns !== ATHAR_NS) {
      ignoredDepth = 1; // another namespace's extension: ignored, as PFIF asks
      return;
    }
    const current = note ?? person;
    if (ns === PFIF_NS && name === 'person' && depth === 2) {
      person = newRaw(parser.line);
      return;
    }
    if (ns === PFIF_NS && name === 'note' && (depth === 2 || (depth === 3 && person))) {
      note = newRaw(parser.line);
      return;
    }
    if (!current) {
      failure ??= new PfifFileError(parser.line, `<${tag.name}> is not a PFIF 1.4 record (person or note)`);
      return;
    }
    if (field || ext || (inNames && !(ns === ATHAR_NS && name === 'spelling'))) {
      current.problems.push(`<${tag.name}> inside another field (line ${parser.line})`);
      ignoredDepth = 1;
      return;
    }
    if (ns === PFIF_NS) {
      const allowed: readonly string[] = current === note ? NOTE_FIELDS : PERSON_FIELDS;
      if (!allowed.includes(name)) {
        current.problems.push(`unknown PFIF element <${tag.name}> (line ${parser.line})`);
        ignoredDepth = 1;
        return;
      }
      field = { name, text: '', ns };
      return;
    }
    const allowed = current === note ? ATHAR_NOTE : ATHAR_PERSON;
    if (!allowed.has(name) || (name === 'spelling') !== inNames) {
      current.problems.push(`unknown athar element <${tag.name}> here (line ${parser.line})`);
      ignoredDepth = 1;
      return;
    }
    const e = { name, attrs, text: '', line: parser.line };
    current.ext.push(e);
    if (name === 'names') inNames = true;
    else ext = e;
  });
  parser.on('text', (t) => {
    if (ignoredDepth > 0) return;
    if (field) field.text += t;
    else if (ext) ext.text += t;
  });
  parser.on('cdata', (t) => {
    if (ignoredDepth > 0) return;
    if (field) field.text += t;
    else if (ext) ext.text += t;
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    depth--;
    if (ignoredDepth > 0) {
      ignoredDepth--;
      return;
    }
    if (tag.uri === PFIF_NS && tag.local === 'note' && note) {
      if (person && depth === 2) person.notes.push(note);
      else out.push(readNote(note, null));
      note = null;
      return;
    }
    if (tag.uri === PFIF_NS && tag.local === 'person' && person && depth === 1) {
      out.push(readPerson(person));
      person = null;
      return;
    }
    if (field && tag.uri === PFIF_NS && tag.local === field.name) {
      const target = note ?? person;
      target?.fields.set(field.name, (target.fields.get(field.name) ?? '') + field.text);
      field = null;
      return;
    }
    if (tag.uri === ATHAR_NS) {
      if (tag.local === 'names') inNames = false;
      else ext = null;
    }
  });
  // The handlers set `failure`; read through a function, as the compiler cannot see them do it.
  const failed = (): PfifFileError | null => failure;
  for await (const chunk of text) {
    parser.write(chunk);
    const f = failed();
    if (f) throw f;
    yield* out.splice(0);
  }
  parser.close();
  const f = failed();
  if (f) throw f;
  if (!root) throw new PfifFileError(1, 'the file is empty: no pfif element');
  yield* out.splice(0);
}

/** Text as XML character data: escaped, and without the characters XML 1.0 cannot hold. */
export function xmlText(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/** A UTC instant as PFIF writes it (no fraction). */
export const pfifDate = (d: Date): string => `${d.toISOString().slice(0, 19)}Z`;

export const PFIF_HEAD = `<?xml version="1.0" encoding="UTF-8"?>\n<pfif:pfif xmlns:pfif="${PFIF_NS}" xmlns:athar="${ATHAR_NS}">\n`;
export const PFIF_TAIL = '</pfif:pfif>\n';

export function pfifField(name: string, value: string | null | undefined, indent = '    '): string {
  return value === null || value === undefined || value === ''
    ? ''
    : `${indent}<pfif:${name}>${xmlText(value)}</pfif:${name}>\n`;
}

export function attrs(a: Record<string, string | number | null | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${xmlText(String(v))}"`)
    .join('');
}
