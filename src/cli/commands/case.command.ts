import type { Command } from 'commander';
import type { Case, Membership } from '#src/modules/cases/index.ts';
import type { Timeline } from '#src/modules/timeline/index.ts';
import { requestAll, withClient } from '../client.ts';
import { connectOptions, emit, humanWhen, whenOption } from '../common.ts';
import { table } from '../output.ts';
import { action } from '../run.ts';

const caseUrl = (ref: string) => `/api/cases/${encodeURIComponent(ref)}`;

/** `athar case create|list|show`, `athar member add|remove|list`, `athar timeline`. */
export function register(program: Command): void {
  const c = program.command('case').description('case files');
  c.command('create')
    .description('create a case (you become its admin)')
    .requiredOption('--slug <slug>', 'short name used in URLs and --case (lower case, digits, -)')
    .requiredOption('--title <title>', 'title')
    .requiredOption('--time-zone <zone>', 'default IANA time zone of the case, e.g. Asia/Damascus')
    .option('--description <text>', 'description')
    .option(
      '--event-start <time>',
      'when the event began: an instant (…Z) or a local time/date in the case zone',
    )
    .option('--json', 'machine-readable output')
    .action(
      action(
        async (
          o: {
            slug: string;
            title: string;
            timeZone: string;
            description?: string;
            eventStart?: string;
            json?: boolean;
          },
          cmd: Command,
        ) => {
          const body = {
            slug: o.slug,
            title: o.title,
            timeZone: o.timeZone,
            ...(o.description ? { description: o.description } : {}),
            ...(o.eventStart ? { eventStart: whenOption(o.eventStart, o.timeZone) } : {}),
          };
          const r = await withClient(connectOptions(cmd), (cl) =>
            cl.request<Case>('POST', '/api/cases', { body }),
          );
          emit(o.json, r, () => `created case ${r.slug} (${r.id})`);
        },
      ),
    );
  c.command('list')
    .description('cases you can see')
    .option('--json', 'machine-readable output')
    .action(
      action(async (o: { json?: boolean }, cmd: Command) => {
        const r = await withClient(connectOptions(cmd), (cl) =>
          requestAll<{ cases: Case[]; nextCursor: string | null }>(cl, '/api/cases', 'cases'),
        );
        emit(o.json, r, () =>
          r.cases.length === 0
            ? 'no cases'
            : table(
                ['SLUG', 'TITLE', 'TIME ZONE', 'EVENT START', 'YOUR ROLE', 'ID'],
                r.cases.map((k) => [
                  k.slug,
                  k.isDemo ? `${k.title} [demo]` : k.title,
                  k.timeZone,
                  humanWhen(k.eventStart),
                  k.role ?? '—',
                  k.id,
                ]),
              ),
        );
      }),
    );
  c.command('show <case>')
    .description('one case, by id or slug')
    .option('--json', 'machine-readable output')
    .action(
      action(async (ref: string, o: { json?: boolean }, cmd: Command) => {
        const r = await withClient(connectOptions(cmd), (cl) => cl.request<Case>('GET', caseUrl(ref)));
        emit(o.json, r, () =>
          [
            `${r.title}${r.isDemo ? ' [demo data]' : ''}`,
            `slug ${r.slug} · id ${r.id}`,
            `time zone ${r.timeZone} · event start ${humanWhen(r.eventStart) || 'unknown'} · your role ${r.role ?? '—'}`,
            '',
            r.description,
          ].join('\n'),
        );
      }),
    );

  const m = program
    .command('member')
    .description('who works on a case, in which role (admin, editor, reviewer, caseworker, viewer)');
  m.command('add <username> <role>')
    .description('add a member to a case or change their role')
    .requiredOption('--case <case>', 'case id or slug')
    .option('--json', 'machine-readable output')
    .action(
      action(async (username: string, role: string, o: { case: string; json?: boolean }, cmd: Command) => {
        const r = await withClient(connectOptions(cmd), (cl) =>
          cl.request<Membership>('POST', `${caseUrl(o.case)}/members`, { body: { username, role } }),
        );
        emit(o.json, r, () => `${r.username} is ${r.role} in ${o.case}`);
      }),
    );
  m.command('remove <username>')
    .description('remove a member from a case')
    .requiredOption('--case <case>', 'case id or slug')
    .action(
      action(async (username: string, o: { case: string }, cmd: Command) => {
        await withClient(connectOptions(cmd), (cl) =>
          cl.request('DELETE', `${caseUrl(o.case)}/members/${encodeURIComponent(username)}`),
        );
        process.stdout.write(`removed ${username} from ${o.case}\n`);
      }),
    );
  m.command('list')
    .description('members of a case')
    .requiredOption('--case <case>', 'case id or slug')
    .option('--json', 'machine-readable output')
    .action(
      action(async (o: { case: string; json?: boolean }, cmd: Command) => {
        const r = await withClient(connectOptions(cmd), (cl) =>
          requestAll<{ members: Membership[]; nextCursor: string | null }>(
            cl,
            `${caseUrl(o.case)}/members`,
            'members',
          ),
        );
        emit(o.json, r, () =>
          table(
            ['USERNAME', 'NAME', 'ROLE'],
            r.members.map((x) => [x.username, x.displayName, x.role]),
          ),
        );
      }),
    );

  program
    .command('timeline')
    .description('every dated thing in a case, in order')
    .requiredOption('--case <case>', 'case id or slug')
    .option('--zone <zone>', 'render times in this IANA zone (default: the case zone; UTC works)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (o: { case: string; zone?: string; json?: boolean }, cmd: Command) => {
        const r = await withClient(connectOptions(cmd), (cl) =>
          requestAll<Timeline>(cl, `${caseUrl(o.case)}/timeline`, 'entries', { zone: o.zone }),
        );
        emit(o.json, r, () =>
          [
            `times in ${r.timeZone}; dates known only to the day, month or year are shown as given`,
            '',
            table(
              ['WHEN', 'PRECISION', 'WHAT', ''],
              r.entries.map((e) => [e.local, e.precision, e.kind, e.isDemo ? `${e.title} [demo]` : e.title]),
            ),
          ].join('\n'),
        );
      }),
    );
}
