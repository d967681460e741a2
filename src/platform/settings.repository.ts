import type { Kysely } from 'kysely';
import type { DB } from '#src/platform/database/schema.ts';

/** Small installation-wide facts (demo offered, last audit check) as JSON values by key. */
export class SettingsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async get<T>(key: string): Promise<T | undefined> {
    const r = await this.db
      .selectFrom('installation')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return r ? (r.value as T) : undefined;
  }

  /**
   * Sets `key` unless it is set; false when it was (by this transaction's rivals too: on
   * PostgreSQL the second of two concurrent writers waits for the first and then finds the key).
   */
  async setOnce(key: string, value: unknown): Promise<boolean> {
    const made = await this.db
      .insertInto('installation')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    return made !== undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    const json = JSON.stringify(value);
    await this.db
      .insertInto('installation')
      .values({ key, value: json })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
      .execute();
  }
}
