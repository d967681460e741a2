// The desk's API types are generated from the OpenAPI document, never written by hand: this
// fails when a route changed and `npm run api:types` was not run.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { apiTypes, SCHEMA_FILE } from '../scripts/api-types.ts';

it('web/src/api/schema.d.ts is what the routes generate (npm run api:types)', async () => {
  const fresh = await apiTypes();
  expect(fresh).toContain('"/api/cases/{caseId}/claims/counts"');
  expect(readFileSync(SCHEMA_FILE, 'utf8') === fresh, 'run npm run api:types').toBe(true);
}, 60_000);
