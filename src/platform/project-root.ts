import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

let root: string | null = null;

/**
 * The folder of athar's package.json: the same whether the code runs from src/ (through tsx) or
 * from the build in dist/, so that files shipped beside the code (the built desk) are found.
 */
export function projectRoot(): string {
  if (root) return root;
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'athar')
      return (root = dir);
    if (path.dirname(dir) === dir)
      throw new Error(`athar's package.json is not above ${import.meta.dirname}`);
  }
}
