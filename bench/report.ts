import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Machine line printed with every benchmark result so numbers can be compared honestly. */
export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/** Appends a titled section (markdown) to bench/RESULTS.md with the date and the machine. */
export function appendResults(title: string, body: string): void {
  const file = path.join(import.meta.dirname, 'RESULTS.md');
  if (!existsSync(file)) writeFileSync(file, '# Benchmark results\n\nAppended by `npm run bench -- NAME`.\n');
  const section = `\n## ${title} — ${new Date().toISOString()}\n\nMachine: ${machineLine()}\n\n${body.trim()}\n`;
  appendFileSync(file, section);
  process.stdout.write(section);
}
