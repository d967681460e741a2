import type { Context } from '#src/platform/context.ts';
import { AppError } from '#src/platform/errors.ts';
import { ThrottleRepository } from './throttle.repository.ts';

/**
 * Throttling per account, beside the per-address rate limit: after ATHAR_LOGIN_FAILURES failed
 * attempts within 15 minutes, the account's sign-in (or password change) is refused for 15
 * minutes, whatever the password and wherever it comes from. The per-address limit alone let ten
 * failures from one address lock out everyone behind it, and let many addresses try one account.
 */
const WINDOW_MS = 15 * 60_000;
const BLOCK_MS = 15 * 60_000;

export const loginKey = (username: string) => `login:${username}`;
export const passwordKey = (userId: string) => `password:${userId}`;

function throttled(until: Date, now: Date): AppError {
  return new AppError(
    'rate_limited',
    'auth.throttled',
    `too many failed attempts for this account; try again after ${until.toISOString()}`,
    {
      details: { retryAfterS: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) },
    },
  );
}

/** Refuses an attempt on an account that is throttled now. */
export async function refuseWhenThrottled(ctx: Context, key: string): Promise<void> {
  const row = await ctx.repo(ThrottleRepository).find(key);
  const now = ctx.clock.now();
  if (row?.blocked_until && row.blocked_until > now) throw throttled(row.blocked_until, now);
}

/** Counts a failed attempt (in the caller's transaction). */
export async function countFailure(ctx: Context, key: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx
    .repo(ThrottleRepository)
    .fail(
      key,
      now,
      new Date(now.getTime() - WINDOW_MS),
      ctx.config.loginFailuresPerAccount,
      new Date(now.getTime() + BLOCK_MS),
    );
}

/** Forgets the failures of an account once it succeeds. */
export async function clearFailures(ctx: Context, key: string): Promise<void> {
  await ctx.repo(ThrottleRepository).clear(key);
}
