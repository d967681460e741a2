import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { AppUserTable, DB, Role } from '#src/db/schema.ts';

export type UserRow = Selectable<AppUserTable>;

/** Accounts, their sessions and API tokens, and case memberships. */
export class UserRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(values: Insertable<AppUserTable>): Promise<UserRow> {
    return this.db.insertInto('app_user').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async findById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByUsername(username: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
  }

  async list(): Promise<UserRow[]> {
    return this.db.selectFrom('app_user').selectAll().orderBy('username').execute();
  }

  /** Serialises first-start bootstrap across processes (transaction-scoped advisory lock). */
  async lockBootstrap(): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(4207003)`.execute(this.db);
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('app_user').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async update(id: string, values: Updateable<AppUserTable>): Promise<UserRow> {
    return this.db.updateTable('app_user').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  // sessions

  async createSession(values: { id: string; user_id: string; token_hash: string; csrf_hash: string; expires_at: Date }) {
    await this.db.insertInto('user_session').values(values).execute();
  }

  async findSession(tokenHash: string) {
    return this.db.selectFrom('user_session').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  async touchSession(id: string, at: Date) {
    await this.db.updateTable('user_session').set({ last_seen_at: at }).where('id', '=', id).execute();
  }

  async revokeSession(id: string, at: Date) {
    await this.db.updateTable('user_session').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }

  async revokeSessionsOf(userId: string, at: Date, exceptSessionId?: string): Promise<number> {
    let q = this.db.updateTable('user_session').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null);
    if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  // API tokens

  async createToken(values: { id: string; user_id: string; name: string; token_hash: string; prefix: string; expires_at: Date | null }) {
    return this.db.insertInto('api_token').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async findToken(tokenHash: string) {
    return this.db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  async findTokenById(id: string) {
    return this.db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listTokens(userId?: string) {
    let q = this.db.selectFrom('api_token').selectAll().orderBy('created_at');
    if (userId) q = q.where('user_id', '=', userId);
    return q.execute();
  }

  async touchToken(id: string, at: Date) {
    await this.db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  async revokeToken(id: string, at: Date) {
    await this.db.updateTable('api_token').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }

  async revokeTokensOf(userId: string, at: Date): Promise<number> {
    const r = await this.db
      .updateTable('api_token')
      .set({ revoked_at: at })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  // memberships

  async membership(caseId: string, userId: string) {
    return this.db.selectFrom('membership').selectAll().where('case_id', '=', caseId).where('user_id', '=', userId).executeTakeFirst();
  }

  async setMembership(caseId: string, userId: string, role: Role) {
    return this.db
      .insertInto('membership')
      .values({ case_id: caseId, user_id: userId, role })
      .onConflict((oc) => oc.columns(['case_id', 'user_id']).doUpdateSet({ role }))
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async removeMembership(caseId: string, userId: string): Promise<boolean> {
    const r = await this.db.deleteFrom('membership').where('case_id', '=', caseId).where('user_id', '=', userId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async members(caseId: string) {
    return this.db
      .selectFrom('membership')
      .innerJoin('app_user', 'app_user.id', 'membership.user_id')
      .select(['membership.user_id', 'membership.role', 'membership.created_at', 'app_user.username', 'app_user.display_name'])
      .where('membership.case_id', '=', caseId)
      .orderBy('app_user.username')
      .execute();
  }
}
