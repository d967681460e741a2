import { asAppError } from '#src/platform/errors.ts';

/** Writes one JSON document (or one JSON line) to stdout. */
export function printJson(value: unknown, opts: { pretty?: boolean } = {}): void {
  process.stdout.write(JSON.stringify(value, null, opts.pretty ? 2 : undefined) + '\n');
}

/** `athar: <code>: <message>` on stderr, the contract in ../shared/CLI.md. */
export function printError(code: string, message: string): void {
  process.stderr.write(`athar: ${code}: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
}

/** Reports an error and returns the exit code it maps to (2 usage, 3 not found, 4 not allowed, 5 internal). */
export function reportError(err: unknown): number {
  const e = asAppError(err);
  if (e) {
    const field = e.issues?.[0];
    printError(
      e.code,
      field && !e.message.includes(field.field)
        ? `${e.message} (${field.field}: ${field.message})`
        : e.message,
    );
    return e.exitCode;
  }
  printError('internal', err instanceof Error ? err.message : String(err));
  return 5;
}

/** Renders rows as an aligned plain-text table for people. */
export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c == null ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  return cells
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - [...c].length)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
