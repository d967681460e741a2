import type { Context } from '#src/platform/context.ts';
import { invalid, notFound } from '#src/platform/errors.ts';
import { cursorCodec, pageSize, presentPage, type PageRequest } from '#src/platform/pagination.ts';
import { hashPassword, oneTimePassword, passwordProblem } from './passwords.ts';
import { presentUser } from './present.ts';
import type { User } from './schemas.ts';
import { SessionRepository } from './session.repository.ts';
import { TokenRepository } from './token.repository.ts';
import { UserRepository, userExists, type UserRow } from './user.repository.ts';

/** A user by name, or `user.not_found`. */
export async function requireUser(ctx: Context, username: string): Promise<UserRow> {
  const u = await ctx.repo(UserRepository).findByUsername(username);
  if (!u) throw notFound('user.not_found', `no user "${username}"`);
  return u;
}

/** Creates a user; without a password, with a one-time password (returned once) to change at first sign-in. */
export async function createUser(
  ctx: Context,
  input: {
    username: string;
    displayName?: string | undefined;
    password?: string | undefined;
    isAdmin?: boolean | undefined;
  },
): Promise<{ user: User; oneTimePassword?: string }> {
  if (await ctx.repo(UserRepository).findByUsername(input.username)) throw userExists(input.username);
  const weak = input.password === undefined ? null : passwordProblem(input.password);
  if (weak) throw invalid('auth.weak_password', weak, { issues: [{ field: '/password', message: weak }] });
  const oneTime = input.password === undefined ? oneTimePassword(ctx.ids) : undefined;
  // Hashed before the transaction: argon2 must not hold a database connection.
  const hash = await hashPassword(input.password ?? oneTime!);
  return ctx.transaction(async (tx) => {
    const u = await tx.repo(UserRepository).create({
      id: tx.ids.uuid(),
      username: input.username,
      display_name: input.displayName ?? input.username,
      password_hash: hash,
      must_change_password: oneTime !== undefined,
      is_admin: input.isAdmin ?? false,
    });
    tx.audit({
      action: 'user.created',
      entityType: 'user',
      entityId: u.id,
      after: { ...presentUser(u), passwordHash: hash },
    });
    return { user: presentUser(u), ...(oneTime ? { oneTimePassword: oneTime } : {}) };
  });
}

/** Names of users by id, for other modules' lists (members of a case). */
export async function usersById(
  ctx: Context,
  ids: readonly string[],
): Promise<Map<string, { username: string; displayName: string }>> {
  const rows = await ctx.repo(UserRepository).byIds([...new Set(ids)]);
  return new Map(rows.map((u) => [u.id, { username: u.username, displayName: u.display_name }]));
}

const userCursor = cursorCodec('users', ['text']);

export async function listUsers(
  ctx: Context,
  page: PageRequest,
): Promise<{ users: User[]; nextCursor: string | null }> {
  const limit = pageSize(page);
  const after = page.cursor ? userCursor.decode(page.cursor)[0] : undefined;
  const rows = await ctx.repo(UserRepository).page({ limit, ...(after !== undefined ? { after } : {}) });
  const { items, nextCursor } = presentPage(rows, userCursor, (u) => [u.username], presentUser);
  return { users: items, nextCursor };
}

/** Corrects a user's display name or administrator flag. An administrator cannot demote themselves (nobody might be left). */
export async function updateUser(
  ctx: Context,
  username: string,
  input: { displayName?: string | undefined; isAdmin?: boolean | undefined },
): Promise<User> {
  const u = await requireUser(ctx, username);
  if (input.isAdmin === false && u.id === ctx.actor.userId)
    throw invalid('user.demote_self', 'you cannot take away your own administrator role');
  const updated = await ctx.repo(UserRepository).update(u.id, {
    ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
    ...(input.isAdmin !== undefined ? { is_admin: input.isAdmin } : {}),
    updated_at: ctx.clock.now(),
  });
  ctx.audit({
    action: 'user.updated',
    entityType: 'user',
    entityId: u.id,
    before: presentUser(u),
    after: presentUser(updated),
  });
  return presentUser(updated);
}

/** Disables a user and ends every session and token they have. */
export async function disableUser(ctx: Context, username: string): Promise<User> {
  const u = await requireUser(ctx, username);
  if (u.id === ctx.actor.userId) throw invalid('user.disable_self', 'you cannot disable your own account');
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now();
    const updated = await tx
      .repo(UserRepository)
      .update(u.id, { disabled_at: u.disabled_at ?? now, updated_at: now });
    const revokedSessions = await tx.repo(SessionRepository).revokeAllOf(u.id, now);
    const revokedTokens = await tx.repo(TokenRepository).revokeAllOf(u.id, now, 'user_disabled');
    tx.audit({
      action: 'user.disabled',
      entityType: 'user',
      entityId: u.id,
      before: { disabledAt: u.disabled_at },
      after: { disabledAt: updated.disabled_at, revokedSessions, revokedTokens },
    });
    return presentUser(updated);
  });
}

/** Sets a one-time password the user must change at next sign-in; ends their sessions and tokens. */
export async function resetPassword(
  ctx: Context,
  username: string,
): Promise<{ user: User; oneTimePassword: string }> {
  const u = await requireUser(ctx, username);
  const oneTime = oneTimePassword(ctx.ids);
  const hash = await hashPassword(oneTime);
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now();
    const updated = await tx
      .repo(UserRepository)
      .update(u.id, { password_hash: hash, must_change_password: true, updated_at: now });
    const revokedSessions = await tx.repo(SessionRepository).revokeAllOf(u.id, now);
    const revokedTokens = await tx.repo(TokenRepository).revokeAllOf(u.id, now, 'password_reset');
    tx.audit({
      action: 'user.password_reset',
      entityType: 'user',
      entityId: u.id,
      before: { passwordHash: u.password_hash },
      after: { passwordHash: hash, revokedSessions, revokedTokens },
    });
    return { user: presentUser(updated), oneTimePassword: oneTime };
  });
}
