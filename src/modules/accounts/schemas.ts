import { Type, type Static } from '@sinclair/typebox';
import { Page } from '#src/platform/pagination.ts';
import { Instant, Literals, Nullable } from '#src/platform/schemas.ts';

const USERNAME = '^[a-z0-9][a-z0-9._-]{1,62}$';
export const Username = Type.String({ pattern: USERNAME, description: 'lower case letters, digits, . _ -' });
/** Whether a string can be a username at all (names given outside a validated body: headers). */
export const isUsername = (s: string): boolean => new RegExp(USERNAME).test(s);
export const Password = Type.String({ minLength: 12, maxLength: 256 });

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  isAdmin: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  disabledAt: Nullable(Instant),
  createdAt: Instant,
});
export type User = Static<typeof User>;

export const LoginResult = Type.Object({ user: User, csrfToken: Type.String(), expiresAt: Instant });
export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Password },
  { additionalProperties: false },
);
export const CreateUserBody = Type.Object(
  {
    username: Username,
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    password: Type.Optional(Password),
    isAdmin: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
/** Corrections to a user: the name others see, and whether they administer the installation. */
export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    isAdmin: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const CreatedUser = Type.Object({ user: User, oneTimePassword: Type.Optional(Type.String()) });
export const ResetPasswordResult = Type.Object({ user: User, oneTimePassword: Type.String() });

export const CreateTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    username: Type.Optional(Username),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);
export const ApiToken = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Instant,
  expiresAt: Nullable(Instant),
  revokedAt: Nullable(Instant),
  revokedReason: Nullable(
    Literals(['revoked', 'password_changed', 'password_reset', 'user_disabled'], {
      description: 'why the token stopped working',
    }),
  ),
  createdBy: Nullable(
    Type.String({ description: 'who made the token (an administrator may make one for someone else)' }),
  ),
  lastUsedAt: Nullable(Instant),
});
export const CreatedToken = Type.Object({
  token: ApiToken,
  secret: Type.String({ description: 'shown once; store it now' }),
});

export const UserPage = Page('users', User);
export const TokenPage = Page('tokens', ApiToken);
