import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { App } from '#src/app.ts';
import {
  ApiToken, ChangePasswordBody, CreateTokenBody, CreateUserBody, CreatedToken, CreatedUser, LoginBody, LoginResult,
  ResetPasswordResult, User, Username,
} from '#src/schemas/auth.ts';
import { Uuid } from '#src/schemas/common.ts';
import { SESSION_COOKIE, actorOf } from '../plugins/auth.ts';

/** Sign-in, sessions, users and API tokens. */
export function authRoutes(app: FastifyInstance, athar: App): void {
  const { auth } = athar.services;
  const tags = ['accounts'];

  app.post('/api/auth/login', {
    config: {
      access: { kind: 'public' },
      rateLimit: { max: athar.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
    },
    schema: { tags, summary: 'Sign in; sets the session cookie and returns the CSRF token', body: LoginBody, response: { 200: LoginResult } },
  }, async (req, reply) => {
    const { username, password } = req.body as { username: string; password: string };
    const r = await auth.login(username, password);
    void reply.setCookie(SESSION_COOKIE, r.sessionToken, {
      httpOnly: true, sameSite: 'strict', secure: athar.config.secureCookies, path: '/', expires: r.expiresAt,
    });
    return { user: r.user, csrfToken: r.csrfToken, expiresAt: r.expiresAt.toISOString() };
  });

  app.post('/api/auth/logout', {
    config: { access: { kind: 'authenticated', allowPasswordChange: true } },
    schema: { tags, summary: 'End this session' },
  }, async (req, reply) => {
    await auth.logout(actorOf(req));
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', {
    config: { access: { kind: 'authenticated', allowPasswordChange: true } },
    schema: { tags, summary: 'Who am I', response: { 200: Type.Object({ username: Type.String(), isAdmin: Type.Boolean(), mustChangePassword: Type.Boolean(), via: Type.String() }) } },
  }, async (req) => {
    const a = actorOf(req);
    return { username: a.username, isAdmin: a.isAdmin, mustChangePassword: a.mustChangePassword, via: a.via };
  });

  app.post('/api/auth/password', {
    config: { access: { kind: 'authenticated', allowPasswordChange: true } },
    schema: { tags, summary: 'Change my password (required after a one-time password)', body: ChangePasswordBody, response: { 200: User } },
  }, async (req) => {
    const b = req.body as { currentPassword: string; newPassword: string };
    return auth.changePassword(actorOf(req), b.currentPassword, b.newPassword);
  });

  app.get('/api/users', {
    config: { access: { kind: 'installation_admin' } },
    schema: { tags, summary: 'List users', response: { 200: Type.Object({ users: Type.Array(User) }) } },
  }, async () => ({ users: await auth.listUsers() }));

  app.post('/api/users', {
    config: { access: { kind: 'installation_admin' } },
    schema: { tags, summary: 'Create a user (without a password: a one-time password is returned)', body: CreateUserBody, response: { 201: CreatedUser } },
  }, async (req, reply) => reply.status(201).send(await auth.createUser(actorOf(req), req.body as never)));

  const UserParams = Type.Object({ username: Username });
  app.post('/api/users/:username/disable', {
    config: { access: { kind: 'installation_admin' } },
    schema: { tags, summary: 'Disable a user; ends their sessions and tokens', params: UserParams, response: { 200: User } },
  }, async (req) => auth.disableUser(actorOf(req), (req.params as { username: string }).username));

  app.post('/api/users/:username/reset-password', {
    config: { access: { kind: 'installation_admin' } },
    schema: { tags, summary: 'Reset a password to a one-time password', params: UserParams, response: { 200: ResetPasswordResult } },
  }, async (req) => auth.resetPassword(actorOf(req), (req.params as { username: string }).username));

  app.get('/api/tokens', {
    config: { access: { kind: 'authenticated' } },
    schema: { tags, summary: 'My API tokens (all tokens with ?all=true, administrators)', querystring: Type.Object({ all: Type.Optional(Type.Boolean()) }, { additionalProperties: false }), response: { 200: Type.Object({ tokens: Type.Array(ApiToken) }) } },
  }, async (req) => ({ tokens: await auth.listTokens(actorOf(req), (req.query as { all?: boolean }).all === true) }));

  app.post('/api/tokens', {
    config: { access: { kind: 'authenticated' } },
    schema: { tags, summary: 'Create an API token; the secret is shown once', body: CreateTokenBody, response: { 201: CreatedToken } },
  }, async (req, reply) => reply.status(201).send(await auth.createToken(actorOf(req), req.body as never)));

  app.post('/api/tokens/:id/revoke', {
    config: { access: { kind: 'authenticated' } },
    schema: { tags, summary: 'Revoke an API token', params: Type.Object({ id: Uuid }), response: { 200: ApiToken } },
  }, async (req) => auth.revokeToken(actorOf(req), (req.params as { id: string }).id));
}
