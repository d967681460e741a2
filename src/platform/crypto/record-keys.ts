/**
 * Per-record keys (envelope encryption). Each record with protected values has its own random
 * data key, kept in `record_key` sealed under the master key; its values are sealed with that
 * data key and the name of the record and field. Destroying the key row is erasure
 * (crypto-shredding): the sealed values open for no one any more, while the audit trail — which
 * never held them — stays whole and verifiable.
 *
 * The key rows are apart from the values (another table, never read by the queries that read the
 * records) and useless without the master key, which is not in the database at all.
 *
 * What erasure does not reach: a copy of the database made before it (a backup, an archived
 * write-ahead log) still holds the sealed key, and opens with the master key. Keep backups apart
 * from the master key, and let them expire; PostgreSQL also keeps a deleted row's bytes until
 * VACUUM reuses them.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Context } from '../context.ts';
import type { DB, TsDefault } from '../database/schema.ts';
import { unavailable } from '../errors.ts';
import { masterKey } from './master-key.ts';
import { KEY_BYTES, SealError, seal, unseal } from './seal.ts';

export interface RecordKeyTable {
  id: string;
  purpose: string;
  sealed_key: Buffer;
  master_id: string;
  created_at: TsDefault;
}

declare module '../database/schema.ts' {
  interface DB {
    record_key: RecordKeyTable;
  }
}

export class RecordKeyRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(row: { id: string; purpose: string; sealed_key: Buffer; master_id: string }): Promise<void> {
    await this.db.insertInto('record_key').values(row).execute();
  }

  async find(id: string) {
    return this.db.selectFrom('record_key').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Whether a key was there to destroy. */
  async destroy(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('record_key').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}

/** Seals `value` (as JSON) for `place` ("inquiry:ID:contact") under a new key of its own. */
export async function sealWithNewKey(
  ctx: Context,
  purpose: string,
  place: string,
  value: unknown,
): Promise<{ keyId: string; sealed: Buffer }> {
  const master = masterKey(ctx.config);
  const keyId = ctx.ids.uuid();
  const dataKey = randomBytes(KEY_BYTES);
  await ctx.repo(RecordKeyRepository).create({
    id: keyId,
    purpose,
    sealed_key: seal(master.key, dataKey, `record_key:${keyId}`),
    master_id: master.id,
  });
  const sealed = seal(dataKey, Buffer.from(JSON.stringify(value), 'utf8'), place);
  dataKey.fill(0);
  return { keyId, sealed };
}

/**
 * The value sealed for `place`, or null when its key was destroyed (erased). A key sealed under
 * another master key, or a value that does not open, is the installation's fault, not the
 * caller's: 503 with what to check.
 */
export async function openSealed<T>(
  ctx: Context,
  keyId: string,
  sealed: Buffer,
  place: string,
): Promise<T | null> {
  const row = await ctx.repo(RecordKeyRepository).find(keyId);
  if (!row) return null;
  const master = masterKey(ctx.config);
  if (row.master_id !== master.id) {
    ctx.log.error({ sealedUnder: row.master_id, processHas: master.id }, 'wrong master key');
    throw unavailable(
      'protected.master_key',
      "protected values cannot be opened: this server does not have the installation's master key",
    );
  }
  try {
    const dataKey = unseal(master.key, row.sealed_key, `record_key:${keyId}`);
    const value = unseal(dataKey, sealed, place);
    dataKey.fill(0);
    return JSON.parse(value.toString('utf8')) as T;
  } catch (e) {
    if (e instanceof SealError)
      throw unavailable('protected.damaged', `a protected value (${place}) does not open: ${e.message}`);
    throw e;
  }
}

export async function destroyKey(ctx: Context, keyId: string): Promise<boolean> {
  return ctx.repo(RecordKeyRepository).destroy(keyId);
}
