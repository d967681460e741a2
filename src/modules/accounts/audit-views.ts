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
    /** the client's address, on sign-ins and failed sign-ins */
    address: 'value',
  }),
  // A failed sign-in with a name that is no user's: the name is not recorded (it may be a password).
  auditView('sign_in', { address: 'value', knownUser: 'value' }),
  auditView('api_token', {
    id: 'value',
    userId: 'value',
    name: 'value',
    prefix: 'value',
    createdAt: 'value',
    expiresAt: 'value',
    revokedAt: 'value',
    revokedReason: 'value',
    createdBy: 'value',
    lastUsedAt: 'value',
    secret: 'protected',
    tokenHash: 'protected',
  }),
];
