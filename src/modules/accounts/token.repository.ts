import type { Kysely, Selectable } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import { sortsAfter } from '#src/platform/database/keyset.ts';
import { toRowPage, type RowPage } from '#src/platform/pagination.ts';
import type { ApiTokenTable } from './account.tables.ts';

export type TokenRow = Selectable<ApiTokenTable>;

/** Bearer API tokens, stored by the SHA-256 of their secret. */
export class TokenRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(values: {
    id: string;
    user_id: string;
    name: string;
    token_hash: string;
    prefix: string;
    expires_at: Date | null;
  }): Promise<TokenRow> {
    return this.db.insertInto('api_token').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async findByHash(tokenHash: string): Promise<TokenRow | undefined> {
    return this.db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  async findById(id: string): Promise<TokenRow | undefined> {
    return this.db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Oldest first, a page at a time; one user's, or everyone's. */
  async page(opts: {
    userId?: string;
    limit: number;
    after?: readonly [Date, string];
  }): Promise<RowPage<TokenRow>> {
    let q = this.db.selectFrom('api_token').selectAll();
    if (opts.userId) q = q.where('user_id', '=', opts.userId);
    if (opts.after) q = q.where(sortsAfter([{ column: 'created_at' }, { column: 'id' }], opts.after));
    return toRowPage(
      await q
        .orderBy('created_at')
        .orderBy('id')
        .limit(opts.limit + 1)
        .execute(),
      opts.limit,
    );
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  async revoke(id: string, at: Date): Promise<void> {
    await this.db
      .updateTable('api_token')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async revokeAllOf(userId: string, at: Date): Promise<number> {
    const r = await this.db
      .updateTable('api_token')
      .set({ revoked_at: at })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}
