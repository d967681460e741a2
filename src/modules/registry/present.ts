import type { PersonEventRow, PersonRow } from './person.repository.ts';
import type { Alias, Evidence, Person, PersonEvent, PersonNames } from './schemas.ts';

export function presentBirth(p: PersonRow): Person['birth'] {
  return {
    date: p.birth_date,
    ageFrom: p.age_from,
    ageTo: p.age_to,
    ageAsOf: p.age_as_of,
    yearFrom: p.birth_year_from,
    yearTo: p.birth_year_to,
  };
}

export function presentPerson(p: PersonRow): Person {
  return {
    id: p.id,
    caseId: p.case_id,
    externalId: p.external_id,
    names: p.names as PersonNames,
    aliases: p.aliases as Alias[],
    sex: p.sex,
    birth: presentBirth(p),
    birthplace: p.birthplace,
    description: p.description,
    photoMediaId: p.photo_media_id,
    status: {
      status: p.status,
      since: p.status_since,
      eventId: p.status_event_id,
      conflicts: p.status_conflicts,
    },
    isDemo: p.is_demo,
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
  };
}

export function presentEvent(e: PersonEventRow): PersonEvent {
  return {
    id: e.id,
    personId: e.person_id,
    kind: e.kind,
    date: e.date,
    placeId: e.place_id,
    source: e.source,
    sourceId: e.source_id,
    certainty: e.certainty,
    evidence: e.evidence as Evidence[],
    notes: e.notes,
    recordedBy: e.recorded_by,
    recordedAt: e.created_at.toISOString(),
  };
}
