import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { modulesFor } from '#src/app.ts';
import { addSource } from '#src/modules/casefile/index.ts';
import { createCase, findCase } from '#src/modules/cases/index.ts';
import { addClaim } from '#src/modules/claims/index.ts';
import { auditView } from '#src/platform/audit/audit-view.ts';
import type { Context } from '#src/platform/context.ts';
import type { AtharModule } from '#src/platform/module.ts';
import { withAuditSummary } from '#src/platform/unit-of-work.ts';
import { testEnv, type TestEnv } from './harness.ts';

/**
 * A use case made of other use cases runs in the one context its caller opened: all of it commits,
 * or none of it. The audit trail records only the fields each entity type declares.
 */

let env: TestEnv | null = null;
afterEach(async () => {
  await env?.close();
  env = null;
});

async function count(e: TestEnv, table: string): Promise<number> {
  return Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(e.app.database.db))
      .rows[0]!.n,
  );
}

async function scopeOf(ctx: Context, slug: string) {
  return { case: (await findCase(ctx, slug))!, role: 'admin' as const };
}

describe('one unit of work', () => {
  it('rolls back every step of a composed use case, its audit events and its jobs, when a later step fails', async () => {
    env = await testEnv({ jobs: true });
    const e = env;
    const local = await e.localActor();
    const before = {
      cases: await count(e, 'case_file'),
      sources: await count(e, 'source'),
      claims: await count(e, 'claim'),
      events: await count(e, 'audit_event'),
    };
    const jobsBefore = await count(e, 'pgboss.job');
    let sourceId = '';
    await expect(
      e.run(local, async (ctx) => {
        await createCase(ctx, { slug: 'doomed-case', title: 'Doomed', timeZone: 'UTC' });
        const scope = await scopeOf(ctx, 'doomed-case');
        sourceId = (await addSource(ctx, scope, { kind: 'outlet', name: 'A paper' })).id;
        await addClaim(ctx, scope, { text: 'a rumour written before the failure', language: 'en' });
        await ctx.jobs.send('audit.verify-chain', { requestedBy: 'a step that is rolled back' });
        // Inside the unit, every step sees the steps before it.
        expect(sourceId).not.toBe('');
        expect((await findCase(ctx, 'doomed-case'))?.title).toBe('Doomed');
        throw new Error('a later step failed');
      }),
    ).rejects.toThrow('a later step failed');
    expect({
      cases: await count(e, 'case_file'),
      sources: await count(e, 'source'),
      claims: await count(e, 'claim'),
      events: await count(e, 'audit_event'),
    }).toEqual(before);
    expect(await count(e, 'pgboss.job')).toBe(jobsBefore);
    expect((await e.request('POST', '/api/audit/verify')).body.ok).toBe(true);
  });

  it('commits every step of a composed use case together, with its audit events in order', async () => {
    env = await testEnv();
    const e = env;
    await e.run(await e.localActor(), async (ctx) => {
      await createCase(ctx, { slug: 'kept-case', title: 'Kept', timeZone: 'UTC' });
      await addSource(ctx, await scopeOf(ctx, 'kept-case'), { kind: 'outlet', name: 'A paper' });
    });
    const events = (await e.request('GET', '/api/audit/events?limit=3')).body.events as { action: string }[];
    expect(events.map((x) => x.action)).toEqual(['source.created', 'membership.set', 'case.created']);
    expect(
      (await e.request('GET', '/api/cases/kept-case/sources')).body.sources.map(
        (s: { name: string }) => s.name,
      ),
    ).toEqual(['A paper']);
  });
});

/** athar's modules, with the `source` entity's audit view replaced by `fields`. */
function withSourceView(fields: Parameters<typeof auditView>[1]) {
  return (config: Parameters<typeof modulesFor>[0]): AtharModule[] =>
    modulesFor(config).map((m) =>
      m.name === 'casefile'
        ? {
            ...m,
            auditViews: [
              ...(m.auditViews ?? []).filter((v) => v.entityType !== 'source'),
              auditView('source', fields),
            ],
          }
        : m,
    );
}

