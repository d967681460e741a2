import type { Context } from '#src/platform/context.ts';
import { forbidden, invalid, notFound, unauthenticated } from '#src/platform/errors.ts';
import { dummyPasswordHash, hashPassword, passwordMatches, sha256 } from './passwords.ts';
import { actorOf, presentUser } from './present.ts';
import type { User } from './schemas.ts';
import { SessionRepository } from './session.repository.ts';
import { UserRepository } from './user.repository.ts';

/** Signs in with a password: a session whose token goes in a cookie, and its CSRF token. */
export async function login(
  ctx: Context,
  username: string,
  password: string,
): Promise<{ user: User; sessionToken: string; csrfToken: string; expiresAt: Date }> {
  const u = await ctx.repo(UserRepository).findByUsername(username.toLowerCase());
  const ok = await passwordMatches(u?.password_hash ?? (await dummyPasswordHash(ctx.ids)), password);
  if (!u || !ok || u.disabled_at) {
    throw unauthenticated(
      'auth.invalid_credentials',
      'wrong username or password, or the account is disabled',
    );
  }
  const sessionToken = ctx.ids.secret();
  const csrfToken = ctx.ids.secret();
  const expiresAt = new Date(ctx.clock.now().getTime() + ctx.config.sessionTtlHours * 3600_000);
  await ctx.repo(SessionRepository).create({
    id: ctx.ids.uuid(),
    user_id: u.id,
    token_hash: sha256(sessionToken),
    csrf_hash: sha256(csrfToken),
    expires_at: expiresAt,
  });
  ctx.as(actorOf(u, 'session')).audit({ action: 'session.login', entityType: 'user', entityId: u.id });
  return { user: presentUser(u), sessionToken, csrfToken, expiresAt };
}

/** Ends the actor's session (a token or local actor has none to end). */
export async function logout(ctx: Context): Promise<void> {
  const { sessionId } = ctx.actor;
  if (!sessionId) return;
  await ctx.repo(SessionRepository).revoke(sessionId, ctx.clock.now());
  ctx.audit({ action: 'session.logout', entityType: 'user', entityId: ctx.actor.userId });
}

/** Changes the actor's password; their other sessions end. */
export async function changePassword(
  ctx: Context,
  currentPassword: string,
  newPassword: string,
): Promise<User> {
  const { actor } = ctx;
  if (!actor.userId) throw forbidden('auth.no_user', 'no user to change the password of');
  const users = ctx.repo(UserRepository);
  const u = await users.findById(actor.userId);
  if (!u) throw notFound('user.not_found', 'user not found');
  if (!(await passwordMatches(u.password_hash, currentPassword))) {
    throw invalid('auth.wrong_password', 'the current password is wrong', {
      issues: [{ field: '/currentPassword', message: 'wrong password' }],
    });
  }
  if (newPassword === currentPassword) {
    throw invalid('auth.same_password', 'choose a new password', {
      issues: [{ field: '/newPassword', message: 'same as the current one' }],
    });
  }
  const hash = await hashPassword(newPassword);
  const now = ctx.clock.now();
  const updated = await users.update(u.id, {
    password_hash: hash,
    must_change_password: false,
    updated_at: now,
  });
  // Other sessions of this user end: a changed password should lock out whoever had the old one.
  await ctx.repo(SessionRepository).revokeAllOf(u.id, now, actor.sessionId);
  ctx.audit({
    action: 'user.password_changed',
    entityType: 'user',
    entityId: u.id,
    before: { passwordHash: u.password_hash },
    after: { passwordHash: hash },
  });
  return presentUser(updated);
}
