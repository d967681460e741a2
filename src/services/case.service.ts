import type { Static } from '@sinclair/typebox';
import type { Role } from '#src/db/schema.ts';
import { conflict, notFound } from '#src/errors.ts';
import type { CaseRow } from '#src/repositories/case.repository.ts';
import type { Case, CreateCaseBody } from '#src/schemas/case.ts';
import type { Membership as MembershipSchema } from '#src/schemas/auth.ts';
import { audit, type Actor, type CaseScope, type ServiceDeps } from './context.ts';
import { presentWhen, readWhen, validZoneOrThrow } from './when.ts';

export function presentCase(c: CaseRow, role: string | null): Case {
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    description: c.description,
    timeZone: c.time_zone,
    eventStart: presentWhen(c.event_start, c.time_zone, c.event_start_precision, c.time_zone),
    isDemo: c.is_demo,
    role,
    createdAt: c.created_at.toISOString(),
  };
}

/** Case files and who works on them. */
export class CaseService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Creates a case; its creator becomes its admin. */
  async create(actor: Actor, input: Static<typeof CreateCaseBody>, opts: { isDemo?: boolean } = {}): Promise<Case> {
    validZoneOrThrow(input.timeZone, '/timeZone');
    if (await this.deps.store.repos.cases.find(input.slug)) {
      throw conflict('case.slug_taken', `a case with slug "${input.slug}" exists`, { issues: [{ field: '/slug', message: 'taken' }] });
    }
    const start = input.eventStart ? readWhen(input.eventStart, input.timeZone, '/eventStart') : null;
    return this.deps.store.transaction(async (repos) => {
      const c = await repos.cases.create({
        id: this.deps.ids.uuid(),
        slug: input.slug,
        title: input.title,
        description: input.description ?? '',
        time_zone: input.timeZone,
        event_start: start?.at ?? null,
        event_start_precision: start?.precision ?? null,
        is_demo: opts.isDemo ?? false,
      });
      await audit(repos, this.deps, actor, { action: 'case.created', entityType: 'case', entityId: c.id, caseId: c.id, after: presentCase(c, null) });
      if (actor.userId) {
        await repos.users.setMembership(c.id, actor.userId, 'admin');
        await audit(repos, this.deps, actor, {
          action: 'membership.set', entityType: 'membership', entityId: `${c.id}:${actor.userId}`, caseId: c.id, after: { userId: actor.userId, role: 'admin' },
        });
      }
      return presentCase(c, actor.userId ? 'admin' : null);
    });
  }

  /** Cases the actor is a member of (an installation admin sees all, with their role or none). */
  async list(actor: Actor): Promise<Case[]> {
    const repos = this.deps.store.repos;
    if (actor.isAdmin) {
      const all = await repos.cases.list(null);
      const mine = new Map((actor.userId ? await repos.cases.list(actor.userId) : []).map((c) => [c.id, c.role]));
      return all.map((c) => presentCase(c, mine.get(c.id) ?? null));
    }
    if (!actor.userId) return [];
    return (await repos.cases.list(actor.userId)).map((c) => presentCase(c, c.role));
  }

  show(scope: CaseScope): Case {
    return presentCase(scope.case, scope.role);
  }

  async members(scope: CaseScope): Promise<Static<typeof MembershipSchema>[]> {
    const rows = await this.deps.store.repos.users.members(scope.case.id);
    return rows.map((m) => ({ userId: m.user_id, username: m.username, displayName: m.display_name, role: m.role, since: m.created_at.toISOString() }));
  }

  /**
   * Adds or changes a member. Case admins manage their case; an installation admin may too
   * (that is how an admin joins a case: audited like any other change).
   */
  async setMember(actor: Actor, caseRef: string, username: string, role: Role): Promise<Static<typeof MembershipSchema>> {
    const repos = this.deps.store.repos;
    const c = await repos.cases.find(caseRef);
    if (!c) throw notFound('case.not_found', `no case "${caseRef}"`);
    const u = await repos.users.findByUsername(username);
    if (!u) throw notFound('user.not_found', `no user "${username}"`);
    return this.deps.store.transaction(async (trx) => {
      const before = await trx.users.membership(c.id, u.id);
      const m = await trx.users.setMembership(c.id, u.id, role);
      await audit(trx, this.deps, actor, {
        action: 'membership.set', entityType: 'membership', entityId: `${c.id}:${u.id}`, caseId: c.id,
        before: before ? { userId: u.id, role: before.role } : null, after: { userId: u.id, role },
      });
      return { userId: u.id, username: u.username, displayName: u.display_name, role: m.role, since: m.created_at.toISOString() };
    });
  }

  async removeMember(actor: Actor, caseRef: string, username: string): Promise<void> {
    const repos = this.deps.store.repos;
    const c = await repos.cases.find(caseRef);
    if (!c) throw notFound('case.not_found', `no case "${caseRef}"`);
    const u = await repos.users.findByUsername(username);
    if (!u) throw notFound('user.not_found', `no user "${username}"`);
    await this.deps.store.transaction(async (trx) => {
      const before = await trx.users.membership(c.id, u.id);
      if (!before) throw notFound('membership.not_found', `${username} is not a member of ${c.slug}`);
      await trx.users.removeMembership(c.id, u.id);
      await audit(trx, this.deps, actor, {
        action: 'membership.removed', entityType: 'membership', entityId: `${c.id}:${u.id}`, caseId: c.id, before: { userId: u.id, role: before.role },
      });
    });
  }
}
