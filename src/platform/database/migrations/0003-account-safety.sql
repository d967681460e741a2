-- Accounts, hardened (issue 9): who made a token and why it ended; throttling of failed sign-ins
-- and password changes per account, beside the per-address rate limit.

-- The user who minted a token (an administrator may mint one for someone else; its owner sees who).
ALTER TABLE api_token ADD COLUMN created_by uuid REFERENCES app_user(id);
UPDATE api_token SET created_by = user_id;
-- Why a token stopped working: revoked by hand, or ended with the user's password or account.
ALTER TABLE api_token ADD COLUMN revoked_reason text
  CHECK (revoked_reason IN ('revoked', 'password_changed', 'password_reset', 'user_disabled'));
UPDATE api_token SET revoked_reason = 'revoked' WHERE revoked_at IS NOT NULL;
ALTER TABLE api_token ADD CONSTRAINT api_token_revoked_reason CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL));

-- Failed attempts per account: 'login:<username as typed>' or 'password:<user id>'.
CREATE TABLE auth_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL CHECK (failures > 0),
  first_failure_at timestamptz NOT NULL,
  blocked_until timestamptz
);
