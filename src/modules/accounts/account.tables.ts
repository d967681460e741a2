import type { Generated, Ts, TsDefault } from '#src/platform/database/schema.ts';

/** The accounts tables (migration 0001). */
export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  is_admin: Generated<boolean>;
  disabled_at: Ts | null;
  created_at: TsDefault;
  updated_at: TsDefault;
}

export interface UserSessionTable {
  id: string;
  user_id: string;
  token_hash: string;
  csrf_hash: string;
  created_at: TsDefault;
  expires_at: Ts;
  revoked_at: Ts | null;
  last_seen_at: Ts | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: TsDefault;
  expires_at: Ts | null;
  revoked_at: Ts | null;
  revoked_reason: TokenEnd | null;
  last_used_at: Ts | null;
  created_by: string | null;
}

/** Why a token stopped working. */
export type TokenEnd = 'revoked' | 'password_changed' | 'password_reset' | 'user_disabled';

/** Failed sign-ins and password changes per account (migration 0003). */
export interface AuthThrottleTable {
  key: string;
  failures: number;
  first_failure_at: Ts;
  blocked_until: Ts | null;
}

declare module '#src/platform/database/schema.ts' {
  interface DB {
    app_user: AppUserTable;
    user_session: UserSessionTable;
    api_token: ApiTokenTable;
    auth_throttle: AuthThrottleTable;
  }
}
