/**
 * Persons of the registry and their events. Every opening of a person is on the audit trail
 * (`person.viewed`), and the trail holds of a person only what its audit view declares: the id
 * and the case; every other field as "changed" or not, never its value, so that erasing a person
 * leaves nothing readable in a chain that cannot be edited.
 */
import { requirePlace, requireSource, caseFileRecordExists } from '#src/modules/casefile/index.ts';
import { mediaItemInCase } from '#src/modules/media/index.ts';
import { isPartialDate } from '#src/engines/time/zoned.ts';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { conflict, invalid, notFound } from '#src/platform/errors.ts';
import { cursorCodec, pageSize, presentPage, type PageRequest } from '#src/platform/pagination.ts';
import { PersonRepository, type PersonEventRow, type PersonRow } from './person.repository.ts';
import { checkNames, searchTermsOf, spellingsOf, type Birth } from './names.ts';
import { afterPersonEvent, afterPersonsChanged } from './inquiry-hooks.ts';
import { presentEvent, presentPerson } from './present.ts';
import type {
  Alias,
  BirthInput,
  CreateEventBody,
  CreatePersonBody,
  Evidence,
  Person,
  PersonDetail,
  PersonEvent,
  PersonNames,
  UpdatePersonBody,
} from './schemas.ts';
import { deriveStatus, orderEvents, type PersonStatus } from './status.ts';

const bad = (code: string, field: string, message: string) =>
  invalid(code, `${field}: ${message}`, { issues: [{ field, message }] });

export function checkDate(value: string, field: string, today: Date): void {
  if (!isPartialDate(value))
    throw bad('person.date', field, `${value} is not a real date (1987, 1987-03 or 1987-03-14)`);
  if (value > today.toISOString().slice(0, value.length))
    throw bad('person.date', field, `${value} is in the future`);
}

/** The stored birth columns, and the birth years they allow. */
export function birthColumns(b: BirthInput | null | undefined, today: Date) {
  const none = {
    birth_date: null,
    age_from: null,
    age_to: null,
    age_as_of: null,
    birth_year_from: null,
    birth_year_to: null,
  };
  if (!b) return none;
  const age = b.ageFrom !== undefined || b.ageTo !== undefined;
  if (b.date && age) throw bad('person.birth', '/birth', 'give a birth date or an age range, not both');
  if (b.date) {
    checkDate(b.date, '/birth/date', today);
    const y = Number(b.date.slice(0, 4));
    return { ...none, birth_date: b.date, birth_year_from: y, birth_year_to: y };
  }
  if (!age) {
    if (b.ageAsOf) throw bad('person.birth', '/birth/ageAsOf', 'an age date without an age');
    return none;
  }
  const from = b.ageFrom ?? b.ageTo!;
  const to = b.ageTo ?? b.ageFrom!;
  for (const [v, f] of [
    [from, '/birth/ageFrom'],
    [to, '/birth/ageTo'],
  ] as const)
    if (!Number.isInteger(v) || v < 0 || v > 130)
      throw bad('person.birth', f, `an age of ${v} is not between 0 and 130`);
  if (from > to) throw bad('person.birth', '/birth/ageTo', `the age range ${from}–${to} is reversed`);
  const asOf = b.ageAsOf ?? today.toISOString().slice(0, 10);
  checkDate(asOf, '/birth/ageAsOf', today);
  const y = Number(asOf.slice(0, 4));
  // Aged `to` at some time in year y: born in y − to − 1 at the earliest; aged `from`: y − from at the latest.
  return {
    ...none,
    age_from: from,
    age_to: to,
    age_as_of: asOf,
    birth_year_from: y - to - 1,
    birth_year_to: y - from,
  };
}

async function checkPhoto(ctx: Context, caseId: string, id: string | null | undefined): Promise<void> {
  if (id && !(await mediaItemInCase(ctx, caseId, id)))
    throw bad('person.photo', '/photoMediaId', 'no media item of this case has this id');
}

async function storeSearchTerms(ctx: Context, row: PersonRow): Promise<void> {
  const birth: Birth = { yearFrom: row.birth_year_from, yearTo: row.birth_year_to };
  const spellings = spellingsOf(row.names as PersonNames, row.aliases as Alias[], birth, row.birthplace);
  const { keys, texts } = searchTermsOf(spellings);
  await ctx.repo(PersonRepository).replaceSearchTerms(row.case_id, row.id, keys, texts);
}

function auditPerson(ctx: Context, action: string, scope: CaseScope, after: Person, before?: Person): void {
  ctx.audit({ action, entityType: 'person', entityId: after.id, caseId: scope.case.id, before, after });
}

