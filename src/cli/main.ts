import { Command, CommanderError } from 'commander';
import { printError } from './output.ts';

import * as serve from './commands/serve.command.ts';
import * as system from './commands/system.command.ts';
import * as user from './commands/user.command.ts';
import * as kase from './commands/case.command.ts';
import * as claim from './commands/claim.command.ts';
import * as media from './commands/media.command.ts';
import * as persons from './commands/persons.command.ts';
import * as inquiries from './commands/inquiries.command.ts';
import * as timestamps from './commands/timestamps.command.ts';
import * as exporting from './commands/export.command.ts';
import * as hash from './commands/hash.command.ts';
import * as compare from './commands/compare.command.ts';
import * as names from './commands/names.command.ts';

// Each command lives in its own file under ./commands and registers itself on the program.
// Registering is cheap (no heavy import at the top of a command file): what a command needs
// (the server, sharp, ffmpeg, the name engine) is loaded when it runs.
const commands = [
  // server and data (API clients)
  serve,
  system,
  user,
  kase,
  claim,
  media,
  persons,
  inquiries,
  timestamps,
  exporting,
  // engine tools (no stored data)
  hash,
  compare,
  names,
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

for (const c of commands) c.register(program);

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
