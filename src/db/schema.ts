import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the tables in migrations/. Timestamps come back from pg as Date. */
type Ts = ColumnType<Date, Date | string, Date | string>;
type TsDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;
export type Precision = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';
export type Role = 'admin' | 'editor' | 'reviewer' | 'caseworker' | 'viewer';

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  is_admin: Generated<boolean>;
  disabled_at: Ts | null;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export interface UserSessionTable {
  id: string;
  user_id: string;
  token_hash: string;
  csrf_hash: string;
  created_at: TsDefault;
  expires_at: Ts;
  revoked_at: Ts | null;
  last_seen_at: Ts | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: TsDefault;
  expires_at: Ts | null;
  revoked_at: Ts | null;
  last_used_at: Ts | null;
}

export interface CaseFileTable {
  id: string;
  slug: string;
  title: string;
  description: Generated<string>;
  time_zone: string;
  event_start: Ts | null;
  event_start_precision: Precision | null;
  is_demo: Generated<boolean>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export interface MembershipTable {
  case_id: string;
  user_id: string;
  role: Role;
  created_at: TsDefault;
}

export interface AuditEventTable {
  seq: string; // bigint comes back as a string from pg
  id: string;
  at: Ts;
  actor_id: string | null;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  case_id: string | null;
  before: Json | null;
  after: Json | null;
  prev_hash: string;
  hash: string;
}

export interface SourceTable {
  id: string;
  case_id: string;
  kind: 'organisation' | 'outlet' | 'account' | 'person';
  name: string;
  platform: string | null;
  handle: string | null;
  url: string | null;
  description: Generated<string>;
  is_demo: Generated<boolean>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export interface StatementTable {
  id: string;
  case_id: string;
  source_id: string;
  text: string;
  language: string;
  stated_at: Ts | null;
  stated_time_zone: string | null;
  stated_precision: Precision | null;
  stated_as_written: string | null;
  url: string | null;
  quote: string | null;
  is_demo: Generated<boolean>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export type ClaimStatus = 'unverified' | 'in_review' | 'verdict';
export type Verdict = 'false' | 'misleading' | 'unproven' | 'true';

export interface ClaimTable {
  id: string;
  case_id: string;
  text: string;
  text_folded: string;
  language: string;
  first_seen_at: Ts | null;
  first_seen_precision: Precision | null;
  first_seen_time_zone: string | null;
  appearance_url: string | null;
  claimant_source_id: string | null;
  status: ColumnType<ClaimStatus, ClaimStatus | undefined, ClaimStatus>;
  verdict: Verdict | null;
  rating: number | null;
  rating_overridden: Generated<boolean>;
  summary: string | null;
  reviewed_by: string | null;
  reviewed_at: Ts | null;
  verdict_as_of: Ts | null;
  verdict_as_of_precision: Precision | null;
  verdict_as_of_time_zone: string | null;
  published_at: Ts | null;
  published_by: string | null;
  public_url: string | null;
  author_name: string | null;
  is_demo: Generated<boolean>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export type Stance = 'supports' | 'refutes' | 'context';
export type EvidenceTarget = 'statement' | 'sweep' | 'figure' | 'media_item' | 'person';

export interface ClaimEvidenceTable {
  id: string;
  claim_id: string;
  stance: Stance;
  target_type: EvidenceTarget;
  target_id: string;
  note: Generated<string>;
  created_at: TsDefault;
}

export type PlaceKind = 'region' | 'city' | 'town' | 'site' | 'building' | 'floor' | 'zone';
export interface PlaceName {
  lang: string;
  name: string;
}

export interface PlaceTable {
  id: string;
  case_id: string;
  parent_id: string | null;
  kind: PlaceKind;
  names: Json<PlaceName[]>;
  latitude: number | null;
  longitude: number | null;
  coord_precision_m: number | null;
  coord_approximate: Generated<boolean>;
  description: Generated<string>;
  is_demo: Generated<boolean>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export type SweepResult = 'ongoing' | 'nothing_found' | 'people_found' | 'remains_found';

export interface SweepTable {
  id: string;
  case_id: string;
  place_id: string;
  source_id: string | null;
  team: string | null;
  started_at: Ts | null;
  started_precision: Precision | null;
  ended_at: Ts | null;
  ended_precision: Precision | null;
  time_zone: string | null;
  result: SweepResult;
  notes: Generated<string>;
  statement_id: string | null;
  is_demo: Generated<boolean>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export type FigureQualifier = 'exact' | 'approximately' | 'at_least' | 'at_most';

export interface FigureTable {
  id: string;
  case_id: string;
  label: string;
  value: string | null; // numeric comes back as a string: no float rounding of counts
  low: string | null;
  high: string | null;
  qualifier: ColumnType<FigureQualifier, FigureQualifier | undefined, FigureQualifier>;
  unit: string;
  period_from: string | null;
  period_to: string | null;
  source_id: string | null;
  statement_id: string | null;
  method: Generated<string>;
  is_demo: Generated<boolean>;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export interface InstallationTable {
  key: string;
  value: Json;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: TsDefault;
}

export interface DB {
  app_user: AppUserTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  case_file: CaseFileTable;
  membership: MembershipTable;
  audit_event: AuditEventTable;
  source: SourceTable;
  statement: StatementTable;
  claim: ClaimTable;
  claim_evidence: ClaimEvidenceTable;
  place: PlaceTable;
  sweep: SweepTable;
  figure: FigureTable;
  installation: InstallationTable;
  schema_migration: SchemaMigrationTable;
}