/** Records a person (no events yet: their status is unknown until an event says otherwise). */
export async function addPerson(
  ctx: Context,
  scope: CaseScope,
  input: CreatePersonBody,
  opts: { isDemo?: boolean } = {},
): Promise<Person> {
  const aliases = input.aliases ?? [];
  checkNames(input.names, aliases);
  await checkPhoto(ctx, scope.case.id, input.photoMediaId);
  const repo = ctx.repo(PersonRepository);
  if (input.externalId && (await repo.findByExternalId(scope.case.id, input.externalId)))
    throw conflict(
      'person.external_id_taken',
      `another person of this case has the external id ${input.externalId}`,
    );
  const row = await repo.create({
    id: ctx.ids.uuid(),
    case_id: scope.case.id,
    external_id: input.externalId ?? null,
    names: JSON.stringify(input.names),
    aliases: JSON.stringify(aliases),
    sex: input.sex ?? 'unknown',
    ...birthColumns(input.birth, ctx.clock.now()),
    birthplace: input.birthplace ?? '',
    description: input.description ?? '',
    photo_media_id: input.photoMediaId ?? null,
    status: 'unknown',
    status_event_id: null,
    status_since: null,
    is_demo: opts.isDemo ?? false,
  });
  await storeSearchTerms(ctx, row);
  const out = presentPerson(row);
  auditPerson(ctx, 'person.created', scope, out);
  await afterPersonsChanged(ctx, scope.case.id, [row.id], 'person');
  return out;
}

export async function requirePerson(ctx: Context, scope: CaseScope, id: string): Promise<PersonRow> {
  const row = await ctx.repo(PersonRepository).find(scope.case.id, id);
  if (!row) throw notFound('person.not_found', `no person ${id} in this case`);
  return row;
}

/** Corrects a person's fields; names and birth changes re-key the person for search. */
export async function updatePerson(
  ctx: Context,
  scope: CaseScope,
  id: string,
  input: UpdatePersonBody,
): Promise<Person> {
  const row = await requirePerson(ctx, scope, id);
  const before = presentPerson(row);
  const names = input.names ?? (row.names as PersonNames);
  const aliases = input.aliases ?? (row.aliases as Alias[]);
  checkNames(names, aliases);
  if (input.photoMediaId !== undefined) await checkPhoto(ctx, scope.case.id, input.photoMediaId);
  const repo = ctx.repo(PersonRepository);
  if (input.externalId && input.externalId !== row.external_id) {
    const other = await repo.findByExternalId(scope.case.id, input.externalId);
    if (other && other.id !== id)
      throw conflict(
        'person.external_id_taken',
        `another person of this case has the external id ${input.externalId}`,
      );
  }
  const updated = await repo.update(id, {
    names: JSON.stringify(names),
    aliases: JSON.stringify(aliases),
    ...(input.sex !== undefined ? { sex: input.sex } : {}),
    ...(input.birth !== undefined ? birthColumns(input.birth, ctx.clock.now()) : {}),
    ...(input.birthplace !== undefined ? { birthplace: input.birthplace } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.photoMediaId !== undefined ? { photo_media_id: input.photoMediaId } : {}),
    ...(input.externalId !== undefined ? { external_id: input.externalId } : {}),
  });
  await storeSearchTerms(ctx, updated);
  const out = presentPerson(updated);
  auditPerson(ctx, 'person.updated', scope, out, before);
  await afterPersonsChanged(ctx, scope.case.id, [id], 'person');
  return out;
}

/** One person with their events; the opening is recorded. */
export async function showPerson(ctx: Context, scope: CaseScope, id: string): Promise<PersonDetail> {
  const row = await requirePerson(ctx, scope, id);
  const events = await ctx.repo(PersonRepository).eventsOf([id]);
  ctx.audit({
    action: 'person.viewed',
    entityType: 'person',
    entityId: id,
    caseId: scope.case.id,
    after: { id },
  });
  return { ...presentPerson(row), events: orderedEvents(events).map(presentEvent) };
}

/** A person's events in the order the status rule reads them. */
export function orderedEvents(rows: readonly PersonEventRow[]): PersonEventRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return orderEvents(rows.map(statusEventOf)).map((e) => byId.get(e.id)!);
}

export function statusEventOf(r: PersonEventRow) {
  return {
    id: r.id,
    kind: r.kind,
    date: r.date,
    certainty: r.certainty,
    hasDocument: (r.evidence as Evidence[]).some((e) => e.kind === 'document'),
    recordedAt: r.created_at,
  };
}

