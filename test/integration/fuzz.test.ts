import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from './harness.ts';

/**
 * No input gives a 500. Every route of the OpenAPI document is called with path parameters, query
 * strings and bodies generated from its own schemas — valid, wrong and hostile values mixed (NUL
 * characters, numbers past Infinity, 10,000-deep nesting, huge and odd strings, unknown fields) —
 * on the in-process server with the demo case loaded. Bounded in count and time.
 */

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  additionalProperties?: boolean;
};
interface Operation {
  parameters?: { in: string; name: string; schema: Schema; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

/** Placeholders replaced in the serialised body by what JSON.stringify cannot write. */
const HUGE = '"\u2063huge\u2063"';
const DEEP = '"\u2063deep\u2063"';

const hostileString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '%00',
    '../../etc/passwd',
    "'; DROP TABLE claim; --",
    '<script>alert(1)</script>',
    '\uFFFF',
    '\uD800',
    'ـــ',
    '٠١٢',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constant('x'.repeat(70_000)),
);
const hostileNumber = fc.constantFrom(
  -1,
  0,
  1.5,
  -0,
  2 ** 31,
  2 ** 53,
  1e20,
  -1e20,
  Number.MAX_SAFE_INTEGER + 2,
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(null, true, false, {}, [], HUGE.slice(1, -1), DEEP.slice(1, -1)),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

function arb(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return anyValue;
  const alternatives = schema.anyOf ?? schema.oneOf;
  const typed = ((): fc.Arbitrary<unknown> => {
    if (schema.enum) return fc.constantFrom(...schema.enum);
    if (alternatives) return fc.oneof(...alternatives.map((s) => arb(s, depth + 1)));
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type ?? '') {
      case 'string':
        if (schema.format === 'uuid') return fc.uuid();
        if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern), { maxLength: 60 });
        return fc.string({
          minLength: schema.minLength ?? 0,
          maxLength: Math.min(schema.maxLength ?? 60, 60),
        });
      case 'integer':
        return fc.integer({
          min: schema.minimum ?? -1000,
          max: Math.min(schema.maximum ?? 1e6, Number.MAX_SAFE_INTEGER),
        });
      case 'number':
        return fc.oneof(
          {
            weight: 9,
            arbitrary: fc.double({
              noNaN: true,
              noDefaultInfinity: true,
              min: schema.minimum ?? -1e12,
              max: schema.maximum ?? 1e12,
            }),
          },
          { weight: 1, arbitrary: fc.constant(HUGE.slice(1, -1)) },
        );
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(arb(schema.items, depth + 1), { maxLength: 4 });
      case 'object': {
        const props = schema.properties ?? {};
        const required = new Set(schema.required ?? []);
        const record = fc.record(
          Object.fromEntries(Object.entries(props).map(([k, s]) => [k, arb(s, depth + 1)])),
          { requiredKeys: Object.keys(props).filter((k) => required.has(k)) },
        );
        // Now and then a field the schema does not know.
        const extra = fc.oneof(
          { weight: 9, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 6 }), anyValue) },
        );
        return fc.tuple(record, extra).map(([r, x]) => (x ? { ...r, [x[0]]: x[1] } : r));
      }
      default:
        return anyValue;
    }
  })();
  // Mostly what the schema asks for, so that requests get past validation into the use cases.
  return fc.oneof({ weight: 14, arbitrary: typed }, { weight: 1, arbitrary: anyValue });
}

/** A URL component of any string, lone surrogates included (sent as U+FFFD, as a browser would). */
const enc = (s: string) => encodeURIComponent(s.toWellFormed());

