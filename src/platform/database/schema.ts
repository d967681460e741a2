import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely's view of the tables in migrations/. The platform declares its own tables here; each
 * module declares the tables it owns beside its repository (`*.tables.ts`), by merging into `DB`
 * (`declare module '#src/platform/database/schema.ts'`), so a module's SQL and its table types
 * live together. Timestamps come back from pg as Date.
 */
export type Ts = ColumnType<Date, Date | string, Date | string>;
export type TsDefault = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T = unknown> = ColumnType<T, string, string>;
export type { Precision } from '#src/engines/time/zoned.ts';

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
  audit_event: AuditEventTable;
  installation: InstallationTable;
  schema_migration: SchemaMigrationTable;
}

/** A column with a database default (re-exported so modules' table files need only this file). */
export type { Generated };
