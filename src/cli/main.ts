import { Command, CommanderError } from 'commander';
import { printError } from './output.ts';

// Each command lives in its own file under ./commands and registers itself on the program.
const commandModules: Array<() => Promise<{ register: (program: Command) => void }>> = [
  // server and data (API clients)
  () => import('./commands/serve.command.ts'),
  () => import('./commands/system.command.ts'),
  () => import('./commands/user.command.ts'),
  () => import('./commands/case.command.ts'),
  () => import('./commands/claim.command.ts'),
  // engine tools (no stored data)
  () => import('./commands/hash.command.ts'),
  () => import('./commands/compare.command.ts'),
  () => import('./commands/names.command.ts'),
];

// A reader that stops early (`athar names score ... | head`) closes the pipe: that ends the output,
// it is not a failure. Exit quietly, as Unix tools do, instead of crashing on EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const program = new Command('athar')
  .description('athar — verification desk and registry of detained and missing persons')
  .option('--server <url>', 'talk to this athar server (authenticate with ATHAR_TOKEN)')
  .option(
    '--as <user>',
    'act as this user (local administrator only; needed against a server database without ATHAR_TOKEN)',
  )
  .showHelpAfterError()
  .exitOverride();

for (const load of commandModules) (await load()).register(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    if (
      e.exitCode !== 0 &&
      e.code !== 'commander.help' &&
      e.code !== 'commander.helpDisplayed' &&
      e.code !== 'commander.version'
    ) {
      // commander already printed its own message; keep our exit-code contract (2 = usage)
      process.exitCode = 2;
    } else {
      process.exitCode = 0;
    }
  } else {
    printError('internal', e instanceof Error ? e.message : String(e));
    process.exitCode = 5;
  }
}
