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

/** An http(s) URL that the URL parser reads, with a host and no white space. */
export function isHttpUrl(s: string): boolean {
  if (/\s/.test(s)) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

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
  ajv.addFormat('http-url', { type: 'string', validate: isHttpUrl });
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

/** Deeper than this, input is refused: athar's bodies nest four levels at most. */
export const MAX_INPUT_DEPTH = 32;

/** What is wrong with a value no schema can say: where, and why. */
export interface InputProblem {
  field: string;
  message: string;
}

/**
 * Checks what JSON Schema cannot: no NUL character in any text (PostgreSQL text cannot hold
 * one), no number that is not finite (`1e400` parses as Infinity, which no column can hold), and
 * no nesting deeper than MAX_INPUT_DEPTH. Iterative, so a hostile depth cannot exhaust the stack.
 */
export function inspectInput(value: unknown, root = ''): InputProblem | null {
  const stack: [unknown, string, number][] = [[value, root, 0]];
  while (stack.length > 0) {
    const [v, at, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { field: at || '/', message: 'text may not contain NUL characters' };
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { field: at || '/', message: 'must be a finite number' };
    } else if (v !== null && typeof v === 'object') {
      if (depth >= MAX_INPUT_DEPTH)
        return { field: at || '/', message: `nested deeper than ${MAX_INPUT_DEPTH} levels` };
      const entries: (readonly [string, unknown])[] = Array.isArray(v)
        ? v.map((x: unknown, i) => [String(i), x] as const)
        : Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, x] = entries[i]!;
        if (k.includes('\u0000')) {
          return {
            field: `${at}/${k.replaceAll('\u0000', '\\u0000')}`,
            message: 'a name may not contain NUL characters',
          };
        }
        stack.push([x, `${at}/${k}`, depth + 1]);
      }
    }
  }
  return null;
}
