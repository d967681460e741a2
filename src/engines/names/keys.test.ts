import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithData, sharedData } from '#test/support/testdata.ts';
import { keysMatch, skeleton } from './keys.ts';
import { tokenize } from './tokens.ts';

const key = (n: string): string => tokenize(n)[0]!.key;
const same = (a: string, b: string): boolean => keysMatch(key(a), key(b));

describe('cross-script keys', () => {
  it.each([
    ['محمد', ['Mohammad', 'Muhammad', 'Mohamed', 'Mohammed', 'Mhd']],
    ['قاسم', ['Qasim', 'Kassem', 'Kacem', 'Qāsim']],
    ['حسين', ['Hussein', 'Husayn', 'Hussain', 'Hosein']],
    ['حسن', ['Hasan', 'Hassan', 'Hasen']],
    ['سعيد', ['Saeed', 'Said', 'Saied']],
    ['يوسف', ['Youssef', 'Yusuf', 'Yousef']],
    ['فاطمة', ['Fatima', 'Fatimah']],
    ['مصطفى', ['Mustafa', 'Moustafa', 'Mostafa']],
    ['وائل', ['Wael', 'Wail']],
    ['شادي', ['Shadi', 'Chadi']],
    ['جمال', ['Jamal', 'Gamal', 'Djamel']],
    ['خالد', ['Khaled', 'Khalid']],
  ])('%s matches its Latin spellings', (ar, latins) => {
    for (const l of latins) {
      expect(same(ar, l), `${ar} ~ ${l}: ${key(ar)} vs ${key(l)}`).toBe(true);
      expect(skeleton(key(ar))).toBe(skeleton(key(l)));
    }
  });
  it('keeps distinct names apart', () => {
    expect(same('Hasan', 'Husayn')).toBe(false);
    expect(same('حسن', 'حسين')).toBe(false);
    expect(same('Hasan', 'حسين')).toBe(false);
    expect(same('Hussein', 'حسن')).toBe(false);
    expect(same('Khalil', 'Halil')).toBe(false);
    expect(same('Hamza', 'Hamdi')).toBe(false);
    expect(same('Shadi', 'Sadi')).toBe(false);
  });
});

// The letter correspondences in keys.ts, checked against Google's training pairs (mostly
// non-Arabic names written in Arabic script) and the Levantine list; read in place, never copied.
const data = sharedData('names');
describeWithData(
  'letter correspondences on the training pairs',
  path.join(data, 'levantine/levantine-train.tsv'),
  () => {
    function agreement(file: string): number {
      let n = 0;
      let ok = 0;
      for (const line of readFileSync(path.join(data, file), 'utf8').split('\n')) {
        const [ar, lat] = line.split('\t');
        if (!ar || !lat) continue;
        n++;
        try {
          const a = tokenize(ar);
          const b = tokenize(lat);
          if (a.length === b.length && a.every((t, i) => keysMatch(t.key, b[i]!.key))) ok++;
        } catch {
          // particles-only rows ("إد ed") count as disagreements
        }
      }
      return ok / n;
    }
    it('agree on most Google ar2en training pairs (foreign names included)', () => {
      expect(agreement('google-ar2en/ar2en-train.tsv')).toBeGreaterThan(0.75);
    });
    it('agree on almost all Levantine name tokens', () => {
      expect(agreement('levantine/levantine-train.tsv')).toBeGreaterThan(0.93);
    });
  },
);
