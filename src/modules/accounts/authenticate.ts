import type { Actor, Context } from '#src/platform/context.ts';
import { forbidden, notFound } from '#src/platform/errors.ts';
import { sha256 } from './passwords.ts';
import { isUsername } from './schemas.ts';
import { actorOf } from './present.ts';
import { SessionRepository } from './session.repository.ts';
import { TokenRepository } from './token.repository.ts';
import { UserRepository } from './user.repository.ts';

export const TOKEN_PREFIX = 'athar_';

// Last-use times are written at most once a minute per session or token, not on every request.
const TOUCH_EVERY_MS = 60_000;

/** The actor behind a session cookie, and the hash its CSRF token must match. */
export async function authenticateSession(
  ctx: Context,
  token: string,
): Promise<{ actor: Actor; csrfHash: string } | null> {
  const s = await ctx.repo(SessionRepository).findByTokenHash(sha256(token));
  const now = ctx.clock.now();
  if (!s || s.revoked_at || s.expires_at <= now) return null;
  const u = await ctx.repo(UserRepository).findById(s.user_id);
  if (!u || u.disabled_at) return null;
  if (!s.last_seen_at || now.getTime() - s.last_seen_at.getTime() > TOUCH_EVERY_MS)
    await ctx.repo(SessionRepository).touch(s.id, now);
  return { actor: actorOf(u, 'session', { sessionId: s.id }), csrfHash: s.csrf_hash };
}

/** The actor behind an API token, or null when it is unknown, expired or revoked. */
export async function authenticateToken(ctx: Context, secret: string): Promise<Actor | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const tokens = ctx.repo(TokenRepository);
  const t = await tokens.findByHash(sha256(secret));
  const now = ctx.clock.now();
  if (!t || t.revoked_at || (t.expires_at && t.expires_at <= now)) return null;
  const u = await ctx.repo(UserRepository).findById(t.user_id);
  if (!u || u.disabled_at) return null;
  if (!t.last_used_at || now.getTime() - t.last_used_at.getTime() > TOUCH_EVERY_MS)
    await tokens.touch(t.id, now);
  return actorOf(u, 'token', { tokenId: t.id });
}

/** The actor a local token (the data directory owner's, or the in-process CLI's) stands for. */
export async function localActor(ctx: Context, username: string | null): Promise<Actor> {
  const users = ctx.repo(UserRepository);
  const u =
    username === null
      ? await users.firstActiveAdmin()
      : isUsername(username)
        ? await users.findByUsername(username)
        : undefined;
  if (!u)
    throw notFound(
      'user.not_found',
      username === null ? 'no administrator exists yet' : `no user "${username.slice(0, 64)}"`,
    );
  if (u.disabled_at) throw forbidden('user.disabled', `user "${u.username}" is disabled`);
  // The local administrator acts through the machine account: no password change gate.
  return { ...actorOf(u, 'local'), mustChangePassword: false };
}
