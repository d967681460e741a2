import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The layering rules (.dependency-cruiser.cjs) run in `npm test` over the real tree. Here each
 * rule is shown catching a deliberately wrong import in a small tree of the same shape, so a rule
 * that silently stopped matching (a renamed folder, a changed resolution) fails this test.
 */

const root = path.resolve(import.meta.dirname, '..');
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as IConfiguration;
let dir: string;

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'fixture', type: 'module', imports: { '#src/*': './src/*' } }),
  'src/engines/pure.ts':
    "import { createHash } from 'node:crypto';\nexport const h = () => createHash('sha256');\n",
  'src/engines/impure.ts':
    "import { readFileSync } from 'node:fs';\nimport { e } from '#src/platform/errors.ts';\nexport const x = [readFileSync, e];\n",
  'src/platform/errors.ts': 'export const e = 1;\n',
  'src/platform/knows-a-module.ts': "import { bar } from '../modules/bar/index.ts';\nexport const y = bar;\n",
  'src/modules/bar/index.ts': "import { useCase } from './use-case.ts';\nexport const bar = useCase;\n",
  'src/modules/bar/use-case.ts':
    "import { BarRepository } from './bar.repository.ts';\nexport const useCase = () => new BarRepository();\n",
  'src/modules/bar/bar.repository.ts':
    "import { sql } from 'kysely';\nexport class BarRepository { q = sql; }\n",
  'src/modules/bar/calls-up.repository.ts': "import { bar } from './index.ts';\nexport const z = bar;\n",
  'src/modules/foo/through-index.ts': "import { bar } from '../bar/index.ts';\nexport const ok = bar;\n",
  'src/modules/foo/reaches-in.ts':
    "import { BarRepository } from '../bar/bar.repository.ts';\nexport const no = BarRepository;\n",
  'src/modules/foo/runs-sql.ts': "import { sql } from 'kysely';\nexport const raw = sql;\n",
  'src/modules/foo/types-only.ts':
    "import type { Kysely } from 'kysely';\nexport type Db = Kysely<object>;\n",
  'src/modules/foo/sees-fastify.ts':
    "import type { FastifyRequest } from 'fastify';\nexport type R = FastifyRequest;\n",
  'src/modules/foo/foo.routes.ts':
    "import type { FastifyRequest } from 'fastify';\nexport type R = FastifyRequest;\n",
  'src/modules/foo/cycle-a.ts': "import { b } from './cycle-b.ts';\nexport const a = () => b;\n",
  'src/modules/foo/cycle-b.ts': "import { a } from './cycle-a.ts';\nexport const b = () => a;\n",
  'src/cli/uses-a-module.ts': "import { bar } from '../modules/bar/index.ts';\nexport const c = bar;\n",
  'src/modules/bar/bar.tables.ts':
    "import type { Generated } from 'kysely';\nexport interface BarTable { id: Generated<string> }\n",
  'src/modules/foo/sees-the-router.ts':
    "import type { Http } from '../../platform/http/router.ts';\nexport type H = Http;\n",
  'src/platform/http/router.ts': 'export interface Http { reply: unknown }\n',
  'src/platform/database/migrate.ts': 'export const migrate = () => 1;\n',
  'src/modules/foo/migrates.ts':
    "import { migrate } from '../../platform/database/migrate.ts';\nexport const m = migrate;\n",
  'src/app.ts': 'export const createApp = () => 1;\n',
  'src/cli/loads-the-app.ts': "import { createApp } from '../app.ts';\nexport const a = createApp;\n",
  'src/cli/loads-the-app-later.ts': "export const a = () => import('../app.ts');\n",
  'src/cli/uses-a-type.ts': "import type { Db } from '../modules/foo/types-only.ts';\nexport type D = Db;\n",
};

let result: ICruiseResult;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'athar-layering-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const { tsConfig: _unused, ...options } = config.options ?? {};
    const r = await cruise(['src'], {
      ...options,
      validate: true,
      ruleSet: { forbidden: config.forbidden ?? [] },
    });
    result = r.output as ICruiseResult;
  } finally {
    process.chdir(cwd);
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function violations(from: string): string[] {
  return result.summary.violations
    .filter((v) => v.from === from)
    .map((v) => v.rule.name)
    .sort();
}

describe('layering rules', () => {
  it('keep engines pure: no I/O and nothing of athar but engines', () => {
    expect(violations('src/engines/impure.ts')).toEqual(['engines-are-pure', 'engines-are-pure']);
    expect(violations('src/engines/pure.ts')).toEqual([]);
  });

  it('keep SQL, and the query builder, in repositories and their table types', () => {
    expect(violations('src/modules/foo/runs-sql.ts')).toEqual([
      'no-database-in-use-cases',
      'sql-only-in-repositories',
    ]);
    expect(violations('src/modules/foo/types-only.ts')).toEqual(['no-database-in-use-cases']);
    expect(violations('src/modules/foo/migrates.ts')).toEqual(['no-database-in-use-cases']);
    expect(violations('src/modules/bar/bar.repository.ts')).toEqual([]);
    expect(violations('src/modules/bar/bar.tables.ts')).toEqual([]);
  });

  it('keep Fastify, and the router, in HTTP code and route files', () => {
    expect(violations('src/modules/foo/sees-fastify.ts')).toEqual(['fastify-only-in-http']);
    expect(violations('src/modules/foo/sees-the-router.ts')).toEqual(['http-only-in-route-files']);
    expect(violations('src/modules/foo/foo.routes.ts')).toEqual([]);
  });

  it("let a module use another only through that module's index", () => {
    expect(violations('src/modules/foo/reaches-in.ts')).toEqual(['modules-through-their-index']);
    expect(violations('src/modules/foo/through-index.ts')).toEqual([]);
  });

  it('keep the platform, repositories and the CLI on their side of the arrows', () => {
    expect(violations('src/platform/knows-a-module.ts')).toEqual(['platform-knows-no-module']);
    expect(violations('src/modules/bar/calls-up.repository.ts')).toEqual(['repositories-know-no-use-case']);
    expect(violations('src/cli/uses-a-module.ts')).toEqual(['cli-is-an-api-client']);
    expect(violations('src/cli/uses-a-type.ts')).toEqual([]);
    expect(violations('src/cli/loads-the-app.ts')).toEqual(['cli-starts-light']);
    expect(violations('src/cli/loads-the-app-later.ts')).toEqual([]);
  });

  it('refuse import cycles', () => {
    expect(violations('src/modules/foo/cycle-a.ts')).toContain('no-cycles');
  });
});
