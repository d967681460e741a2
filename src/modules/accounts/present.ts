import type { Static } from '@sinclair/typebox';
import type { Actor } from '#src/platform/context.ts';
import type { ApiToken, User } from './schemas.ts';
import type { TokenWithMaker } from './token.repository.ts';
import type { UserRow } from './user.repository.ts';

export function presentUser(u: UserRow): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    isAdmin: u.is_admin,
    mustChangePassword: u.must_change_password,
    disabledAt: u.disabled_at ? u.disabled_at.toISOString() : null,
    createdAt: u.created_at.toISOString(),
  };
}

export function presentToken(t: TokenWithMaker): Static<typeof ApiToken> {
  return {
    id: t.id,
    userId: t.user_id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.created_at.toISOString(),
    expiresAt: t.expires_at?.toISOString() ?? null,
    revokedAt: t.revoked_at?.toISOString() ?? null,
    revokedReason: t.revoked_reason,
    createdBy: t.created_by_username,
    lastUsedAt: t.last_used_at?.toISOString() ?? null,
  };
}

/** The actor a user is, signed in one way or another. */
export function actorOf(u: UserRow, via: Actor['via'], extra: Partial<Actor> = {}): Actor {
  return {
    userId: u.id,
    username: u.username,
    isAdmin: u.is_admin,
    mustChangePassword: u.must_change_password,
    via,
    ...extra,
  };
}
