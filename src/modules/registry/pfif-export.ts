/**
 * A page of persons as PFIF 1.4 `person` elements, each with its events and links as notes (see
 * pfif.ts for the mapping and the extension namespace).
 */
import type { LinkRepository } from './link.repository.ts';
import type { PersonEventRow, PersonRow } from './person.repository.ts';
import { attrs, pfifDate, pfifField, xmlText } from './pfif.ts';
import { orderedEvents } from './persons.ts';
import type { Alias, NameParts, PersonNames } from './schemas.ts';

const PARTS = ['given', 'father', 'grandfather', 'family', 'motherGiven', 'motherFamily'] as const;
const full = (p: NameParts | undefined) =>
  p ? [p.given, p.father, p.grandfather, p.family].filter(Boolean).join(' ') : '';

const PFIF_STATUS: Record<PersonEventRow['kind'], string> = {
  reported_missing: 'believed_missing',
  arrested: 'believed_alive',
  seen_in_detention: 'believed_alive',
  transferred: 'believed_alive',
  seen: 'believed_alive',
  released: 'believed_alive',
  reported_dead: 'believed_dead',
  remains_identified: 'believed_dead',
};

/** A person's PFIF record id: their external id when it is one (domain/id), else athar's own. */
export function recordIdOf(p: Pick<PersonRow, 'id' | 'external_id'>, domain: string): string {
  return p.external_id && /^[^/\s]+\/\S+$/.test(p.external_id) ? p.external_id : `${domain}/person.${p.id}`;
}

/** An event's partial date as a PFIF instant (its first moment), or when it was recorded. */
const sourceDateOf = (e: PersonEventRow) =>
  e.date ? `${(e.date + '-01-01').slice(0, 10)}T00:00:00Z` : pfifDate(e.created_at);

export function pfifPerson(
  p: PersonRow,
  events: readonly PersonEventRow[],
  links: Awaited<ReturnType<LinkRepository['liveOf']>>,
  recordIds: ReadonlyMap<string, string>,
  o: { domain: string; organisation: string },
): string {
  const names = p.names as PersonNames;
  const main = names.lat ?? names.ar!;
  const other = names.lat && names.ar ? names.ar : undefined;
  const id = recordIdOf(p, o.domain);
  const aliases = p.aliases as Alias[];
  let x = '  <pfif:person>\n';
  x += pfifField('person_record_id', id);
  x += pfifField('entry_date', pfifDate(p.created_at));
  x += pfifField('author_name', o.organisation);
  x += pfifField('source_name', o.organisation);
  x += pfifField('source_date', pfifDate(p.updated_at));
  x += pfifField('full_name', full(main) || full(other));
  x += pfifField('given_name', main.given);
  x += pfifField('family_name', main.family);
  x += pfifField('alternate_names', [full(other), ...aliases.map((a) => a.name)].filter(Boolean).join('\n'));
  x += pfifField('description', p.description);
  x += pfifField('sex', p.sex === 'unknown' ? '' : p.sex);
  x += pfifField('date_of_birth', p.birth_date);
  x += pfifField(
    'age',
    p.age_from === null ? '' : p.age_from === p.age_to ? String(p.age_from) : `${p.age_from}-${p.age_to}`,
  );
  x += '    <athar:names>\n';
  for (const s of ['ar', 'lat'] as const)
    if (names[s])
      x += `      <athar:spelling${attrs({ script: s, ...Object.fromEntries(PARTS.map((k) => [k, names[s]![k]])) })}/>\n`;
  x += '    </athar:names>\n';
  for (const a of aliases)
    x += `    <athar:alias${attrs({ kind: a.kind })}>${xmlText(a.name)}</athar:alias>\n`;
  if (p.birth_date || p.age_from !== null)
    x += `    <athar:birth${attrs({ date: p.birth_date, age_from: p.age_from, age_to: p.age_to, age_as_of: p.age_as_of })}/>\n`;
  if (p.birthplace) x += `    <athar:birthplace>${xmlText(p.birthplace)}</athar:birthplace>\n`;
  x += `    <athar:external_id>${xmlText(p.external_id ?? '')}</athar:external_id>\n`;
  for (const e of orderedEvents(events)) {
    x += '    <pfif:note>\n';
    x += pfifField('note_record_id', `${o.domain}/note.${e.id}`, '      ');
    x += pfifField('person_record_id', id, '      ');
    x += pfifField('entry_date', pfifDate(e.created_at), '      ');
    x += pfifField('author_name', e.recorded_by, '      ');
    x += pfifField('source_date', sourceDateOf(e), '      ');
    x += pfifField('status', PFIF_STATUS[e.kind], '      ');
    x += pfifField('text', e.notes || `${e.kind.replace(/_/g, ' ')} (${e.certainty})`, '      ');
    // notes="none": the PFIF text (required) was made up for an event without notes.
    x += `      <athar:event${attrs({ kind: e.kind, date: e.date, certainty: e.certainty, source: e.source, place_id: e.place_id, notes: e.notes ? '' : 'none' })}/>\n`;
    x += '    </pfif:note>\n';
  }
  for (const l of links) {
    if (l.person_a !== p.id) continue; // each link once, on its first record
    const to = recordIds.get(l.person_b);
    if (!to) continue;
    x += '    <pfif:note>\n';
    x += pfifField('note_record_id', `${o.domain}/link.${l.id}`, '      ');
    x += pfifField('person_record_id', id, '      ');
    x += pfifField('linked_person_record_id', to, '      ');
    x += pfifField('entry_date', pfifDate(l.created_at), '      ');
    x += pfifField('author_name', l.created_by, '      ');
    x += pfifField('source_date', pfifDate(l.created_at), '      ');
    x += pfifField('text', l.note || l.kind.replace(/_/g, ' '), '      ');
    x += `      <athar:link${attrs({ kind: l.kind, certainty: l.certainty })}/>\n`;
    x += '    </pfif:note>\n';
  }
  x += '  </pfif:person>\n';
  return x;
}
