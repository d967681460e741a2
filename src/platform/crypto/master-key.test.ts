import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { masterKey } from './master-key.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'athar-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('master key', () => {
  it('is made once in the data directory when none is configured, athar’s alone', () => {
    const dataDir = path.join(dir, 'data');
    const a = masterKey({ dataDir });
    expect(a.key.length).toBe(32);
    expect(a.inDataDir).toBe(true);
    expect(statSync(a.file).mode & 0o077).toBe(0);
    expect(statSync(path.dirname(a.file)).mode & 0o077).toBe(0);
    expect(masterKey({ dataDir }).id).toBe(a.id);
  });

  it('reads a configured file, and refuses one that is missing, readable by others, or not 32 bytes', () => {
    const file = path.join(dir, 'given.key');
    expect(() => masterKey({ dataDir: dir, masterKeyFile: file })).toThrow(/does not exist/);
    writeFileSync(file, `${Buffer.alloc(32, 7).toString('base64')}\n`, { mode: 0o644 });
    chmodSync(file, 0o644);
    expect(() => masterKey({ dataDir: dir, masterKeyFile: file })).toThrow(/chmod 600/);
    chmodSync(file, 0o600);
    const k = masterKey({ dataDir: dir, masterKeyFile: file });
    expect(k.key.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(k.inDataDir).toBe(false);
    const short = path.join(dir, 'short.key');
    writeFileSync(short, 'c2hvcnQ=\n', { mode: 0o600 });
    expect(() => masterKey({ dataDir: dir, masterKeyFile: short })).toThrow(/32 random bytes/);
  });
});