const personCursor = cursorCodec('persons', ['instant', 'uuid']);

/** The persons of a case, in the order they were recorded (a list, one audit event). */
export async function listPersons(
  ctx: Context,
  scope: CaseScope,
  page: PageRequest & { status?: PersonStatus | undefined },
): Promise<{ persons: Person[]; nextCursor: string | null }> {
  const rows = await ctx.repo(PersonRepository).page(scope.case.id, {
    limit: pageSize(page),
    status: page.status,
    ...(page.cursor ? { after: personCursor.decode(page.cursor) } : {}),
  });
  const { items, nextCursor } = presentPage(
    rows,
    personCursor,
    (p) => [p.created_at, p.id],
    (p) => presentPerson(p),
  );
  ctx.audit({
    action: 'person.listed',
    entityType: 'person_list',
    entityId: null,
    caseId: scope.case.id,
    after: { results: items.length },
  });
  return { persons: items, nextCursor };
}

async function checkEvidence(ctx: Context, caseId: string, evidence: readonly Evidence[]): Promise<void> {
  for (const [i, e] of evidence.entries()) {
    const field = `/evidence/${i}`;
    if (e.kind === 'statement' && !(await caseFileRecordExists(ctx, caseId, 'statement', e.id)))
      throw bad('person.evidence', `${field}/id`, 'no statement of this case has this id');
    if (e.kind === 'media') {
      if (!(await mediaItemInCase(ctx, caseId, e.id)))
        throw bad('person.evidence', `${field}/id`, 'no media item of this case has this id');
      if (e.fromS !== undefined && e.toS !== undefined && e.toS < e.fromS)
        throw bad('person.evidence', `${field}/toS`, 'the time range ends before it starts');
    }
  }
}

/** Recomputes the status kept on the person from all their events. */
export async function restatePerson(ctx: Context, row: PersonRow): Promise<PersonRow> {
  const repo = ctx.repo(PersonRepository);
  const d = deriveStatus((await repo.eventsOf([row.id])).map(statusEventOf));
  const same =
    d.status === row.status &&
    d.eventId === row.status_event_id &&
    d.since === row.status_since &&
    JSON.stringify(d.conflicts) === JSON.stringify(row.status_conflicts);
  if (same) return row;
  return repo.update(row.id, {
    status: d.status,
    status_event_id: d.eventId,
    status_since: d.since,
    status_conflicts: JSON.stringify(d.conflicts),
  });
}

/** Adds an event to a person (reported missing, arrested, seen, released, …); the status follows. */
export async function addEvent(
  ctx: Context,
  scope: CaseScope,
  personId: string,
  input: CreateEventBody,
  opts: { isDemo?: boolean; fromInquiry?: string } = {},
): Promise<{ event: PersonEvent; person: Person }> {
  const caseId = scope.case.id;
  const row = await ctx.repo(PersonRepository).lock(caseId, personId);
  if (!row) throw notFound('person.not_found', `no person ${personId} in this case`);
  if (input.date) checkDate(input.date, '/date', ctx.clock.now());
  if (input.placeId) await requirePlace(ctx, caseId, input.placeId, '/placeId');
  if (input.sourceId) await requireSource(ctx, caseId, input.sourceId, '/sourceId');
  const evidence = input.evidence ?? [];
  await checkEvidence(ctx, caseId, evidence);
  const ev = await ctx.repo(PersonRepository).addEvent({
    id: ctx.ids.uuid(),
    person_id: personId,
    case_id: caseId,
    kind: input.kind,
    date: input.date ?? null,
    place_id: input.placeId ?? null,
    source: input.source ?? '',
    source_id: input.sourceId ?? null,
    certainty: input.certainty,
    evidence: JSON.stringify(evidence),
    notes: input.notes ?? '',
    recorded_by: ctx.actor.username,
    is_demo: opts.isDemo ?? false,
  });
  const before = presentPerson(row);
  const person = presentPerson(await restatePerson(ctx, row));
  const event = presentEvent(ev);
  ctx.audit({
    action: 'person.event_added',
    entityType: 'person_event',
    entityId: ev.id,
    caseId,
    after: event,
  });
  if (person.status.status !== before.status.status)
    auditPerson(ctx, 'person.status_changed', scope, person, before);
  await afterPersonEvent(
    ctx,
    caseId,
    personId,
    ev.id,
    opts.fromInquiry ? { fromInquiry: opts.fromInquiry } : {},
  );
  return { event, person };
}
