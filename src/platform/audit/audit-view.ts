/**
 * Audit views: each entity type declares which of its fields the audit trail records, and which
 * of those are protected (recorded only as "changed", never with their value). A field that is
 * not declared never reaches the hash chain, however deep it sits: the chain cannot be edited
 * once written, so what enters it is opted in, never filtered out after the fact.
 */
import { internal } from '#src/platform/errors.ts';

/**
 * How one field is recorded:
 * - `value`: a scalar (string, number, boolean, null), recorded as it is;
 * - `protected`: recorded as `{ protected: true, changed }`, its value never;
 * - `counts`: an object of scalars under free keys (a bulk summary's counts by action);
 * - an object of field specs: a nested object, with only the declared fields;
 * - `list(spec)`: an array whose items are recorded by `spec`.
 * A declared value of the wrong shape (an object where a scalar was declared) is an error, not
 * silently recorded: a presenter that grows a nested field must declare it.
 */
export type FieldSpec = 'value' | 'protected' | 'counts' | ListSpec | ObjectSpec;
export type ListSpec = readonly [FieldSpec];
export interface ObjectSpec {
  readonly [field: string]: FieldSpec;
}

export const list = (items: FieldSpec): ListSpec => [items];

/** How a time as the API gives it (`When`: instant, zone, precision, local rendering) is recorded. */
export const WHEN_VIEW: ObjectSpec = {
  at: 'value',
  timeZone: 'value',
  precision: 'value',
  local: 'value',
  asWritten: 'value',
};

export interface AuditView {
  entityType: string;
  fields: ObjectSpec;
}

/** Declares what the trail records of one entity type. */
export function auditView(entityType: string, fields: ObjectSpec): AuditView {
  return { entityType, fields };
}

/** The views of every entity type, gathered from the modules. */
export class AuditViews {
  private readonly views = new Map<string, ObjectSpec>();

  constructor(views: Iterable<AuditView>) {
    for (const v of views) {
      if (this.views.has(v.entityType))
        throw new Error(`two audit views declare the entity type "${v.entityType}"`);
      this.views.set(v.entityType, v.fields);
    }
  }

  /**
   * What the trail records of an event's before and after states. Protected fields compare the
   * two sides to say whether they changed.
   */
  project(entityType: string, before: unknown, after: unknown): { before: unknown; after: unknown } {
    const spec = this.views.get(entityType);
    if (!spec) throw viewError(`no audit view declares the entity type "${entityType}"`);
    return {
      before: projectRoot(spec, before, after, entityType),
      after: projectRoot(spec, after, before, entityType),
    };
  }
}

function viewError(message: string) {
  return internal('audit.view', message);
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isScalar = (v: unknown): v is null | boolean | number | string =>
  v === null ||
  typeof v === 'boolean' ||
  typeof v === 'string' ||
  (typeof v === 'number' && Number.isFinite(v));

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

function projectRoot(spec: ObjectSpec, value: unknown, other: unknown, path: string): Json {
  if (value === undefined || value === null) return null;
  return projectObject(spec, value, other, path);
}

function projectObject(spec: ObjectSpec, value: unknown, other: unknown, path: string): Json {
  if (!isPlainObject(value)) throw viewError(`${path} is declared as an object but holds ${describe(value)}`);
  const o = isPlainObject(other) ? other : {};
  const out: { [k: string]: Json } = {};
  for (const [field, fieldSpec] of Object.entries(spec)) {
    if (!(field in value) || value[field] === undefined) continue;
    out[field] = projectField(fieldSpec, value[field], o[field], `${path}.${field}`);
  }
  return out;
}

function projectField(spec: FieldSpec, value: unknown, other: unknown, path: string): Json {
  if (spec === 'protected')
    return { protected: true, changed: JSON.stringify(value) !== JSON.stringify(other) };
  if (value instanceof Date) value = value.toISOString();
  if (spec === 'value') {
    if (!isScalar(value)) throw viewError(`${path} is declared as a value but holds ${describe(value)}`);
    return value;
  }
  if (value === null) return null;
  if (spec === 'counts') {
    if (!isPlainObject(value) || !Object.values(value).every(isScalar))
      throw viewError(`${path} is declared as counts but holds ${describe(value)}`);
    return value as { [k: string]: Json };
  }
  if (Array.isArray(spec)) return listOf((spec as ListSpec)[0], value, other, path);
  return projectObject(spec as ObjectSpec, value, other, path);
}

function listOf(items: FieldSpec, value: unknown, other: unknown, path: string): Json {
  if (!Array.isArray(value)) throw viewError(`${path} is declared as a list but holds ${describe(value)}`);
  const o = Array.isArray(other) ? other : [];
  return value.map((v, i) => projectField(items, v, o[i], `${path}[${i}]`));
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  if (typeof v === 'number' && !Number.isFinite(v)) return 'a non-finite number';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
