/**
 * The installation's master key: it seals the data key of every record with protected values
 * (record-keys.ts) and is never stored in the database. It is read from the file
 * `ATHAR_MASTER_KEY_FILE` names — 32 random bytes written as base64 on one line, readable by
 * athar's user alone — so that a copy of the database (a dump, a stolen disk image of the
 * database server) opens no protected value without it.
 *
 * When no file is configured, athar makes one on first need at `<data dir>/secrets/master.key`:
 * `npm start` works on a fresh machine, but the key then sits beside the embedded database, and a
 * copy of the whole data directory carries both. Production installations name a file kept
 * apart (another volume, a secrets mount) and back it up apart from the database: without it,
 * the protected values cannot be read by anyone.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { invalid } from '../errors.ts';
import { ensurePrivateDir } from '../private-dir.ts';
import { KEY_BYTES } from './seal.ts';

export interface MasterKey {
  key: Buffer;
  /** The first 16 hex digits of its SHA-256: stored beside each sealed key, to name a wrong master key. */
  id: string;
  file: string;
  /** Whether the key is the one made in the data directory (not held apart). */
  inDataDir: boolean;
}

const loaded = new Map<string, MasterKey>();

export function masterKeyFile(config: Pick<Config, 'dataDir' | 'masterKeyFile'>): string {
  return config.masterKeyFile ?? path.join(config.dataDir, 'secrets', 'master.key');
}

function parse(text: string, file: string): Buffer {
  const t = text.trim();
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(t) ? Buffer.from(t, 'base64') : Buffer.alloc(0);
  if (key.length !== KEY_BYTES)
    throw invalid(
      'config.master_key',
      `the master key file ${file} must hold ${KEY_BYTES} random bytes as base64 on one line (make one with: openssl rand -base64 32 > FILE; chmod 600 FILE)`,
      { issues: [{ field: 'ATHAR_MASTER_KEY_FILE', message: 'not 32 bytes of base64' }] },
    );
  return key;
}

function read(file: string): Buffer {
  const st = statSync(file);
  if (!st.isFile()) throw invalid('config.master_key', `the master key file ${file} is not a file`);
  if (st.mode & 0o077)
    throw invalid(
      'config.master_key',
      `the master key file ${file} can be read by other users of this machine; make it athar's alone: chmod 600 ${file}`,
      { issues: [{ field: 'ATHAR_MASTER_KEY_FILE', message: 'readable by others' }] },
    );
  return parse(readFileSync(file, 'utf8'), file);
}

/**
 * The master key (read once per process). A configured file must exist; the default one is made
 * when missing (exclusively: of two processes making it at once, the second reads the first's).
 */
export function masterKey(config: Pick<Config, 'dataDir' | 'masterKeyFile'>): MasterKey {
  // Read at start (app.ts), so that a key that cannot be read stops the start; cached after.
  const file = masterKeyFile(config);
  const hit = loaded.get(file);
  if (hit) return hit;
  let key: Buffer;
  const inDataDir = config.masterKeyFile === undefined;
  try {
    key = read(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    if (!inDataDir)
      throw invalid(
        'config.master_key',
        `the master key file ${file} (ATHAR_MASTER_KEY_FILE) does not exist`,
        {
          issues: [{ field: 'ATHAR_MASTER_KEY_FILE', message: 'no such file' }],
        },
      );
    ensurePrivateDir(path.dirname(file), 'the secrets directory');
    try {
      writeFileSync(file, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (w) {
      if ((w as NodeJS.ErrnoException).code !== 'EEXIST') throw w;
    }
    key = read(file);
  }
  const made: MasterKey = {
    key,
    id: createHash('sha256').update(key).digest('hex').slice(0, 16),
    file,
    inDataDir,
  };
  loaded.set(file, made);
  return made;
}
