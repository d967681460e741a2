import { auditView } from '#src/platform/audit/audit-view.ts';

/** What the audit trail records of accounts: never a password, a hash or a secret, only that it changed. */
export const accountAuditViews = [
  auditView('user', {
    id: 'value',
    username: 'value',
    displayName: 'value',
    isAdmin: 'value',
    mustChangePassword: 'value',
    disabledAt: 'value',
    createdAt: 'value',
    passwordHash: 'protected',
    revokedSessions: 'value',
    revokedTokens: 'value',
  }),
  auditView('api_token', {
    id: 'value',
    userId: 'value',
    name: 'value',
    prefix: 'value',
    createdAt: 'value',
    expiresAt: 'value',
    revokedAt: 'value',
    lastUsedAt: 'value',
    secret: 'protected',
    tokenHash: 'protected',
  }),
];