function serialise(body: unknown): string {
  return JSON.stringify(body)
    .replaceAll(HUGE, '1e400')
    .replaceAll(DEEP, `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
}

let env: TestEnv;
/** The fuzzing identity: installation administrator and admin of the demo case. */
let fuzzer: Record<string, string>;
let spec: { paths: Record<string, Record<string, Operation>> };
let pools: Record<string, string[]>;

beforeAll(async () => {
  env = await testEnv({ env: { ATHAR_LOGIN_RATE_LIMIT: '100000' } });
  expect((await env.request('POST', '/api/admin/demo')).status).toBe(200);
  fuzzer = await env.user('fuzzer', { caseSlug: 'sednaya-2024', role: 'admin', isAdmin: true });
  spec = (await env.request('GET', '/api/openapi.json', {})).body;
  const C = '/api/cases/sednaya-2024';
  const ids = async (url: string, key: string) =>
    ((await env.request('GET', url)).body[key] as { id: string }[]).map((x) => x.id);
  const claims = await ids(`${C}/claims`, 'claims');
  pools = {
    caseId: [
      ...Array<string>(8).fill('sednaya-2024'),
      'no-such-case',
      (await env.request('GET', C)).body.id as string,
    ],
    claimId: claims,
    id: [
      ...(await ids(`${C}/sources`, 'sources')),
      ...(await ids(`${C}/statements`, 'statements')),
      ...(await ids(`${C}/sweeps`, 'sweeps')),
      ...(await ids(`${C}/figures`, 'figures')),
      ...(await ids(`${C}/places`, 'places')),
    ],
    username: ['admin', 'nobody-at-all'],
  };
}, 120_000);
afterAll(() => env.close());

function paramArb(name: string, schema: Schema | undefined): fc.Arbitrary<string> {
  const known = pools[name] ?? [];
  return fc.oneof(
    { weight: 18, arbitrary: known.length > 0 ? fc.constantFrom(...known) : fc.constant('x') },
    { weight: 1, arbitrary: arb(schema).map(String) },
    { weight: 1, arbitrary: hostileString },
  );
}

describe('no input gives a 500', () => {
  it('holds for every route, with generated path parameters, query strings and bodies', async () => {
    const failures: string[] = [];
    const statuses = new Map<string, number>();
    let requests = 0;
    const deadline = Date.now() + 90_000;
    for (const [template, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        const paramSchemas = Object.fromEntries(
          (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, p.schema]),
        );
        const querySchemas = (op.parameters ?? []).filter((p) => p.in === 'query');
        const bodySchema = op.requestBody?.content['application/json']?.schema;
        const request = fc.record({
          params: fc.tuple(...names.map((n) => paramArb(n, paramSchemas[n]))),
          query: fc.array(
            fc.oneof(
              ...(querySchemas.length > 0
                ? [
                    {
                      weight: 6,
                      arbitrary: fc
                        .constantFrom(...querySchemas)
                        .chain((q) => arb(q.schema).map((v) => [q.name, v] as const)),
                    },
                  ]
                : []),
              { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 6 }), hostileString) },
            ),
            { maxLength: 3 },
          ),
          body: bodySchema ? arb(bodySchema) : fc.constantFrom(undefined, {}, 'not json'),
          anonymous: fc.oneof(
            { weight: 9, arbitrary: fc.constant(false) },
            { weight: 1, arbitrary: fc.constant(true) },
          ),
        });
        await fc.assert(
          fc.asyncProperty(request, async (r) => {
            if (Date.now() > deadline) return;
            let url = template;
            names.forEach((n, i) => (url = url.replace(`{${n}}`, enc(r.params[i]!))));
            const qs = r.query
              .map(([k, v]) => `${enc(k)}=${enc(typeof v === 'string' ? v : String(JSON.stringify(v)))}`)
              .join('&');
            const headers: Record<string, string> = r.anonymous ? {} : { ...fuzzer };
            let payload: string | undefined;
            if (method !== 'get' && r.body !== undefined) {
              payload = typeof r.body === 'string' ? r.body : serialise(r.body);
              headers['content-type'] = 'application/json';
            }
            const res = await env.server.fastify.inject({
              method: method.toUpperCase() as 'GET',
              url: qs ? `${url}?${qs}` : url,
              headers,
              ...(payload !== undefined ? { payload } : {}),
            });
            requests++;
            const key = `${method.toUpperCase()} ${template} ${res.statusCode}${process.env.ATHAR_FUZZ_REPORT && res.statusCode === 400 ? ` ${res.body.slice(0, 160)}` : ''}`;
            statuses.set(key, (statuses.get(key) ?? 0) + 1);
            const code = (() => {
              try {
                return (JSON.parse(res.body) as { code?: string }).code;
              } catch {
                return undefined;
              }
            })();
            // 503 answers that depend on the installation, not the input: no time-stamping authority
            // configured, and a URL capture whose server did not answer.
            const unavailableByDesign =
              res.statusCode === 503 &&
              ['timestamp.not_configured', 'capture.unreachable', 'capture.timeout'].includes(code ?? '');
            if (
              (res.statusCode >= 500 && !unavailableByDesign) ||
              code === 'request.unstorable' ||
              code === 'request.conflict'
            ) {
              failures.push(
                `${method.toUpperCase()} ${url}${qs ? `?${qs.slice(0, 200)}` : ''} ${payload?.slice(0, 300) ?? ''} → ${res.statusCode} ${code ?? ''}`,
              );
            }
          }),
          { numRuns: 60, seed: 20241208, endOnFailure: true },
        );
      }
    }
    // Whatever was written, the case must still read: a stored value that breaks a list breaks it
    // for good. (The fuzzing may have changed members and roles: the fuzzer is made its admin again.)
    await env.request('POST', '/api/cases/sednaya-2024/members', env.admin, {
      username: 'fuzzer',
      role: 'admin',
    });
    for (const list of [
      'sources',
      'statements',
      'places',
      'sweeps',
      'figures',
      'claims',
      'timeline',
      'audit',
      'members',
      'claimreview',
    ]) {
      const r = await env.request(
        'GET',
        `/api/cases/sednaya-2024/${list}${list === 'claimreview' ? '' : '?limit=500'}`,
        fuzzer,
      );
      if (r.status !== 200)
        failures.push(`after fuzzing, GET ${list} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    }
    if (process.env.ATHAR_FUZZ_REPORT)
      console.log(
        [...statuses.entries()]
          .sort()
          .map(([k, n]) => `${k}: ${n}`)
          .join('\n'),
      );
    expect(requests).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  }, 180_000);
});
