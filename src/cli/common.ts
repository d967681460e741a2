import type { Command } from 'commander';
import { invalid } from '#src/platform/errors.ts';
import { printJson } from './output.ts';
import type { ConnectOptions } from './client.ts';

/** The global options every API command honours (--server, --as). */
export function connectOptions(cmd: Command, extra: Partial<ConnectOptions> = {}): ConnectOptions {
  const g = cmd.optsWithGlobals<{ server?: string; as?: string }>();
  return { server: g.server, as: g.as, ...extra };
}

/** Prints JSON for scripts (--json) or text for people. */
export function emit(json: boolean | undefined, value: unknown, human: () => string): void {
  if (json) printJson(value);
  else process.stdout.write(human() + '\n');
}

/** A date-time for people, in their locale; instants stay exact in --json output. */
export function humanInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: process.env.TZ || undefined,
  }).format(new Date(iso));
}

/** A source's time as given: its local rendering and zone ("2024-12-09T16:45+03:00 Asia/Damascus"). */
export function humanWhen(w: { local: string; timeZone: string | null } | null | undefined): string {
  if (!w) return '';
  return w.timeZone ? `${w.local} ${w.timeZone}` : w.local;
}

export function intOption(value: string, name: string): number {
  if (!/^\d+$/.test(value)) throw invalid('cli.usage', `${name} must be a whole number, got "${value}"`);
  return Number(value);
}

/** `--at 2024-12-09T16:45 --time-zone Asia/Damascus` → the API's WhenInput. */
export function whenOption(
  at: string | undefined,
  timeZone: string | undefined,
  asWritten?: string,
): Record<string, string> | undefined {
  if (!at) return undefined;
  return { at, ...(timeZone ? { timeZone } : {}), ...(asWritten ? { asWritten } : {}) };
}
