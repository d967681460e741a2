import { ANONYMOUS_ACTOR, type Context } from '#src/platform/context.ts';
import { forbidden, invalid, notFound, unauthenticated } from '#src/platform/errors.ts';
import { dummyPasswordHash, hashPassword, passwordMatches, passwordProblem, sha256 } from './passwords.ts';
import { actorOf, presentUser } from './present.ts';
import type { User } from './schemas.ts';
import { SessionRepository } from './session.repository.ts';
import { clearFailures, countFailure, loginKey, passwordKey, refuseWhenThrottled } from './throttle.ts';
import { TokenRepository } from './token.repository.ts';
import { UserRepository } from './user.repository.ts';

/**
 * Signs in with a password: a session whose token goes in a cookie, and its CSRF token. The
 * password is checked outside any transaction (argon2 takes tens of milliseconds); a failure is
 * counted against the account and recorded — without the password, with the client's address —
 * before it is refused.
 */
export async function login(
  ctx: Context,
  username: string,
  password: string,
  address: string | null,
): Promise<{ user: User; sessionToken: string; csrfToken: string; expiresAt: Date }> {
  const name = username.toLowerCase();
  await refuseWhenThrottled(ctx, loginKey(name));
  const u = await ctx.repo(UserRepository).findByUsername(name);
  const ok = await passwordMatches(u?.password_hash ?? (await dummyPasswordHash(ctx.ids)), password);
  if (!u || !ok || u.disabled_at) {
    await ctx.transaction(async (tx) => {
      await countFailure(tx, loginKey(name));
      // An unknown name is not recorded: it may be a password typed in the wrong field.
      tx.as(ANONYMOUS_ACTOR).audit(
        u
          ? { action: 'session.login_failed', entityType: 'user', entityId: u.id, after: { address } }
          : {
              action: 'session.login_failed',
              entityType: 'sign_in',
              entityId: null,
              after: { address, knownUser: false },
            },
      );
    });
    throw unauthenticated(
      'auth.invalid_credentials',
      'wrong username or password, or the account is disabled',
    );
  }
  const sessionToken = ctx.ids.secret();
  const csrfToken = ctx.ids.secret();
  const expiresAt = new Date(ctx.clock.now().getTime() + ctx.config.sessionTtlHours * 3600_000);
  await ctx.transaction(async (tx) => {
    await clearFailures(tx, loginKey(name));
    await tx.repo(SessionRepository).create({
      id: tx.ids.uuid(),
      user_id: u.id,
      token_hash: sha256(sessionToken),
      csrf_hash: sha256(csrfToken),
      expires_at: expiresAt,
    });
    tx.as(actorOf(u, 'session')).audit({
      action: 'session.login',
      entityType: 'user',
      entityId: u.id,
      after: { address },
    });
  });
  return { user: presentUser(u), sessionToken, csrfToken, expiresAt };
}

/** Ends the actor's session (a token or local actor has none to end). */
export async function logout(ctx: Context): Promise<void> {
  const { sessionId } = ctx.actor;
  if (!sessionId) return;
  await ctx.transaction(async (tx) => {
    await tx.repo(SessionRepository).revoke(sessionId, tx.clock.now());
    tx.audit({ action: 'session.logout', entityType: 'user', entityId: tx.actor.userId });
  });
}

/**
 * Changes the actor's password. A wrong current password is counted against the account like a
 * failed sign-in. The user's other sessions and API tokens end (the session or token making the
 * change goes on): whoever had the old password may have made them.
 */
export async function changePassword(
  ctx: Context,
  currentPassword: string,
  newPassword: string,
): Promise<User> {
  const { actor } = ctx;
  if (!actor.userId) throw forbidden('auth.no_user', 'no user to change the password of');
  const u = await ctx.repo(UserRepository).findById(actor.userId);
  if (!u) throw notFound('user.not_found', 'user not found');
  await refuseWhenThrottled(ctx, passwordKey(u.id));
  if (!(await passwordMatches(u.password_hash, currentPassword))) {
    await ctx.transaction(async (tx) => {
      await countFailure(tx, passwordKey(u.id));
      tx.audit({ action: 'user.password_change_failed', entityType: 'user', entityId: u.id });
    });
    throw invalid('auth.wrong_password', 'the current password is wrong', {
      issues: [{ field: '/currentPassword', message: 'wrong password' }],
    });
  }
  if (newPassword === currentPassword) {
    throw invalid('auth.same_password', 'choose a new password', {
      issues: [{ field: '/newPassword', message: 'same as the current one' }],
    });
  }
  const weak = passwordProblem(newPassword);
  if (weak) throw invalid('auth.weak_password', weak, { issues: [{ field: '/newPassword', message: weak }] });
  const hash = await hashPassword(newPassword);
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now();
    const updated = await tx
      .repo(UserRepository)
      .update(u.id, { password_hash: hash, must_change_password: false, updated_at: now });
    await clearFailures(tx, passwordKey(u.id));
    const revokedSessions = await tx.repo(SessionRepository).revokeAllOf(u.id, now, actor.sessionId);
    const revokedTokens = await tx
      .repo(TokenRepository)
      .revokeAllOf(u.id, now, 'password_changed', actor.tokenId);
    tx.audit({
      action: 'user.password_changed',
      entityType: 'user',
      entityId: u.id,
      before: { passwordHash: u.password_hash },
      after: { passwordHash: hash, revokedSessions, revokedTokens },
    });
    return presentUser(updated);
  });
}
