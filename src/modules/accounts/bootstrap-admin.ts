import type { Context } from '#src/platform/context.ts';
import { hashPassword, oneTimePassword } from './passwords.ts';
import { presentUser } from './present.ts';
import { UserRepository } from './user.repository.ts';

/**
 * First start: when there is no user, create `admin`, with ATHAR_ADMIN_PASSWORD if set, else a
 * generated one-time password that must be changed at first sign-in. Run in a transaction: the
 * advisory lock makes only the first of several processes starting at once create the admin.
 */
export async function bootstrapAdmin(
  ctx: Context,
): Promise<{ username: string; oneTimePassword: string | null } | null> {
  const users = ctx.repo(UserRepository);
  if ((await users.count()) > 0) return null;
  const fromConfig = ctx.config.adminPassword;
  const oneTime = fromConfig ? null : oneTimePassword(ctx.ids);
  const hash = await hashPassword(fromConfig ?? oneTime!);
  await users.lockBootstrap();
  if ((await users.count()) > 0) return null;
  const u = await users.create({
    id: ctx.ids.uuid(),
    username: 'admin',
    display_name: 'Administrator',
    password_hash: hash,
    must_change_password: oneTime !== null,
    is_admin: true,
  });
  ctx.audit({
    action: 'user.created',
    entityType: 'user',
    entityId: u.id,
    after: { ...presentUser(u), passwordHash: hash },
  });
  return { username: 'admin', oneTimePassword: oneTime };
}
