import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeWithData, itWithData, sharedData } from '#test/support/testdata.ts';
import { readCredentials } from './credentials.ts';

/**
 * Content credentials against ../shared/testdata/c2pa/expected.tsv: for each shared file, whether
 * it has a manifest, its validation state and codes, its digitalSourceType values and what a
 * reader should conclude about AI generation — and that no file makes athar fetch anything.
 */
interface Row {
  file: string;
  manifest: string;
  validation_state: string;
  failure_codes: string;
  digital_source_types: string;
  ai_signal: string;
}

function rows(): Row[] {
  // Collected even when the suite is skipped for want of the shared data (describe.skip runs it).
  if (!existsSync(sharedData('c2pa', 'expected.tsv'))) return [];
  const [head, ...lines] = readFileSync(sharedData('c2pa', 'expected.tsv'), 'utf8').trim().split('\n');
  const cols = head!.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])) as unknown as Row);
}

const MIME: Record<string, string> = { jpg: 'image/jpeg', mp4: 'video/mp4' };

describeWithData('content credentials (C2PA), shared files', sharedData('c2pa', 'expected.tsv'), () => {
  afterEach(() => vi.unstubAllGlobals());

  for (const row of rows()) {
    it(`${row.file}: ${row.manifest}, ${row.validation_state}, AI: ${row.ai_signal}`, async () => {
      const fetch = vi.fn(() => Promise.reject(new Error('athar must not fetch')));
      vi.stubGlobal('fetch', fetch);
      const c = await readCredentials(sharedData('c2pa', row.file), MIME[row.file.split('.').pop()!]!);
      expect(fetch).not.toHaveBeenCalled();
      if (row.manifest === 'none') {
        expect(c.state).toBe('none');
        return;
      }
      if (row.manifest === 'remote-only') {
        expect(c).toMatchObject({ state: 'remote', error: 'remote manifest, not fetched', ai: null });
        return;
      }
      if (row.manifest === 'malformed') {
        expect(c.state).toBe('unreadable');
        expect(c.error).toContain(row.failure_codes.replace(/^C2pa\((\w+)\).*$/, '$1'));
        return;
      }
      expect(c.validationState).toBe(row.validation_state);
      expect(c.state).toBe(row.validation_state === 'Invalid' ? 'invalid' : 'valid');
      expect([...c.codes].sort()).toEqual(row.failure_codes.split(',').filter(Boolean).sort());
      expect(c.digitalSourceTypes.join(';')).toBe(row.digital_source_types);
      expect(c.ai).toBe(
        row.ai_signal === 'generative AI'
          ? 'trained'
          : row.ai_signal.startsWith('algorithmic')
            ? 'algorithmic'
            : null,
      );
      expect(c.signer?.issuer).toEqual(expect.any(String));
      expect(c.claimGenerator).toEqual(expect.any(String));
    });
  }
});

describe('content credentials of a file without any', () => {
  itWithData('says "none", never "inauthentic"', sharedData('c2pa', 'A.jpg'), async () => {
    const c = await readCredentials(sharedData('c2pa', 'A.jpg'), 'image/jpeg');
    expect(c).toMatchObject({ state: 'none', codes: [], ai: null, error: null });
  });
});
