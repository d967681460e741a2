import { randomBytes } from 'node:crypto';
import { link, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError, invalid } from '#src/platform/errors.ts';
import { withClient } from '../client.ts';
import { connectOptions, emit } from '../common.ts';

const caseUrl = (ref: string) => `/api/cases/${encodeURIComponent(ref)}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `--items a,b --items c` → [a, b, c]. */
export function itemList(values: string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  const ids = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (ids.length === 0) throw invalid('cli.usage', '--items names no item');
  return ids;
}

/**
 * Downloads the case's evidence package into `--out` as athar-evidence-<export id>.tar: written
 * under a temporary name first and put in place only once whole and of the SHA-256 the server
 * recorded, never over an existing file.
 */
export async function runExportEvidence(
  o: { case: string; items?: string[]; out?: string; json?: boolean },
  cmd: Command,
): Promise<number> {
  const items = itemList(o.items);
  const dir = path.resolve(o.out ?? '.');
  await mkdir(dir, { recursive: true });
  const part = path.join(dir, `.athar-evidence-${randomBytes(6).toString('hex')}.part`);
  try {
    const got = await withClient(connectOptions(cmd), (cl) =>
      cl.download('POST', `${caseUrl(o.case)}/media/export`, part, { body: items ? { items } : {} }),
    );
    const exportId = got.headers['x-athar-export-id'] ?? '';
    const recorded = got.headers['x-athar-sha256'];
    // The name comes from the export's id alone, and only if it is one: a server's answer never
    // chooses where a file lands.
    if (!UUID.test(exportId))
      throw new AppError('internal', 'cli.export_answer', 'the server did not say which export this is');
    if (recorded !== got.sha256)
      throw new AppError(
        'internal',
        'cli.export_damaged',
        `the archive received has SHA-256 ${got.sha256}, not the ${recorded ?? '(none)'} the server recorded; nothing was kept`,
      );
    const file = path.join(dir, `athar-evidence-${exportId}.tar`);
    await link(part, file);
    const count = Number(got.headers['x-athar-items'] ?? 0);
    emit(o.json, { path: file, sha256: got.sha256, items: count }, () => file);
    if (!o.json)
      process.stderr.write(
        `athar: ${count} item${count === 1 ? '' : 's'}, ${(got.size / 1e6).toFixed(1)} MB, SHA-256 ${got.sha256} (recorded on the audit trail as export ${exportId}); see README.txt inside on checking it\n`,
      );
    return 0;
  } finally {
    await rm(part, { force: true });
  }
}

/**
 * Downloads the case's persons into `--out` as athar-persons-<export id>.<format>, as the evidence
 * package is: under a temporary name until whole and of the SHA-256 the server recorded.
 */
export async function runExportPersons(
  o: { case: string; format: string; out?: string; json?: boolean },
  cmd: Command,
): Promise<number> {
  if (!['csv', 'xlsx', 'json', 'pfif'].includes(o.format))
    throw invalid('cli.usage', '--format is csv, xlsx, json or pfif');
  const dir = path.resolve(o.out ?? '.');
  await mkdir(dir, { recursive: true });
  const part = path.join(dir, `.athar-persons-${randomBytes(6).toString('hex')}.part`);
  try {
    const got = await withClient(connectOptions(cmd), (cl) =>
      cl.download('POST', `${caseUrl(o.case)}/persons/export`, part, { body: { format: o.format } }),
    );
    const exportId = got.headers['x-athar-export-id'] ?? '';
    if (!UUID.test(exportId))
      throw new AppError('internal', 'cli.export_answer', 'the server did not say which export this is');
    if (got.headers['x-athar-sha256'] !== got.sha256)
      throw new AppError(
        'internal',
        'cli.export_damaged',
        `the file received has SHA-256 ${got.sha256}, not the one the server recorded; nothing was kept`,
      );
    const file = path.join(dir, `athar-persons-${exportId}.${o.format}`);
    await link(part, file);
    const persons = Number(got.headers['x-athar-persons'] ?? 0);
    emit(o.json, { path: file, sha256: got.sha256, persons }, () => file);
    if (!o.json)
      process.stderr.write(
        `athar: ${persons} persons, SHA-256 ${got.sha256} (recorded on the audit trail as export ${exportId})\n`,
      );
    return 0;
  } finally {
    await rm(part, { force: true });
  }
}
