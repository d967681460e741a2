import { createHash, timingSafeEqual } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { conflict, forbidden, invalid, notFound, unauthenticated } from '#src/errors.ts';
import type { Repos } from '#src/repositories/index.ts';
import type { UserRow } from '#src/repositories/user.repository.ts';
import { audit, type Actor, type ServiceDeps } from './context.ts';
import type { Static } from '@sinclair/typebox';
import type { ApiToken, User } from '#src/schemas/auth.ts';

/** Secrets are stored only as SHA-256: a leaked table gives no usable session or token. */
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const TOKEN_PREFIX = 'athar_';
// A real argon2id hash of a random string, verified when the user does not exist so that a
// wrong username costs the same time as a wrong password.
let dummyHash: Promise<string> | null = null;

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

function presentToken(t: {
  id: string; user_id: string; name: string; prefix: string; created_at: Date; expires_at: Date | null; revoked_at: Date | null; last_used_at: Date | null;
}): Static<typeof ApiToken> {
  return {
    id: t.id,
    userId: t.user_id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.created_at.toISOString(),
    expiresAt: t.expires_at?.toISOString() ?? null,
    revokedAt: t.revoked_at?.toISOString() ?? null,
    lastUsedAt: t.last_used_at?.toISOString() ?? null,
  };
}

function actorOf(u: UserRow, via: Actor['via'], extra: Partial<Actor> = {}): Actor {
  return { userId: u.id, username: u.username, isAdmin: u.is_admin, mustChangePassword: u.must_change_password, via, ...extra };
}

/** Accounts: passwords (argon2id), cookie sessions with CSRF tokens, bearer API tokens. */
export class AuthService {
  constructor(private readonly deps: ServiceDeps) {}

  private get repos(): Repos {
    return this.deps.store.repos;
  }

  async hashPassword(password: string): Promise<string> {
    return argonHash(password);
  }

  /** A readable one-time password: 4 groups of 5 characters from a URL-safe alphabet. */
  oneTimePassword(): string {
    const s = this.deps.ids.secret(18).replace(/[-_]/g, 'x');
    return `${s.slice(0, 5)}-${s.slice(5, 10)}-${s.slice(10, 15)}-${s.slice(15, 20)}`;
  }

  async login(username: string, password: string): Promise<{ user: User; sessionToken: string; csrfToken: string; expiresAt: Date }> {
    const u = await this.repos.users.findByUsername(username.toLowerCase());
    dummyHash ??= argonHash(this.deps.ids.secret());
    const ok = await argonVerify(u?.password_hash ?? (await dummyHash), password).catch(() => false);
    if (!u || !ok || u.disabled_at) {
      throw unauthenticated('auth.invalid_credentials', 'wrong username or password, or the account is disabled');
    }
    const sessionToken = this.deps.ids.secret();
    const csrfToken = this.deps.ids.secret();
    const expiresAt = new Date(this.deps.clock.now().getTime() + this.deps.config.sessionTtlHours * 3600_000);
    const sessionId = this.deps.ids.uuid();
    await this.deps.store.transaction(async (repos) => {
      await repos.users.createSession({ id: sessionId, user_id: u.id, token_hash: sha256(sessionToken), csrf_hash: sha256(csrfToken), expires_at: expiresAt });
      await audit(repos, this.deps, actorOf(u, 'session'), { action: 'session.login', entityType: 'user', entityId: u.id });
    });
    return { user: presentUser(u), sessionToken, csrfToken, expiresAt };
  }

  /** The actor behind a session cookie, and the hash its CSRF token must match. */
  async authenticateSession(token: string): Promise<{ actor: Actor; csrfHash: string } | null> {
    const s = await this.repos.users.findSession(sha256(token));
    const now = this.deps.clock.now();
    if (!s || s.revoked_at || s.expires_at <= now) return null;
    const u = await this.repos.users.findById(s.user_id);
    if (!u || u.disabled_at) return null;
    if (!s.last_seen_at || now.getTime() - s.last_seen_at.getTime() > 60_000) await this.repos.users.touchSession(s.id, now);
    return { actor: actorOf(u, 'session', { sessionId: s.id }), csrfHash: s.csrf_hash };
  }