describe('audit views are opt-in', () => {
  // A source as a future version of the presenter might return it: with a field nobody declared
  // (a contact's phone number) and a nested object beside the declared ones.
  async function recordSourceWithNewFields(e: TestEnv) {
    await e.request('POST', '/api/cases', e.admin, { slug: 'views-case', title: 'Views', timeZone: 'UTC' });
    await e.run(await e.localActor(), async (ctx) => {
      const scope = await scopeOf(ctx, 'views-case');
      ctx.audit({
        action: 'source.created',
        entityType: 'source',
        entityId: '00000000-0000-4000-8000-00000000000a',
        caseId: scope.case.id,
        after: {
          name: 'Rescuers',
          kind: 'organisation',
          contactPhone: '+963 11 000 0000',
          contact: { name: 'Someone', phone: '+963 11 000 0001' },
        },
      });
    });
    const events = (await e.request('GET', '/api/audit/events?entityType=source&limit=1')).body.events as {
      after: Record<string, unknown>;
    }[];
    const trail = (
      await sql<{ t: string }>`SELECT coalesce(after::text, '') AS t FROM audit_event`.execute(
        e.app.database.db,
      )
    ).rows
      .map((r) => r.t)
      .join('\n');
    return { after: events[0]!.after, trail };
  }

  it('keeps a field out of the chain, nested fields included, until the entity declares it', async () => {
    env = await testEnv();
    const { after, trail } = await recordSourceWithNewFields(env);
    expect(after).toEqual({ name: 'Rescuers', kind: 'organisation' });
    expect(trail).not.toContain('+963');
    expect(trail).not.toContain('Someone');
  });

  it('records a field once declared: a value as it is, a protected one only as changed', async () => {
    const base = { id: 'value', kind: 'value', name: 'value' } as const;
    env = await testEnv({
      modules: withSourceView({ ...base, contactPhone: 'protected', contact: { name: 'value' } }),
    });
    const { after, trail } = await recordSourceWithNewFields(env);
    expect(after).toEqual({
      name: 'Rescuers',
      kind: 'organisation',
      contactPhone: { protected: true, changed: true },
      contact: { name: 'Someone' },
    });
    expect(trail).not.toContain('+963');
    expect((await env.request('POST', '/api/audit/verify')).body.ok).toBe(true);
  });

  it('refuses a write whose event holds an object where its view declares a value, rather than record what was not declared', async () => {
    env = await testEnv({ modules: withSourceView({ id: 'value', name: 'value', contact: 'value' }) });
    await expect(recordSourceWithNewFields(env)).rejects.toMatchObject({ code: 'audit.view' });
    expect((await env.request('GET', '/api/audit/events?entityType=source')).body.events).toEqual([]);
  });

  it('refuses an event of an entity type that declares no view', async () => {
    env = await testEnv();
    const e = env;
    await expect(
      e.run(await e.localActor(), async (ctx) =>
        ctx.audit({ action: 'thing.made', entityType: 'thing', entityId: null, after: { secret: 'x' } }),
      ),
    ).rejects.toMatchObject({ code: 'audit.view' });
  });
});

describe('bulk work', () => {
  const importModule: AtharModule = {
    name: 'source-import',
    auditViews: [auditView('source_import', { file: 'value', sha256: 'value', counts: 'counts' })],
  };

  it('records one summary event with the counts, instead of one event per row', async () => {
    env = await testEnv({ modules: (config) => [...modulesFor(config), importModule] });
    const e = env;
    await e.request('POST', '/api/cases', e.admin, { slug: 'bulk-case', title: 'Bulk', timeZone: 'UTC' });
    const eventsBefore = await count(e, 'audit_event');
    await e.run(await e.localActor(), async (ctx) => {
      const scope = await scopeOf(ctx, 'bulk-case');
      const summary = {
        action: 'sources.imported',
        entityType: 'source_import',
        entityId: null,
        caseId: scope.case.id,
        after: { file: 'outlets.csv', sha256: 'ab'.repeat(32) },
      };
      await withAuditSummary(ctx, summary, async (bulk) => {
        for (let i = 0; i < 250; i++) await addSource(bulk, scope, { kind: 'outlet', name: `outlet ${i}` });
      });
    });
    expect(await count(e, 'source')).toBe(250);
    expect(await count(e, 'audit_event')).toBe(eventsBefore + 1);
    const [event] = (await e.request('GET', '/api/audit/events?limit=1')).body.events;
    expect(event).toMatchObject({
      action: 'sources.imported',
      entityType: 'source_import',
      after: { file: 'outlets.csv', sha256: 'ab'.repeat(32), counts: { 'source.created': 250 } },
    });
    expect((await e.request('POST', '/api/audit/verify')).body.ok).toBe(true);
  });
});
