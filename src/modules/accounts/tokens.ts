import type { Static } from '@sinclair/typebox';
import type { Context } from '#src/platform/context.ts';
import { forbidden, notFound } from '#src/platform/errors.ts';
import { cursorCodec, pageSize, presentPage, type PageRequest } from '#src/platform/pagination.ts';
import { TOKEN_PREFIX } from './authenticate.ts';
import { sha256 } from './passwords.ts';
import { presentToken } from './present.ts';
import type { ApiToken } from './schemas.ts';
import { TokenRepository } from './token.repository.ts';
import { UserRepository, type UserRow } from './user.repository.ts';
import { requireUser } from './users.ts';

type Token = Static<typeof ApiToken>;

/** Creates an API token; the secret is returned once and only its hash is kept. */
export async function createToken(
  ctx: Context,
  input: { name: string; username?: string | undefined; expiresInDays?: number | undefined },
): Promise<{ token: Token; secret: string }> {
  const { actor } = ctx;
  let owner: UserRow;
  if (input.username && input.username !== actor.username) {
    if (!actor.isAdmin)
      throw forbidden('auth.admin_only', 'only an administrator may create tokens for another user');
    owner = await requireUser(ctx, input.username);
  } else {
    const self = actor.userId ? await ctx.repo(UserRepository).findById(actor.userId) : undefined;
    if (!self) throw forbidden('auth.no_user', 'no user to create a token for');
    owner = self;
  }
  const secret = TOKEN_PREFIX + ctx.ids.secret();
  const now = ctx.clock.now();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86400_000) : null;
  return ctx.transaction(async (tx) => {
    // Who made it is kept and shown to the owner: a token an administrator made for someone is no secret from them.
    const t = await tx.repo(TokenRepository).create({
      id: tx.ids.uuid(),
      user_id: owner.id,
      name: input.name,
      token_hash: sha256(secret),
      prefix: secret.slice(0, 10),
      expires_at: expiresAt,
      created_by: actor.userId,
    });
    tx.audit({ action: 'token.created', entityType: 'api_token', entityId: t.id, after: presentToken(t) });
    return { token: presentToken(t), secret };
  });
}

const tokenCursor = cursorCodec('tokens', ['instant', 'uuid']);

/** The actor's tokens, or (administrators, `all`) everyone's. */
export async function listTokens(
  ctx: Context,
  all: boolean,
  page: PageRequest,
): Promise<{ tokens: Token[]; nextCursor: string | null }> {
  const { actor } = ctx;
  if (all && !actor.isAdmin) throw forbidden('auth.admin_only', 'only an administrator may list every token');
  if (!all && !actor.userId) return { tokens: [], nextCursor: null };
  const limit = pageSize(page);
  const rows = await ctx.repo(TokenRepository).page({
    limit,
    ...(all ? {} : { userId: actor.userId! }),
    ...(page.cursor ? { after: tokenCursor.decode(page.cursor) } : {}),
  });
  const { items, nextCursor } = presentPage(rows, tokenCursor, (t) => [t.created_at, t.id], presentToken);
  return { tokens: items, nextCursor };
}

/** Revokes a token of the actor's own (any token, for administrators). */
export async function revokeToken(ctx: Context, id: string): Promise<Token> {
  const t = await ctx.repo(TokenRepository).findById(id);
  if (!t || (t.user_id !== ctx.actor.userId && !ctx.actor.isAdmin))
    throw notFound('token.not_found', `no token ${id}`);
  return ctx.transaction(async (tx) => {
    const tokens = tx.repo(TokenRepository);
    await tokens.revoke(t.id, tx.clock.now());
    const after = (await tokens.findById(t.id))!;
    tx.audit({
      action: 'token.revoked',
      entityType: 'api_token',
      entityId: t.id,
      before: presentToken(t),
      after: presentToken(after),
    });
    return presentToken(after);
  });
}
