import type { Command } from 'commander';
import type { Static } from '@sinclair/typebox';
import type { ApiToken, User } from '#src/modules/accounts/index.ts';
import { requestAll, withClient } from '../client.ts';
import { connectOptions, emit, humanInstant, intOption } from '../common.ts';
import { table } from '../output.ts';
import { action } from '../run.ts';

type Token = Static<typeof ApiToken>;

async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `athar user add|disable|reset-password|list` and `athar token create|revoke|list`. */
export function register(program: Command): void {
  const user = program.command('user').description('user accounts (installation administrators)');
  user
    .command('add <username>')
    .description(
      'create a user; without --password-stdin a one-time password is printed, to be changed at first sign-in',
    )
    .option('--display-name <name>', 'name shown to others')
    .option('--admin', 'installation administrator (manages users and cases)')
    .option('--password-stdin', 'read the password from standard input')
    .option('--json', 'machine-readable output')
    .action(
      action(
        async (
          username: string,
          opts: { displayName?: string; admin?: boolean; passwordStdin?: boolean; json?: boolean },
          cmd: Command,
        ) => {
          const password = opts.passwordStdin ? await readPasswordFromStdin() : undefined;
          const r = await withClient(connectOptions(cmd), (c) =>
            c.request<{ user: User; oneTimePassword?: string }>('POST', '/api/users', {
              body: {
                username,
                ...(opts.displayName ? { displayName: opts.displayName } : {}),
                ...(password ? { password } : {}),
                ...(opts.admin ? { isAdmin: true } : {}),
              },
            }),
          );
          emit(
            opts.json,
            r,
            () =>
              `created ${r.user.username}${r.oneTimePassword ? `; one-time password: ${r.oneTimePassword}` : ''}`,
          );
        },
      ),
    );
  user
    .command('disable <username>')
    .description('disable a user and revoke all their sessions and tokens')
    .option('--json', 'machine-readable output')
    .action(
      action(async (username: string, opts: { json?: boolean }, cmd: Command) => {
        const r = await withClient(connectOptions(cmd), (c) =>
          c.request<User>('POST', `/api/users/${encodeURIComponent(username)}/disable`),
        );
        emit(opts.json, r, () => `disabled ${r.username}`);
      }),
    );
  user
    .command('reset-password <username>')
    .description(
      'set a one-time password (printed) that must be changed at next sign-in; ends their sessions',
    )
    .option('--json', 'machine-readable output')
    .action(
      action(async (username: string, opts: { json?: boolean }, cmd: Command) => {
        const r = await withClient(connectOptions(cmd), (c) =>
          c.request<{ user: User; oneTimePassword: string }>(
            'POST',
            `/api/users/${encodeURIComponent(username)}/reset-password`,
          ),
        );
        emit(opts.json, r, () => `one-time password for ${r.user.username}: ${r.oneTimePassword}`);
      }),
    );
  user
    .command('list')
    .description('list users')
    .option('--json', 'machine-readable output')
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        const r = await withClient(connectOptions(cmd), (c) =>
          requestAll<{ users: User[]; nextCursor: string | null }>(c, '/api/users', 'users'),
        );
        emit(opts.json, r, () =>
          table(
            ['USERNAME', 'NAME', 'ADMIN', 'STATE', 'CREATED'],
            r.users.map((u) => [
              u.username,
              u.displayName,
              u.isAdmin ? 'yes' : '',
              u.disabledAt ? 'disabled' : u.mustChangePassword ? 'must change password' : 'active',
              humanInstant(u.createdAt),
            ]),
          ),
        );
      }),
    );

  const token = program.command('token').description('API tokens for scripts');
  token
    .command('create')
    .description('create an API token; the secret is printed once (use it as ATHAR_TOKEN or a Bearer header)')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--user <username>', 'for another user (administrators)')
    .option('--expires-days <n>', 'expire after n days')
    .option('--json', 'machine-readable output')
    .action(
      action(
        async (opts: { name: string; user?: string; expiresDays?: string; json?: boolean }, cmd: Command) => {
          const body = {
            name: opts.name,
            ...(opts.user ? { username: opts.user } : {}),
            ...(opts.expiresDays ? { expiresInDays: intOption(opts.expiresDays, '--expires-days') } : {}),
          };
          const r = await withClient(connectOptions(cmd), (c) =>
            c.request<{ token: Token; secret: string }>('POST', '/api/tokens', { body }),
          );
          emit(opts.json, r, () => `${r.secret}\n(token ${r.token.id}; shown once, store it now)`);
        },
      ),
    );
  token
    .command('revoke <id>')
    .description('revoke an API token')
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
        const r = await withClient(connectOptions(cmd), (c) =>
          c.request<Token>('POST', `/api/tokens/${encodeURIComponent(id)}/revoke`),
        );
        emit(opts.json, r, () => `revoked token ${r.id} (${r.name})`);
      }),
    );
  token
    .command('list')
    .description('list my API tokens (--all: everyone’s, administrators)')
    .option('--all', 'all users')
    .option('--json', 'machine-readable output')
    .action(
      action(async (opts: { all?: boolean; json?: boolean }, cmd: Command) => {
        const r = await withClient(connectOptions(cmd), (c) =>
          requestAll<{ tokens: Token[]; nextCursor: string | null }>(c, '/api/tokens', 'tokens', {
            all: opts.all,
          }),
        );
        emit(opts.json, r, () =>
          table(
            ['ID', 'NAME', 'PREFIX', 'CREATED', 'LAST USED', 'STATE'],
            r.tokens.map((t) => [
              t.id,
              t.name,
              t.prefix,
              humanInstant(t.createdAt),
              humanInstant(t.lastUsedAt),
              t.revokedAt
                ? 'revoked'
                : t.expiresAt && t.expiresAt < new Date().toISOString()
                  ? 'expired'
                  : 'active',
            ]),
          ),
        );
      }),
    );
}
