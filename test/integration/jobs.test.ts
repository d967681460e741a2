import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastAuditCheck, type AuditVerifyResult } from '#src/modules/audit/index.ts';
import { SYSTEM_ACTOR, type Context } from '#src/platform/context.ts';
import { SettingsRepository } from '#src/platform/settings.repository.ts';
import { testEnv, type TestEnv } from './harness.ts';

const read = { transaction: false };
const send = (ctx: Context, requestedBy: string) => ctx.jobs.send('audit.verify-chain', { requestedBy });

/**
 * Background jobs share the process's one pool with Kysely. On PGlite that pool is the one
 * PostgreSQL session, so a job sent while a transaction is open must wait for it instead of
 * landing inside it (and vanishing with its rollback); a job sent as part of a transaction
 * must go with it.
 */

async function jobExists(env: TestEnv, id: string | null | undefined): Promise<boolean> {
  expect(id).toEqual(expect.any(String));
  const r = await sql<{ n: string }>`SELECT count(*) AS n FROM pgboss.job WHERE id = ${id}`.execute(
    env.app.database.db,
  );
  return Number(r.rows[0]!.n) === 1;
}

describe('jobs and transactions', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv({ jobs: true });
  });
  afterAll(() => env.close());

  it('a job sent outside a transaction that rolls back is kept', async () => {
    let outside: Promise<string | null> | undefined;
    await expect(
      env.run(SYSTEM_ACTOR, async (ctx) => {
        await ctx.repo(SettingsRepository).set('test.probe', { inside: true });
        // Not awaited: on PGlite this waits for the pool's one connection, i.e. for this transaction to end.
        outside = env.run(SYSTEM_ACTOR, (other) => send(other, 'outside'), read);
        outside.catch(() => undefined);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const id = await outside!;
    expect(await jobExists(env, id)).toBe(true);
    expect(
      await env.run(SYSTEM_ACTOR, (ctx) => ctx.repo(SettingsRepository).get('test.probe'), read),
    ).toBeUndefined();
  });

  it('a job sent inside a transaction goes with it: kept on commit, gone on rollback', async () => {
    let rolledBack: string | null = null;
    await expect(
      env.run(SYSTEM_ACTOR, async (ctx) => {
        rolledBack = await send(ctx, 'inside, rolled back');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await jobExists(env, rolledBack)).toBe(false);

    const committed = await env.run(SYSTEM_ACTOR, (ctx) => send(ctx, 'inside, committed'));
    expect(await jobExists(env, committed)).toBe(true);
  });
});

describe('workers', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv({ jobs: true, workers: true });
  });
  afterAll(() => env.close());

  async function nextCheck(after: string | null): Promise<AuditVerifyResult> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const r = await env.run(SYSTEM_ACTOR, (ctx) => lastAuditCheck(ctx), read);
      if (r && r.checkedAt !== after) return r;
      if (Date.now() > deadline)
        throw new Error('the audit.verify-chain job did not record a check within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('runs the audit-chain check and records what it found', async () => {
    expect(
      (
        await env.request('POST', '/api/cases', env.admin, {
          slug: 'jobs-case',
          title: 'Jobs',
          timeZone: 'UTC',
        })
      ).status,
    ).toBe(201);
    expect(await env.run(SYSTEM_ACTOR, (ctx) => lastAuditCheck(ctx), read)).toBeUndefined();
    await env.run(SYSTEM_ACTOR, (ctx) => send(ctx, 'test'), read);
    const first = await nextCheck(null);
    expect(first).toMatchObject({ ok: true, events: 3, problem: null });

    // The job really walks the chain: after tampering, the next check reports it.
    await sql`UPDATE audit_event SET actor = 'forger' WHERE seq = 2`.execute(env.app.database.db);
    await new Promise((resolve) => setTimeout(resolve, 5)); // a distinct checkedAt
    await env.run(SYSTEM_ACTOR, (ctx) => send(ctx, 'test'), read);
    const second = await nextCheck(first.checkedAt);
    expect(second).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 2 } });
  });
});
