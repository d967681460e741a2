import type { Generated, Json, Precision, Ts, TsDefault } from '#src/platform/database/schema.ts';

/** The case file's tables: sources and statements, places and sweeps, figures (migration 0001). */
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
  qualifier: Generated<FigureQualifier>;
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

declare module '#src/platform/database/schema.ts' {
  interface DB {
    source: SourceTable;
    statement: StatementTable;
    place: PlaceTable;
    sweep: SweepTable;
    figure: FigureTable;
  }
}
