// The web desk's API types, generated from athar's own OpenAPI document (never written by hand):
// `npm run api:types` writes web/src/api/schema.d.ts, and test/api-types.test.ts fails when the
// committed file no longer matches the routes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import pino from 'pino';
import { modulesFor } from '#src/app.ts';
import { loadConfig } from '#src/platform/config.ts';
import { buildServer } from '#src/platform/http/server.ts';

export const SCHEMA_FILE = path.resolve(import.meta.dirname, '../web/src/api/schema.d.ts');

const never = () => Promise.reject(new Error('the OpenAPI document is built without a database'));

/** The OpenAPI document, from the route schemas alone (no database is opened). */
export async function openapiDocument(): Promise<Record<string, unknown>> {
  const config = loadConfig({ ATHAR_LOG_LEVEL: 'silent', ATHAR_DATA_DIR: '/nonexistent' });
  const server = await buildServer(
    {
      config,
      log: pino({ level: 'silent' }),
      modules: modulesFor(config),
      run: never,
      security: {
        authenticator: { token: never, session: never, local: never, csrfMatches: () => false },
        cases: { authorize: never },
        localTokens: new Set(),
      },
    },
    { logger: false },
  );
  try {
    return server.fastify.swagger() as unknown as Record<string, unknown>;
  } finally {
    await server.fastify.close();
  }
}

/** The TypeScript the desk imports. */
export async function apiTypes(): Promise<string> {
  const ast = await openapiTS((await openapiDocument()) as never);
  return `// Generated from athar's OpenAPI document by scripts/api-types.ts (npm run api:types). Do not edit.\n${astToString(ast)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(SCHEMA_FILE, await apiTypes());
  process.stdout.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
}
