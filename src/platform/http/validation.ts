import { Ajv } from 'ajv';
import * as addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldIssue } from '#src/platform/errors.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats =
  (
    (addFormatsModule as unknown as { default: AddFormats | { default: AddFormats } }).default as {
      default?: AddFormats;
    }
  ).default ?? (addFormatsModule as unknown as { default: AddFormats }).default;

/**
 * Two validators: request bodies are checked strictly (no type coercion, unknown fields are
 * errors, never silently dropped); query strings and path parameters arrive as text, so
 * they may be coerced to the declared number or boolean.
 */
function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

const strict = makeAjv(false);
const lenient = makeAjv(true);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strict : lenient;
  return ajv.compile(schema as object);
};

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Turns ajv errors into field issues with a JSON-pointer path naming the field. */
export function issuesFromValidation(errors: AjvError[]): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const e of errors) {
    let field = e.instancePath || '';
    let message = e.message ?? 'invalid';
    if (e.keyword === 'additionalProperties') {
      field = `${field}/${String(e.params.additionalProperty)}`;
      message = 'unknown field';
    } else if (e.keyword === 'required') {
      field = `${field}/${String(e.params.missingProperty)}`;
      message = 'required';
    } else if (e.keyword === 'enum' && Array.isArray(e.params.allowedValues)) {
      message = `must be one of: ${(e.params.allowedValues as unknown[]).join(', ')}`;
    } else if (e.keyword === 'anyOf' && errors.length > 1) {
      continue; // the branch errors say more
    }
    const key = `${field}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // One naming for every part: a JSON pointer (`/limit`, `/caseId`, `/stated/at`); the part is
    // in the error code (validation.querystring, validation.params, validation.body).
    out.push({ field: field || '/', message });
  }
  return out;
}

/** Rejects NUL characters anywhere in a JSON body: PostgreSQL text cannot hold them. */
export function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '/' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findNul(value[i], `${path}/${i}`);
      if (p) return p;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = findNul(v, `${path}/${k}`);
      if (p) return p;
    }
  }
  return null;
}
