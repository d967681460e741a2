import { Type } from '@sinclair/typebox';
import type { Router } from '#src/platform/http/router.ts';
import { SESSION_COOKIE } from '#src/platform/http/plugins/auth.ts';
import { PageQuery } from '#src/platform/pagination.ts';
import { Uuid } from '#src/platform/schemas.ts';
import {
  ApiToken,
  ChangePasswordBody,
  CreateTokenBody,
  CreateUserBody,
  CreatedToken,
  CreatedUser,
  LoginBody,
  LoginResult,
  ResetPasswordResult,
  TokenPage,
  User,
  UpdateUserBody,
  UserPage,
  Username,
} from './schemas.ts';
import { changePassword, login, logout } from './sign-in.ts';
import { createToken, listTokens, revokeToken } from './tokens.ts';
import { createUser, disableUser, listUsers, resetPassword, updateUser } from './users.ts';

const tags = ['accounts'];
const signedIn = { kind: 'authenticated' } as const;
const evenBeforePasswordChange = { kind: 'authenticated', allowPasswordChange: true } as const;
const admins = { kind: 'installation_admin' } as const;
const UserParams = Type.Object({ username: Username });

/** Sign-in, sessions, users and API tokens. */
export function accountRoutes(
  r: Router,
  opts: { loginRateLimitPerMinute: number; secureCookies: boolean },
): void {
  r.post(
    '/api/auth/login',
    {
      access: { kind: 'public' },
      tags,
      summary: 'Sign in; sets the session cookie and returns the CSRF token',
      body: LoginBody,
      response: LoginResult,
      rateLimit: { max: opts.loginRateLimitPerMinute, timeWindow: '1 minute' },
      // The password is checked before the session is written, outside the transaction.
      transaction: false,
    },
    async (ctx, { body }, { reply, request }) => {
      const s = await login(ctx, body.username, body.password, request.ip);
      void reply.setCookie(SESSION_COOKIE, s.sessionToken, {
        httpOnly: true,
        sameSite: 'strict',
        secure: opts.secureCookies,
        path: '/',
        expires: s.expiresAt,
      });
      return { user: s.user, csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() };
    },
  );

  r.post(
    '/api/auth/logout',
    { access: evenBeforePasswordChange, tags, summary: 'End this session', status: 204 },
    async (ctx, _in, { reply }) => {
      await logout(ctx);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
  );

  r.get(
    '/api/auth/me',
    {
      access: evenBeforePasswordChange,
      tags,
      summary: 'Who am I',
      response: Type.Object({
        username: Type.String(),
        isAdmin: Type.Boolean(),
        mustChangePassword: Type.Boolean(),
        via: Type.String(),
      }),
    },
    async (_ctx, { actor }) => ({
      username: actor.username,
      isAdmin: actor.isAdmin,
      mustChangePassword: actor.mustChangePassword,
      via: actor.via,
    }),
  );

  r.post(
    '/api/auth/password',
    {
      access: evenBeforePasswordChange,
      tags,
      summary: 'Change my password (required after a one-time password)',
      body: ChangePasswordBody,
      response: User,
      rateLimit: { max: opts.loginRateLimitPerMinute, timeWindow: '1 minute' },
      transaction: false,
    },
    (ctx, { body }) => changePassword(ctx, body.currentPassword, body.newPassword),
  );

  r.get(
    '/api/users',
    { access: admins, tags, summary: 'List users', querystring: PageQuery(), response: UserPage },
    (ctx, { query }) => listUsers(ctx, query),
  );

  r.post(
    '/api/users',
    {
      access: admins,
      tags,
      summary: 'Create a user (without a password: a one-time password is returned)',
      transaction: false,
      body: CreateUserBody,
      response: CreatedUser,
      status: 201,
    },
    (ctx, { body }) => createUser(ctx, body),
  );

  r.post(
    '/api/users/:username/disable',
    {
      access: admins,
      tags,
      summary: 'Disable a user; ends their sessions and tokens',
      params: UserParams,
      response: User,
    },
    (ctx, { params }) => disableUser(ctx, params.username),
  );

  r.post(
    '/api/users/:username/reset-password',
    {
      access: admins,
      tags,
      summary: 'Reset a password to a one-time password',
      transaction: false,
      params: UserParams,
      response: ResetPasswordResult,
    },
    (ctx, { params }) => resetPassword(ctx, params.username),
  );

  r.get(
    '/api/tokens',
    {
      access: signedIn,
      tags,
      summary: 'My API tokens (all tokens with ?all=true, administrators)',
      querystring: PageQuery({ all: Type.Optional(Type.Boolean()) }),
      response: TokenPage,
    },
    (ctx, { query }) => listTokens(ctx, query.all === true, query),
  );

  r.post(
    '/api/tokens',
    {
      access: signedIn,
      tags,
      summary: 'Create an API token; the secret is shown once',
      body: CreateTokenBody,
      response: CreatedToken,
      status: 201,
    },
    (ctx, { body }) => createToken(ctx, body),
  );

  r.post(
    '/api/tokens/:id/revoke',
    {
      access: signedIn,
      tags,
      summary: 'Revoke an API token',
      params: Type.Object({ id: Uuid }),
      response: ApiToken,
    },
    (ctx, { params }) => revokeToken(ctx, params.id),
  );

  r.patch(
    '/api/users/:username',
    {
      access: admins,
      tags,
      summary: "Correct a user's display name or administrator role",
      params: UserParams,
      body: UpdateUserBody,
      response: User,
    },
    (ctx, { params, body }) => updateUser(ctx, params.username, body),
  );
}
