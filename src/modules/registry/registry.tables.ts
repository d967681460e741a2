import type { ColumnType } from 'kysely';
import type { Generated, Json, TsDefault } from '#src/platform/database/schema.ts';
import type { Certainty, EventKind, PersonStatus } from './status.ts';

/** The registry's tables (migration 0014). */
export interface PersonTable {
  id: string;
  case_id: string;
  external_id: string | null;
  names: Json;
  aliases: Json;
  sex: 'female' | 'male' | 'unknown';
  birth_date: string | null;
  age_from: number | null;
  age_to: number | null;
  age_as_of: string | null;
  birth_year_from: number | null;
  birth_year_to: number | null;
  birthplace: string;
  description: string;
  photo_media_id: string | null;
  status: PersonStatus;
  status_event_id: string | null;
  status_since: string | null;
  status_conflicts: ColumnType<string[], string | undefined, string>;
  is_demo: Generated<boolean>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export interface PersonEventTable {
  id: string;
  person_id: string;
  case_id: string;
  kind: EventKind;
  date: string | null;
  place_id: string | null;
  source: string;
  source_id: string | null;
  certainty: Certainty;
  evidence: Json;
  notes: string;
  recorded_by: string;
  is_demo: Generated<boolean>;
  created_at: TsDefault;
}

export interface PersonKeyTable {
  case_id: string;
  key: string;
  person_id: string;
}

export interface PersonSpellingTable {
  person_id: string;
  n: number;
  case_id: string;
  text: string;
}

declare module '#src/platform/database/schema.ts' {
  interface DB {
    person: PersonTable;
    person_event: PersonEventTable;
    person_key: PersonKeyTable;
    person_spelling: PersonSpellingTable;
  }
}
