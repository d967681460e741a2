import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from './harness.ts';

/**
 * Accounts as people use them: a browser signs in (cookie + CSRF token), a script uses a
 * bearer token; administrators disable users, reset passwords, revoke tokens; one-time
 * passwords must be changed; secrets are stored only as hashes.
 */

let env: TestEnv;

function sessionCookie(headers: Record<string, unknown>): string {
  const raw = headers['set-cookie'];
  const all = Array.isArray(raw) ? (raw as string[]) : [String(raw)];
  const c = all.find((x) => x.startsWith('athar_session='));
  if (!c) throw new Error(`no session cookie in ${JSON.stringify(raw)}`);
  return c;
}

async function login(username: string, password: string) {
  const r = await env.request('POST', '/api/auth/login', {}, { username, password });
  if (r.status !== 200) return { status: r.status, body: r.body, cookie: '', csrf: '' };
  const setCookie = sessionCookie(r.headers);
  return {
    status: r.status,
    body: r.body,
    setCookie,
    cookie: setCookie.split(';')[0]!,
    csrf: r.body.csrfToken as string,
  };
}

async function makeUser(username: string, password?: string) {
  const r = await env.request('POST', '/api/users', env.admin, {
    username,
    ...(password ? { password } : {}),
  });
  expect(r.status).toBe(201);
  return r.body as { user: { id: string }; oneTimePassword?: string };
}

