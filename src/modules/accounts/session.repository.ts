import type { Kysely, Selectable } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import type { UserSessionTable } from './account.tables.ts';

export type SessionRow = Selectable<UserSessionTable>;

/** Cookie sessions, stored by the SHA-256 of their token. */
export class SessionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(values: {
    id: string;
    user_id: string;
    token_hash: string;
    csrf_hash: string;
    expires_at: Date;
  }): Promise<void> {
    await this.db.insertInto('user_session').values(values).execute();
  }

  async findByTokenHash(tokenHash: string): Promise<SessionRow | undefined> {
    return this.db
      .selectFrom('user_session')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.updateTable('user_session').set({ last_seen_at: at }).where('id', '=', id).execute();
  }

  async revoke(id: string, at: Date): Promise<void> {
    await this.db
      .updateTable('user_session')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async revokeAllOf(userId: string, at: Date, exceptSessionId?: string): Promise<number> {
    let q = this.db
      .updateTable('user_session')
      .set({ revoked_at: at })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}
