import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createToken } from '#src/modules/accounts/index.ts';
import { testEnv, type TestEnv } from './harness.ts';

/**
 * The audit trail is tamper-evident: whoever edits the table directly (altering, deleting,
 * reordering or cutting off events) is named by `POST /api/audit/verify`. Each tamper case
 * gets its own database, since the tampering cannot be undone.
 */

let env: TestEnv | null = null;
afterEach(async () => {
  await env?.close();
  env = null;
});

/** A database with a short trail of real writes (users, a case, sources, a claim). */
async function withTrail(): Promise<TestEnv> {
  env = await testEnv();
  const e = env;
  expect(
    (
      await e.request('POST', '/api/cases', e.admin, {
        slug: 'audit-case',
        title: 'Audit case',
        timeZone: 'UTC',
      })
    ).status,
  ).toBe(201);
  for (const name of ['first source', 'second source', 'third source']) {
    expect(
      (await e.request('POST', '/api/cases/audit-case/sources', e.admin, { kind: 'outlet', name })).status,
    ).toBe(201);
  }
  expect(
    (
      await e.request('POST', '/api/cases/audit-case/claims', e.admin, {
        text: 'the basements hold prisoners',
        language: 'en',
      })
    ).status,
  ).toBe(201);
  return e;
}

async function verify(e: TestEnv) {
  const r = await e.request('POST', '/api/audit/verify');
  expect(r.status).toBe(200);
  return r.body as {
    ok: boolean;
    events: number;
    head: { seq: number } | null;
    problem: { kind: string; seq: number; missingSeq?: number; id: string | null; message: string } | null;
  };
}

async function seqs(e: TestEnv): Promise<number[]> {
  const r = await sql<{ seq: string }>`SELECT seq FROM audit_event ORDER BY seq`.execute(e.app.database.db);
  return r.rows.map((x) => Number(x.seq));
}

describe('audit trail', () => {
  it('records every write with its actor, entity and values, and verifies clean', async () => {
    const e = await withTrail();
    const events = (await e.request('GET', '/api/audit/events?entityType=source&limit=10')).body.events as {
      action: string;
      actor: string;
      caseId: string;
      after: { name: string };
    }[];
    expect(events.map((x) => x.after.name)).toEqual(['third source', 'second source', 'first source']);
    expect(
      events.every(
        (x) => x.action === 'source.created' && x.actor === 'admin (local)' && typeof x.caseId === 'string',
      ),
    ).toBe(true);
    const r = await verify(e);
    expect(r).toMatchObject({ ok: true, problem: null });
    expect(r.events).toBe((await seqs(e)).length);
    expect(r.head?.seq).toBe(r.events);
  });

  it('names an event whose content or actor was altered in SQL', async () => {
    const e = await withTrail();
    await sql`UPDATE audit_event SET actor = 'someone else' WHERE seq = 5`.execute(e.app.database.db);
    let r = await verify(e);
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ kind: 'altered', seq: 5 });
    expect(r.problem!.message).toMatch(/#5 .*altered/);
    // An earlier alteration is the one named: verification reports the first break.
    await sql`UPDATE audit_event SET after = jsonb_set(after, '{title}', '"Forged title"') WHERE seq = 2`.execute(
      e.app.database.db,
    );
    r = await verify(e);
    expect(r.problem).toMatchObject({ kind: 'altered', seq: 2 });
  });

  it('names a deleted event in the middle of the chain', async () => {
    const e = await withTrail();
    await sql`DELETE FROM audit_event WHERE seq = 4`.execute(e.app.database.db);
    const r = await verify(e);
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ kind: 'deleted', missingSeq: 4, seq: 5 });
  });

  it('names events whose order was swapped (seq is not hashed, the link is)', async () => {
    const e = await withTrail();
    const db = e.app.database.db;
    await sql`UPDATE audit_event SET seq = -1 WHERE seq = 4`.execute(db);
    await sql`UPDATE audit_event SET seq = 4 WHERE seq = 5`.execute(db);
    await sql`UPDATE audit_event SET seq = 5 WHERE seq = -1`.execute(db);
    const r = await verify(e);
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ kind: 'reordered', seq: 4 });
  });

  it('names the removal of the newest events (truncation leaves no gap)', async () => {
    const e = await withTrail();
    const all = await seqs(e);
    const last = all[all.length - 1]!;
    await sql`DELETE FROM audit_event WHERE seq >= ${String(last - 1)}`.execute(e.app.database.db);
    const r = await verify(e);
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ kind: 'truncated', missingSeq: last - 1, seq: last - 2 });
  });

  it('records that a password changed, never the hash or the password', async () => {
    env = await testEnv();
    const e = env;
    const created = await e.request('POST', '/api/users', e.admin, {
      username: 'rasha',
      password: 'first password of rasha',
    });
    expect(created.status).toBe(201);
    const hashOf = async () =>
      (
        await sql<{
          password_hash: string;
        }>`SELECT password_hash FROM app_user WHERE username = 'rasha'`.execute(e.app.database.db)
      ).rows[0]!.password_hash;
    const firstHash = await hashOf();
    const t = await e.run(await e.localActor(), (ctx) =>
      createToken(ctx, { name: 'rasha', username: 'rasha' }),
    );
    const rasha = { authorization: `Bearer ${t.secret}` };
    expect(
      (
        await e.request('POST', '/api/auth/password', rasha, {
          currentPassword: 'first password of rasha',
          newPassword: 'second password of rasha',
        })
      ).status,
    ).toBe(200);
    const secondHash = await hashOf();
    expect((await e.request('POST', '/api/users/rasha/reset-password')).status).toBe(200);
    const thirdHash = await hashOf();

    const userId = created.body.user.id as string;
    const events = (await e.request('GET', `/api/audit/events?entityType=user&entityId=${userId}`)).body
      .events as {
      action: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    }[];
    const byAction = new Map(events.map((x) => [x.action, x]));
    expect(byAction.get('user.created')?.after?.passwordHash).toEqual({ protected: true, changed: true });
    expect(byAction.get('user.password_changed')?.before?.passwordHash).toEqual({
      protected: true,
      changed: true,
    });
    expect(byAction.get('user.password_changed')?.after?.passwordHash).toEqual({
      protected: true,
      changed: true,
    });
    expect(byAction.get('user.password_reset')?.after?.passwordHash).toEqual({
      protected: true,
      changed: true,
    });

    const trail = (
      await sql<{
        t: string;
      }>`SELECT coalesce(before::text, '') || coalesce(after::text, '') AS t FROM audit_event`.execute(
        e.app.database.db,
      )
    ).rows
      .map((r) => r.t)
      .join('\n');
    for (const secret of [
      firstHash,
      secondHash,
      thirdHash,
      'first password of rasha',
      'second password of rasha',
      t.secret,
    ]) {
      expect(trail).not.toContain(secret);
    }
    expect(trail).toContain('"protected": true');
    expect((await verify(e)).ok).toBe(true);
  });
});