  csrfMatches(csrfHash: string, presented: string | undefined): boolean {
    if (!presented) return false;
    const a = Buffer.from(sha256(presented));
    const b = Buffer.from(csrfHash);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  async authenticateToken(secret: string): Promise<Actor | null> {
    if (!secret.startsWith(TOKEN_PREFIX)) return null;
    const t = await this.repos.users.findToken(sha256(secret));
    const now = this.deps.clock.now();
    if (!t || t.revoked_at || (t.expires_at && t.expires_at <= now)) return null;
    const u = await this.repos.users.findById(t.user_id);
    if (!u || u.disabled_at) return null;
    if (!t.last_used_at || now.getTime() - t.last_used_at.getTime() > 60_000) await this.repos.users.touchToken(t.id, now);
    return actorOf(u, 'token', { tokenId: t.id });
  }

  /** The actor a local token (the data directory owner's, or the in-process CLI's) stands for. */
  async localActor(username: string | null): Promise<Actor> {
    const u = username
      ? await this.repos.users.findByUsername(username)
      : (await this.repos.users.list()).find((x) => x.is_admin && !x.disabled_at);
    if (!u) throw notFound('user.not_found', username ? `no user "${username}"` : 'no administrator exists yet');
    if (u.disabled_at) throw forbidden('user.disabled', `user "${u.username}" is disabled`);
    // The local administrator acts through the machine account: no password change gate.
    return { ...actorOf(u, 'local'), mustChangePassword: false };
  }

  async logout(actor: Actor): Promise<void> {
    if (!actor.sessionId) return;
    const sessionId = actor.sessionId;
    await this.deps.store.transaction(async (repos) => {
      await repos.users.revokeSession(sessionId, this.deps.clock.now());
      await audit(repos, this.deps, actor, { action: 'session.logout', entityType: 'user', entityId: actor.userId });
    });
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<User> {
    if (!actor.userId) throw forbidden('auth.no_user', 'no user to change the password of');
    const u = await this.repos.users.findById(actor.userId);
    if (!u) throw notFound('user.not_found', 'user not found');
    if (!(await argonVerify(u.password_hash, currentPassword).catch(() => false))) {
      throw invalid('auth.wrong_password', 'the current password is wrong', { issues: [{ field: '/currentPassword', message: 'wrong password' }] });
    }
    if (newPassword === currentPassword) {
      throw invalid('auth.same_password', 'choose a new password', { issues: [{ field: '/newPassword', message: 'same as the current one' }] });
    }
    const hash = await this.hashPassword(newPassword);
    return this.deps.store.transaction(async (repos) => {
      const now = this.deps.clock.now();
      const updated = await repos.users.update(u.id, { password_hash: hash, must_change_password: false, updated_at: now });
      // Other sessions of this user end: a changed password should lock out whoever had the old one.
      await repos.users.revokeSessionsOf(u.id, now, actor.sessionId);
      await audit(repos, this.deps, actor, {
        action: 'user.password_changed', entityType: 'user', entityId: u.id,
        before: { passwordHash: u.password_hash }, after: { passwordHash: hash },
      });
      return presentUser(updated);
    });
  }

  async createUser(actor: Actor, input: { username: string; displayName?: string | undefined; password?: string | undefined; isAdmin?: boolean | undefined }) {
    if (await this.repos.users.findByUsername(input.username)) {
      throw conflict('user.exists', `user "${input.username}" already exists`, { issues: [{ field: '/username', message: 'taken' }] });
    }
    const oneTime = input.password === undefined ? this.oneTimePassword() : undefined;
    const hash = await this.hashPassword(input.password ?? oneTime!);
    const user = await this.deps.store.transaction(async (repos) => {
      const u = await repos.users.create({
        id: this.deps.ids.uuid(),
        username: input.username,
        display_name: input.displayName ?? input.username,
        password_hash: hash,
        must_change_password: oneTime !== undefined,
        is_admin: input.isAdmin ?? false,
      });
      await audit(repos, this.deps, actor, { action: 'user.created', entityType: 'user', entityId: u.id, after: { ...presentUser(u), passwordHash: hash } });
      return u;
    });
    return { user: presentUser(user), ...(oneTime ? { oneTimePassword: oneTime } : {}) };
  }

  async listUsers(): Promise<User[]> {
    return (await this.repos.users.list()).map(presentUser);
  }

  private async userByName(username: string): Promise<UserRow> {
    const u = await this.repos.users.findByUsername(username);
    if (!u) throw notFound('user.not_found', `no user "${username}"`);
    return u;
  }

  /** Disables a user and ends every session and token they have. */
  async disableUser(actor: Actor, username: string): Promise<User> {
    const u = await this.userByName(username);
    if (u.id === actor.userId) throw invalid('user.disable_self', 'you cannot disable your own account');
    return this.deps.store.transaction(async (repos) => {
      const now = this.deps.clock.now();
      const updated = await repos.users.update(u.id, { disabled_at: u.disabled_at ?? now, updated_at: now });
      const sessions = await repos.users.revokeSessionsOf(u.id, now);
      const tokens = await repos.users.revokeTokensOf(u.id, now);
      await audit(repos, this.deps, actor, {
        action: 'user.disabled', entityType: 'user', entityId: u.id,
        before: { disabledAt: u.disabled_at }, after: { disabledAt: updated.disabled_at, revokedSessions: sessions, revokedTokens: tokens },
      });
      return presentUser(updated);
    });
  }

  /** Sets a one-time password the user must change at next sign-in; ends their sessions. */
  async resetPassword(actor: Actor, username: string): Promise<{ user: User; oneTimePassword: string }> {
    const u = await this.userByName(username);
    const oneTime = this.oneTimePassword();
    const hash = await this.hashPassword(oneTime);
    const user = await this.deps.store.transaction(async (repos) => {
      const now = this.deps.clock.now();
      const updated = await repos.users.update(u.id, { password_hash: hash, must_change_password: true, updated_at: now });
      await repos.users.revokeSessionsOf(u.id, now);
      await audit(repos, this.deps, actor, {
        action: 'user.password_reset', entityType: 'user', entityId: u.id,
        before: { passwordHash: u.password_hash }, after: { passwordHash: hash },
      });
      return updated;
    });
    return { user: presentUser(user), oneTimePassword: oneTime };
  }

  /** Creates an API token; the secret is returned once and only its hash is kept. */
  async createToken(actor: Actor, input: { name: string; username?: string | undefined; expiresInDays?: number | undefined }) {
    let owner: UserRow;
    if (input.username && input.username !== actor.username) {
      if (!actor.isAdmin) throw forbidden('auth.admin_only', 'only an administrator may create tokens for another user');
      owner = await this.userByName(input.username);
    } else {
      if (!actor.userId) throw forbidden('auth.no_user', 'no user to create a token for');
      owner = (await this.repos.users.findById(actor.userId))!;
    }
    const secret = TOKEN_PREFIX + this.deps.ids.secret();
    const now = this.deps.clock.now();
    const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86400_000) : null;
    const row = await this.deps.store.transaction(async (repos) => {
      const t = await repos.users.createToken({
        id: this.deps.ids.uuid(), user_id: owner.id, name: input.name, token_hash: sha256(secret), prefix: secret.slice(0, 10), expires_at: expiresAt,
      });
      await audit(repos, this.deps, actor, { action: 'token.created', entityType: 'api_token', entityId: t.id, after: presentToken(t) });
      return t;
    });
    return { token: presentToken(row), secret };
  }

  async listTokens(actor: Actor, all: boolean) {
    if (all && !actor.isAdmin) throw forbidden('auth.admin_only', 'only an administrator may list every token');
    return (await this.repos.users.listTokens(all ? undefined : (actor.userId ?? undefined))).map(presentToken);
  }

  async revokeToken(actor: Actor, id: string) {
    const t = await this.repos.users.findTokenById(id);
    if (!t || (t.user_id !== actor.userId && !actor.isAdmin)) throw notFound('token.not_found', `no token ${id}`);
    return this.deps.store.transaction(async (repos) => {
      await repos.users.revokeToken(t.id, this.deps.clock.now());
      const after = (await repos.users.findTokenById(t.id))!;
      await audit(repos, this.deps, actor, { action: 'token.revoked', entityType: 'api_token', entityId: t.id, before: presentToken(t), after: presentToken(after) });
      return presentToken(after);
    });
  }

  /**
   * First start: when there is no user, create `admin`, with ATHAR_ADMIN_PASSWORD if set, else
   * a generated one-time password that must be changed at first sign-in.
   */
  async bootstrapAdmin(): Promise<{ username: string; oneTimePassword: string | null } | null> {
    if ((await this.repos.users.count()) > 0) return null;
    const fromConfig = this.deps.config.adminPassword;
    const oneTime = fromConfig ? null : this.oneTimePassword();
    const hash = await this.hashPassword(fromConfig ?? oneTime!);
    const created = await this.deps.store.transaction(async (repos) => {
      // Several processes may start at once against one PostgreSQL: only the first creates the admin.
      await repos.users.lockBootstrap();
      if ((await repos.users.count()) > 0) return false;
      const u = await repos.users.create({
        id: this.deps.ids.uuid(), username: 'admin', display_name: 'Administrator', password_hash: hash,
        must_change_password: oneTime !== null, is_admin: true,
      });
      await audit(repos, this.deps, { userId: null, username: 'system', isAdmin: true, mustChangePassword: false, via: 'system' }, {
        action: 'user.created', entityType: 'user', entityId: u.id, after: { ...presentUser(u), passwordHash: hash },
      });
      return true;
    });
    return created ? { username: 'admin', oneTimePassword: oneTime } : null;
  }
}