describe('accounts and sign-in', () => {
  beforeAll(async () => {
    env = await testEnv({ env: { ATHAR_LOGIN_RATE_LIMIT: '1000' } });
  });
  afterAll(() => env.close());

  it('signs in with a session cookie and a CSRF token; a cookie write needs the token', async () => {
    await makeUser('nour', 'nour has a long password');
    const s = await login('nour', 'nour has a long password');
    expect(s.status).toBe(200);
    expect(s.setCookie).toMatch(/HttpOnly/i);
    expect(s.setCookie).toMatch(/SameSite=Strict/i);
    expect(s.csrf).toMatch(/^\S{20,}$/);
    expect(s.body.user).toMatchObject({ username: 'nour', mustChangePassword: false });

    const me = await env.request('GET', '/api/auth/me', { cookie: s.cookie });
    expect(me.body).toMatchObject({ username: 'nour', via: 'session' });

    const noToken = await env.request(
      'POST',
      '/api/tokens',
      { cookie: s.cookie },
      { name: 'from the browser' },
    );
    expect(noToken.status).toBe(403);
    expect(noToken.body.code).toBe('auth.csrf');
    const wrongToken = await env.request(
      'POST',
      '/api/tokens',
      { cookie: s.cookie, 'x-csrf-token': 'guessed' },
      { name: 'from the browser' },
    );
    expect(wrongToken.status).toBe(403);
    expect(wrongToken.body.code).toBe('auth.csrf');
    const ok = await env.request(
      'POST',
      '/api/tokens',
      { cookie: s.cookie, 'x-csrf-token': s.csrf },
      { name: 'from the browser' },
    );
    expect(ok.status).toBe(201);
    expect((await env.request('GET', '/api/tokens', { cookie: s.cookie })).body.tokens).toHaveLength(1);

    const out = await env.request('POST', '/api/auth/logout', { cookie: s.cookie, 'x-csrf-token': s.csrf });
    expect(out.status).toBe(204);
    expect((await env.request('GET', '/api/auth/me', { cookie: s.cookie })).status).toBe(401);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    await makeUser('samir', 'samir has a long password');
    const wrong = await login('samir', 'not the password');
    const unknown = await login('nobody-here', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('auth.invalid_credentials');
    expect(unknown.body.code).toBe(wrong.body.code);
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('refuses an unknown or malformed bearer token', async () => {
    expect(
      (await env.request('GET', '/api/auth/me', { authorization: 'Bearer athar_not-a-real-token' })).body
        .code,
    ).toBe('auth.invalid_token');
    expect((await env.request('GET', '/api/auth/me', { authorization: 'Basic abc' })).status).toBe(401);
  });

  it('disabling a user ends their sessions and tokens and stops sign-in', async () => {
    await makeUser('karim', 'karim has a long password');
    const s = await login('karim', 'karim has a long password');
    const created = await env.request(
      'POST',
      '/api/tokens',
      { cookie: s.cookie, 'x-csrf-token': s.csrf },
      { name: 'script' },
    );
    const bearer = { authorization: `Bearer ${created.body.secret}` };
    expect((await env.request('GET', '/api/auth/me', bearer)).status).toBe(200);

    const d = await env.request('POST', '/api/users/karim/disable');
    expect(d.status).toBe(200);
    expect(d.body.disabledAt).not.toBeNull();
    expect((await env.request('GET', '/api/auth/me', bearer)).status).toBe(401);
    expect((await env.request('GET', '/api/auth/me', { cookie: s.cookie })).status).toBe(401);
    expect((await login('karim', 'karim has a long password')).status).toBe(401);
    const tokens = (await env.request('GET', '/api/tokens?all=true')).body.tokens as {
      userId: string;
      revokedAt: string | null;
    }[];
    const karimId = (await env.request('GET', '/api/users')).body.users.find(
      (u: { username: string }) => u.username === 'karim',
    ).id;
    expect(tokens.filter((t) => t.userId === karimId).every((t) => t.revokedAt !== null)).toBe(true);
  });

  it('a revoked token stops working; only its owner or an administrator may revoke it', async () => {
    const layla = await env.user('layla');
    const omar = await env.user('omar');
    const t = await env.request('POST', '/api/tokens', layla, { name: 'second' });
    const second = { authorization: `Bearer ${t.body.secret}` };
    expect((await env.request('GET', '/api/auth/me', second)).body.username).toBe('layla');
    const byOther = await env.request('POST', `/api/tokens/${t.body.token.id}/revoke`, omar);
    expect(byOther.status).toBe(404);
    expect((await env.request('GET', '/api/auth/me', second)).status).toBe(200);
    const r = await env.request('POST', `/api/tokens/${t.body.token.id}/revoke`, layla);
    expect(r.status).toBe(200);
    expect(r.body.revokedAt).not.toBeNull();
    const after = await env.request('GET', '/api/auth/me', second);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('auth.invalid_token');
    // the token used to revoke is untouched
    expect((await env.request('GET', '/api/auth/me', layla)).status).toBe(200);
  });

  it('a one-time password lets the user do nothing but change it', async () => {
    const created = await makeUser('huda');
    expect(created.oneTimePassword).toMatch(/^\S{5}-\S{5}-\S{5}-\S{5}$/);
    const s = await login('huda', created.oneTimePassword!);
    expect(s.status).toBe(200);
    const elsewhere = await login('huda', created.oneTimePassword!);
    expect(s.body.user.mustChangePassword).toBe(true);
    const blocked = await env.request('GET', '/api/cases', { cookie: s.cookie });
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('auth.password_change_required');
    expect(
      (
        await env.request(
          'POST',
          '/api/tokens',
          { cookie: s.cookie, 'x-csrf-token': s.csrf },
          { name: 'sneaky' },
        )
      ).body.code,
    ).toBe('auth.password_change_required');
    expect((await env.request('GET', '/api/auth/me', { cookie: s.cookie })).body.mustChangePassword).toBe(
      true,
    );

    const wrong = await env.request(
      'POST',
      '/api/auth/password',
      { cookie: s.cookie, 'x-csrf-token': s.csrf },
      { currentPassword: 'wrong', newPassword: 'huda chose this password' },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ field: '/currentPassword', message: expect.any(String) }]);
    const changed = await env.request(
      'POST',
      '/api/auth/password',
      { cookie: s.cookie, 'x-csrf-token': s.csrf },
      { currentPassword: created.oneTimePassword, newPassword: 'huda chose this password' },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.mustChangePassword).toBe(false);
    // The session that changed the password goes on; other sessions of the user end.
    expect((await env.request('GET', '/api/cases', { cookie: s.cookie })).status).toBe(200);
    expect((await env.request('GET', '/api/auth/me', { cookie: elsewhere.cookie })).status).toBe(401);

    expect((await login('huda', created.oneTimePassword!)).status).toBe(401);
    const again = await login('huda', 'huda chose this password');
    expect(again.body.user.mustChangePassword).toBe(false);
    expect((await env.request('GET', '/api/cases', { cookie: again.cookie })).status).toBe(200);
  });

  it('resetting a password gives a one-time password and ends the sessions', async () => {
    await makeUser('yara', 'yara has a long password');
    const s = await login('yara', 'yara has a long password');
    const r = await env.request('POST', '/api/users/yara/reset-password');
    expect(r.status).toBe(200);
    expect(r.body.user.mustChangePassword).toBe(true);
    expect((await env.request('GET', '/api/auth/me', { cookie: s.cookie })).status).toBe(401);
    expect((await login('yara', 'yara has a long password')).status).toBe(401);
    const fresh = await login('yara', r.body.oneTimePassword as string);
    expect(fresh.status).toBe(200);
    expect((await env.request('GET', '/api/cases', { cookie: fresh.cookie })).body.code).toBe(
      'auth.password_change_required',
    );
  });

  it('stores tokens and sessions only as hashes', async () => {
    const t = await env.request('POST', '/api/tokens', env.admin, { name: 'hashed', username: 'omar' });
    expect(t.status).toBe(201);
    const secret = t.body.secret as string;
    const s = await login('samir', 'samir has a long password');
    const sessionToken = decodeURIComponent(s.cookie.split('=')[1]!);
    const db = env.app.database.db;
    const tokens = (
      await sql<{ row: string }>`SELECT row_to_json(t)::text AS row FROM api_token t`.execute(db)
    ).rows
      .map((r) => r.row)
      .join('\n');
    const sessions = (
      await sql<{ row: string }>`SELECT row_to_json(s)::text AS row FROM user_session s`.execute(db)
    ).rows
      .map((r) => r.row)
      .join('\n');
    expect(tokens).not.toContain(secret);
    expect(tokens).toContain(createHash('sha256').update(secret).digest('hex'));
    expect(sessions).not.toContain(sessionToken);
    expect(sessions).not.toContain(s.csrf);
    expect(sessions).toContain(createHash('sha256').update(sessionToken).digest('hex'));
    // the list shows a prefix to recognise the token by, never the secret
    expect(JSON.stringify((await env.request('GET', '/api/tokens?all=true')).body)).not.toContain(secret);
  });
});

describe('login rate limit', () => {
  it('refuses sign-in attempts above the limit with 429', async () => {
    const e = await testEnv({ env: { ATHAR_LOGIN_RATE_LIMIT: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push(
          (await e.request('POST', '/api/auth/login', {}, { username: 'admin', password: 'wrong guess' }))
            .status,
        );
      expect(statuses).toEqual([401, 401, 401]);
      const limited = await e.request(
        'POST',
        '/api/auth/login',
        {},
        { username: 'admin', password: 'admin password for tests' },
      );
      expect(limited.status).toBe(429);
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(limited.body.code).toBe('request.rate_limited');
      expect(limited.headers['retry-after']).toBeDefined();
      // only sign-in is limited
      expect((await e.request('GET', '/api/auth/me')).status).toBe(200);
    } finally {
      await e.close();
    }
  });
});
