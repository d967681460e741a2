// `npm run bench -- NAME [args]` runs bench/NAME.bench.ts.
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const name = process.argv[2];
const dir = import.meta.dirname;
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));
if (!name || !available.includes(name)) {
  process.stderr.write(`usage: npm run bench -- NAME [args]\navailable: ${available.join(', ')}\n`);
  process.exit(2);
}
process.argv.splice(2, 1);
await import(pathToFileURL(path.join(dir, `${name}.bench.ts`)).href);
