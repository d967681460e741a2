import type { Kysely, Selectable } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';
import { keysetPage } from '#src/platform/database/keyset.ts';
import type { RowPage } from '#src/platform/pagination.ts';
import type { ApiTokenTable, TokenEnd } from './account.tables.ts';

export type TokenRow = Selectable<ApiTokenTable>;
/** A token with the username of whoever made it. */
export type TokenWithMaker = TokenRow & { created_by_username: string | null };

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
    created_by: string | null;
  }): Promise<TokenWithMaker> {
    await this.db.insertInto('api_token').values(values).execute();
    return (await this.findById(values.id))!;
  }

  async findByHash(tokenHash: string): Promise<TokenRow | undefined> {
    return this.db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  private withMaker() {
    return this.db
      .selectFrom('api_token')
      .leftJoin('app_user as maker', 'maker.id', 'api_token.created_by')
      .selectAll('api_token')
      .select('maker.username as created_by_username');
  }

  async findById(id: string): Promise<TokenWithMaker | undefined> {
    return this.withMaker().where('api_token.id', '=', id).executeTakeFirst();
  }

  /** Oldest first, a page at a time; one user's, or everyone's. */
  async page(opts: {
    userId?: string;
    limit: number;
    after?: readonly [Date, string];
  }): Promise<RowPage<TokenWithMaker>> {
    let q = this.withMaker();
    if (opts.userId) q = q.where('api_token.user_id', '=', opts.userId);
    return keysetPage(
      q,
      [{ column: 'api_token.created_at' }, { column: 'api_token.id' }],
      opts.after,
      opts.limit,
    );
  }
  async touch(id: string, at: Date): Promise<void> {
    await this.db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  async revoke(id: string, at: Date): Promise<void> {
    await this.db
      .updateTable('api_token')
      .set({ revoked_at: at, revoked_reason: 'revoked' })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** Ends every live token of a user, for `reason`, but the one in use (`exceptTokenId`). */
  async revokeAllOf(userId: string, at: Date, reason: TokenEnd, exceptTokenId?: string): Promise<number> {
    let q = this.db
      .updateTable('api_token')
      .set({ revoked_at: at, revoked_reason: reason })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (exceptTokenId) q = q.where('id', '!=', exceptTokenId);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}
