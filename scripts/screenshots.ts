// Screenshots of the desk's main pages in English and Arabic, for the README and for looking at
// as a user would: `node --import tsx scripts/screenshots.ts` (needs chromium and a built desk).
// It starts its own athar with the demo case in a temporary data directory.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../test/support/browser.ts';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'docs', 'screenshots');
const port = 4000 + Math.floor(Math.random() * 900) + 100;
const base = `http://127.0.0.1:${port}`;
const password = 'screenshots password';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'athar-shots-'));

const server = spawn(process.execPath, [path.join(root, 'bin', 'athar.js'), 'serve'], {
  env: {
    ...process.env,
    ATHAR_DATA_DIR: path.join(tmp, 'data'),
    ATHAR_PORT: String(port),
    ATHAR_ADMIN_PASSWORD: password,
    ATHAR_LOG_LEVEL: 'warn',
  },
  stdio: 'ignore',
});

async function ready(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('athar did not start');
}

try {
  await ready();
  const browser = await launchChromium();
  mkdirSync(out, { recursive: true });
  for (const lang of ['en', 'ar']) {
    const ctx = await browser.newContext({ locale: lang, viewport: { width: 1280, height: 860 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/sign-in`);
    await page.screenshot({ path: path.join(out, `${lang}-sign-in.png`) });
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', password);
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/`);
    const claims = (await (
      await page.request.get(`${base}/api/cases/sednaya-2024/claims?published=true`)
    ).json()) as {
      claims: { id: string }[];
    };
    // The demo's stand-in videos are processed in the background after start: wait for them.
    let media: { id: string; name: string; status: string }[] = [];
    for (let i = 0; i < 120; i++) {
      media = (
        (await (await page.request.get(`${base}/api/cases/sednaya-2024/media`)).json()) as {
          items: typeof media;
        }
      ).items;
      if (media.length > 0 && media.every((m) => m.status !== 'received' && m.status !== 'processing')) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    // The re-post of the "man emerging from a hole" stand-in: a copy, first seen before the event.
    let recycled = media[0]?.id ?? '';
    for (const m of media) {
      const d = (await (await page.request.get(`${base}/api/cases/sednaya-2024/media/${m.id}`)).json()) as {
        signals: { code: string }[];
        captures: { postedAt: string | null }[];
      };
      if (
        d.signals.some((x) => x.code === 'appeared_before_event') &&
        d.signals.some((x) => x.code === 'copy_of_earlier')
      )
        recycled = m.id;
    }
    // The registry: a search in Arabic script that finds a person filed in Latin letters only, and
    // the fictional person seen in the release stand-in.
    const arabic = encodeURIComponent('محمود سعيد درويش');
    const seen = (await (
      await page.request.get(
        `${base}/api/cases/sednaya-2024/persons/search?q=${encodeURIComponent('يامن بسام الخطيب')}`,
      )
    ).json()) as { results: { id: string }[] };
    const lists = (await (await page.request.get(`${base}/api/cases/sednaya-2024/release-lists`)).json()) as {
      lists: { id: string }[];
    };
    const inquiries = (await (await page.request.get(`${base}/api/cases/sednaya-2024/inquiries`)).json()) as {
      inquiries: { id: string; relation: string }[];
    };
    const wife = inquiries.inquiries.find((i) => i.relation === 'wife')?.id ?? '';
    const nizar = (await (
      await page.request.get(
        `${base}/api/cases/sednaya-2024/persons/search?q=${encodeURIComponent('Nizar Fadi Haddad')}`,
      )
    ).json()) as { results: { id: string; names: { lat?: unknown } }[] };
    const nizarId = nizar.results.find((r) => r.names.lat)?.id ?? '';
    const shots: [string, string][] = [
      ['cases', '/'],
      ['overview', '/cases/sednaya-2024'],
      ['claims', '/cases/sednaya-2024/claims'],
      ['claim', `/cases/sednaya-2024/claims/${claims.claims.at(-1)!.id}`],
      ['new-claim', '/cases/sednaya-2024/claims/new'],
      ['sources', '/cases/sednaya-2024/sources'],
      ['places', '/cases/sednaya-2024/places'],
      ['timeline', '/cases/sednaya-2024/timeline'],
      ['figures', '/cases/sednaya-2024/figures'],
      ['history', '/cases/sednaya-2024/history'],
      ['media', '/cases/sednaya-2024/media'],
      ['media-item', `/cases/sednaya-2024/media/${recycled}`],
      ['persons', `/cases/sednaya-2024/persons?q=${arabic}`],
      ['person', `/cases/sednaya-2024/persons/${seen.results[0]?.id ?? ''}`],
      ['release-list', `/cases/sednaya-2024/persons/lists/${lists.lists[0]?.id ?? ''}`],
      ['person-links', `/cases/sednaya-2024/persons/${nizarId}`],
      ['import', '/cases/sednaya-2024/persons/import'],
      ['inquiries', '/cases/sednaya-2024/persons/inquiries'],
      ['inquiry', `/cases/sednaya-2024/persons/inquiries/${wife}`],
      ['public-inquiry', '/inquire'],
      ['audit', '/admin/audit'],
    ];
    // ATHAR_SHOTS=persons,person takes only those.
    const only = process.env.ATHAR_SHOTS?.split(',');
    for (const [name, url] of shots.filter(([n]) => !only || only.includes(n))) {
      await page.goto(`${base}${url}`);
      await page.waitForLoadState('networkidle');
      if (name === 'new-claim')
        await page.fill('textarea', 'Detainees are held in secret basements of Sednaya');
      if (name === 'person-links') await page.locator('#links-h').scrollIntoViewIfNeeded();
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(out, `${lang}-${name}.png`) });
      process.stdout.write(`${lang}-${name}.png\n`);
    }
    await ctx.close();
  }
  await browser.close();
} finally {
  server.kill();
  rmSync(tmp, { recursive: true, force: true });
}
