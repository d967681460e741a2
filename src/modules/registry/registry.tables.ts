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

export interface ReleaseListTable {
  id: string;
  case_id: string;
  title: string;
  event_kind: 'released' | 'seen';
  date: string | null;
  source: string;
  sha256: string;
  lines: number;
  created_by: string;
  is_demo: Generated<boolean>;
  created_at: TsDefault;
}

export interface ReleaseLineTable {
  list_id: string;
  n: number;
  text: string;
  problem: string | null;
  candidates: Json;
  inquiries: ColumnType<unknown, string | undefined, string>;
}

export interface ReleaseDecisionTable {
  list_id: string;
  n: number;
  person_id: string;
  decision: 'confirmed' | 'rejected';
  event_id: string | null;
  decided_by: string;
  decided_at: TsDefault;
}

declare module '#src/platform/database/schema.ts' {
  interface DB {
    release_list: ReleaseListTable;
    release_line: ReleaseLineTable;
    release_decision: ReleaseDecisionTable;
  }
}

/** Family inquiries, their matches and the tasks they make (migration 0016). */
export interface InquiryTable {
  id: string;
  case_id: string;
  channel: 'desk' | 'public';
  names: Json;
  sex: 'female' | 'male' | 'unknown';
  birth_year_from: number | null;
  birth_year_to: number | null;
  birthplace: string;
  last_seen: string;
  details: string;
  relation: string;
  contact_sealed: Buffer | null;
  contact_key_id: string | null;
  contact_state: 'sealed' | 'none' | 'erased' | 'purged';
  contact_removed_at: Date | null;
  consent: Json;
  status: 'open' | 'closed';
  closed_at: Date | null;
  closed_reason: string | null;
  created_by: string;
  is_demo: Generated<boolean>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export interface InquiryKeyTable {
  case_id: string;
  key: string;
  inquiry_id: string;
}

export interface InquirySpellingTable {
  inquiry_id: string;
  n: number;
  case_id: string;
  text: string;
}

export type MatchState = 'suggested' | 'confirmed' | 'rejected';

export interface InquiryMatchTable {
  inquiry_id: string;
  person_id: string;
  case_id: string;
  score: number;
  explanation: Json;
  found_by: string;
  state: Generated<MatchState>;
  decided_by: string | null;
  decided_at: Date | null;
  event_id: string | null;
  created_at: TsDefault;
}

export interface RegistryTaskTable {
  id: string;
  case_id: string;
  kind: 'contact_family';
  inquiry_id: string;
  person_id: string | null;
  reason: 'match_confirmed' | 'person_event';
  event_id: string | null;
  state: Generated<'open' | 'done'>;
  done_by: string | null;
  done_at: Date | null;
  created_at: TsDefault;
}

export interface PublicInquiryDeskTable {
  case_id: string;
  opened_by: string;
  opened_at: TsDefault;
}

declare module '#src/platform/database/schema.ts' {
  interface DB {
    inquiry: InquiryTable;
    inquiry_key: InquiryKeyTable;
    inquiry_spelling: InquirySpellingTable;
    inquiry_match: InquiryMatchTable;
    registry_task: RegistryTaskTable;
    public_inquiry_desk: PublicInquiryDeskTable;
  }
}

export type LinkKind = 'same_person' | 'possible_duplicate' | 'distinct';

/** Links between person records (migration 0017). */
export interface PersonLinkTable {
  id: string;
  case_id: string;
  person_a: string;
  person_b: string;
  kind: LinkKind;
  certainty: Certainty;
  note: string;
  created_by: string;
  created_at: TsDefault;
  removed_by: string | null;
  removed_at: Date | null;
}

declare module '#src/platform/database/schema.ts' {
  interface DB {
    person_link: PersonLinkTable;
  }
}
