import type { Command } from 'commander';
import { reportAdmin } from '../client.ts';
import { action } from '../run.ts';

/** `athar serve`: the API (and, by default, the job workers) over the data directory or DATABASE_URL. */
export function register(program: Command): void {
  program
    .command('serve')
    .description(
      'run the athar server (API, docs at /api/docs, background workers); owns the embedded database',
    )
    .option('--port <port>', 'port (ATHAR_PORT, default 4000)')
    .option('--host <host>', 'address to listen on (ATHAR_HOST, default 127.0.0.1)')
    .option('--no-workers', 'do not run background jobs in this process (ATHAR_RUN_WORKERS=false)')
    .action(
      action(async (opts: { port?: string; host?: string; workers: boolean }) => {
        const env = { ...process.env };
        if (opts.port !== undefined) env.ATHAR_PORT = opts.port;
        if (opts.host !== undefined) env.ATHAR_HOST = opts.host;
        const { loadConfig } = await import('#src/platform/config.ts');
        const config = loadConfig(env);
        const { createApp, firstStart } = await import('#src/app.ts');
        const { buildServer } = await import('#src/platform/http/server.ts');
        const runWorkers = opts.workers && config.runWorkers;
        const app = await createApp(config, { jobs: true, workers: runWorkers });
        const first = await firstStart(app, { demoMedia: true });
        if (first.admin) reportAdmin(first.admin);
        const server = await buildServer(app);
        const address = await server.fastify.listen({ port: config.port, host: config.host });
        const url = address.replace('[::1]', 'localhost');
        app.lock?.publish(url, app.localToken);
        const where =
          app.database.kind === 'pglite'
            ? `embedded database in ${config.dataDir}`
            : 'PostgreSQL (DATABASE_URL)';
        process.stderr.write(
          `athar: serving ${url} — API docs ${url}/api/docs — ${where}${runWorkers ? ', workers on' : ''}\n` +
            (first.demoLoaded
              ? 'athar: loaded the demo case "sednaya-2024" (Sednaya prison, December 2024)\n'
              : '') +
            (first.admin
              ? ''
              : 'athar: sign in as an existing user (POST /api/auth/login); `athar user reset-password admin` gives a new one-time password\n'),
        );
        let stopping = false;
        const stop = async (signal: string) => {
          if (stopping) return;
          stopping = true;
          process.stderr.write(`athar: ${signal}: stopping\n`);
          await server.fastify.close();
          await app.close();
          process.exit(0);
        };
        process.on('SIGINT', () => void stop('SIGINT'));
        process.on('SIGTERM', () => void stop('SIGTERM'));
        await new Promise(() => undefined);
      }),
    );

  program
    .command('worker')
    .description(
      'run background job workers only (scale-out with DATABASE_URL; with the embedded database `athar serve` runs them)',
    )
    .action(
      action(async () => {
        const { loadConfig } = await import('#src/platform/config.ts');
        const config = loadConfig();
        const { createApp } = await import('#src/app.ts');
        const app = await createApp(config, { jobs: true, workers: true });
        process.stderr.write(
          `athar: worker running on ${app.database.kind === 'pglite' ? config.dataDir : 'PostgreSQL'}\n`,
        );
        const stop = async () => {
          await app.close();
          process.exit(0);
        };
        process.on('SIGINT', () => void stop());
        process.on('SIGTERM', () => void stop());
        await new Promise(() => undefined);
      }),
    );
}
