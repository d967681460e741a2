import type { Context } from '#src/platform/context.ts';
import { invalid } from '#src/platform/errors.ts';
import { hashPassword, oneTimePassword, passwordProblem } from './passwords.ts';
import { presentUser } from './present.ts';
import { UserRepository } from './user.repository.ts';

/**
 * First start: when there is no user, create `admin`, with ATHAR_ADMIN_PASSWORD if set, else a
 * generated one-time password that must be changed at first sign-in. The password is hashed
 * first; then, in a transaction, an advisory lock makes only the first of several processes
 * starting at once create the admin.
 */
export async function bootstrapAdmin(
  ctx: Context,
): Promise<{ username: string; oneTimePassword: string | null } | null> {
  if ((await ctx.repo(UserRepository).count()) > 0) return null;
  const fromConfig = ctx.config.adminPassword;
  const weak = fromConfig === undefined ? null : passwordProblem(fromConfig);
  if (weak)
    throw invalid('config.invalid', `ATHAR_ADMIN_PASSWORD: ${weak}`, {
      issues: [{ field: 'ATHAR_ADMIN_PASSWORD', message: weak }],
    });
  const oneTime = fromConfig ? null : oneTimePassword(ctx.ids);
  const hash = await hashPassword(fromConfig ?? oneTime!);
  return ctx.transaction(async (tx) => {
    const users = tx.repo(UserRepository);
    await users.lockBootstrap();
    if ((await users.count()) > 0) return null;
    const u = await users.create({
      id: tx.ids.uuid(),
      username: 'admin',
      display_name: 'Administrator',
      password_hash: hash,
      must_change_password: oneTime !== null,
      is_admin: true,
    });
    tx.audit({
      action: 'user.created',
      entityType: 'user',
      entityId: u.id,
      after: { ...presentUser(u), passwordHash: hash },
    });
    return { username: 'admin', oneTimePassword: oneTime };
  });
}
