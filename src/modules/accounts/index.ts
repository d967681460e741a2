/**
 * Accounts: users, passwords (argon2id), cookie sessions with CSRF tokens, bearer API tokens, and
 * the first administrator. Other modules use it through what this file exports.
 */
import type { AtharModule } from '#src/platform/module.ts';
import type { Config } from '#src/platform/config.ts';
import { accountRoutes } from './account.routes.ts';
import { accountAuditViews } from './audit-views.ts';

export { authenticateSession, authenticateToken, localActor } from './authenticate.ts';
export { bootstrapAdmin } from './bootstrap-admin.ts';
export { csrfMatches } from './passwords.ts';
export { createToken } from './tokens.ts';
export { createUser, requireUser, usersById } from './users.ts';
export { Username } from './schemas.ts';
export type { ApiToken, User } from './schemas.ts';
export type { UserRow } from './user.repository.ts';

export function accountsModule(config: Config): AtharModule {
  return {
    name: 'accounts',
    routes: (r) =>
      accountRoutes(r, {
        loginRateLimitPerMinute: config.loginRateLimitPerMinute,
        secureCookies: config.secureCookies,
      }),
    auditViews: accountAuditViews,
  };
}
