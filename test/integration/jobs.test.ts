import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditVerifyResult } from '#src/services/audit.service.ts';
import { testEnv, type TestEnv } from './harness.ts';

/**
 * Background jobs share the process's one pool with Kysely. On PGlite that pool is the one
 * PostgreSQL session, so a job sent while a transaction is open must wait for it instead of
 * landing inside it (and vanishing with its rollback); a job sent as part of a transaction
 * must go with it.
 */

async function jobExists(env: TestEnv, id: string | null | undefined): Promise<boolean> {
  expect(id).toEqual(expect.any(String));
  const r = await sql<{ n: string }>`SELECT count(*) AS n FROM pgboss.job WHERE id = ${id}`.execute(env.app.database.db);
  return Number(r.rows[0]!.n) === 1;
}

describe('jobs and transactions', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv({ jobs: true });
  });
  afterAll(() => env.close());

  it('a job sent outside a transaction that rolls back is kept', async () => {
    const { store } = env.app;
    let outside: Promise<string | null> | undefined;
    await expect(
      store.transaction(async (repos) => {
        await repos.installation.set('test.probe', { inside: true });
        // Not awaited: on PGlite this waits for the pool's one connection, i.e. for this transaction to end.
        outside = store.repos.jobs.send('audit.verify-chain', { requestedBy: 'outside' });
        outside.catch(() => undefined);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const id = await outside;
    expect(await jobExists(env, id)).toBe(true);
    expect(await store.repos.installation.get('test.probe')).toBeUndefined();
  });

  it('a job sent inside a transaction goes with it: kept on commit, gone on rollback', async () => {
    const { store } = env.app;
    let rolledBack: string | null = null;
    await expect(
      store.transaction(async (repos) => {
        rolledBack = await repos.jobs.send('audit.verify-chain', { requestedBy: 'inside, rolled back' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await jobExists(env, rolledBack)).toBe(false);

    const committed = await store.transaction((repos) => repos.jobs.send('audit.verify-chain', { requestedBy: 'inside, committed' }));
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
      const r = await env.app.store.repos.installation.get<AuditVerifyResult>('audit.last_check');
      if (r && r.checkedAt !== after) return r;
      if (Date.now() > deadline) throw new Error('the audit.verify-chain job did not record a check within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('runs the audit-chain check and records what it found', async () => {
    expect((await env.request('POST', '/api/cases', env.admin, { slug: 'jobs-case', title: 'Jobs', timeZone: 'UTC' })).status).toBe(201);
    expect(await env.app.store.repos.installation.get('audit.last_check')).toBeUndefined();
    await env.app.store.repos.jobs.send('audit.verify-chain', { requestedBy: 'test' });
    const first = await nextCheck(null);
    expect(first).toMatchObject({ ok: true, events: 3, problem: null });

    // The job really walks the chain: after tampering, the next check reports it.
    await sql`UPDATE audit_event SET actor = 'forger' WHERE seq = 2`.execute(env.app.database.db);
    await new Promise((resolve) => setTimeout(resolve, 5)); // a distinct checkedAt
    await env.app.store.repos.jobs.send('audit.verify-chain', { requestedBy: 'test' });
    const second = await nextCheck(first.checkedAt);
    expect(second).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 2 } });
  });
});
