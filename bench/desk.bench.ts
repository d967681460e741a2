/// <reference lib="dom" />
/**
 * `npm run bench -- desk [--size N] [--runs N]`: the web desk in Debian's chromium (issue 10).
 *
 * In one run: athar from the build, in process, on an embedded database in a temporary data
 * directory with the demo case and a generated case of N claims and N statements (default
 * 100,000 each; every statement and every claim's first sighting is a timeline entry, so the
 * timeline holds 2N). Then, measured in the browser:
 * - the JavaScript of the first view: the entry files index.html names (gzip, from the build's
 *   .gz files) and what the browser actually transferred by the time the dashboard was usable;
 * - the demo dashboard, "usable": time from navigation start until its heading, claim counts,
 *   latest statements and figures are drawn and nothing says "Loading" — cold (a new browser
 *   context, empty cache) and warm (a reload); goal < 1 s;
 * - scrolling the generated case's claims board, statements and timeline: time to the first rows,
 *   then a scripted fast scroll (400 px per animation frame), with the frame times, the rows
 *   reached and the number of DOM elements (virtualised lists keep it bounded).
 * The generated case is made through the same use cases as the API (claims without the
 * similar-claims search, which only the response to a person needs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createApp, firstStart } from '#src/app.ts';
import { localActor } from '#src/modules/accounts/index.ts';
import { addSource, addStatement } from '#src/modules/casefile/index.ts';
import { addClaim } from '#src/modules/claims/index.ts';
import { createCase, findCase } from '#src/modules/cases/index.ts';
import type { CaseScope } from '#src/platform/access.ts';
import { loadConfig } from '#src/platform/config.ts';
import { SYSTEM_ACTOR } from '#src/platform/context.ts';
import { buildServer } from '#src/platform/http/server.ts';
import { launchChromium } from '#test/support/browser.ts';
import { appendResults } from './report.ts';

const root = path.resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SIZE = arg('--size', 100_000);
const RUNS = arg('--runs', 10);
const PASSWORD = 'desk benchmark password';

const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.js')], { stdio: 'inherit' });
if (built.status !== 0) throw new Error('the build failed');

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
const ms = (x: number) => x.toFixed(0);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

// --- athar, with the demo case and the generated case ---
const tmp = mkdtempSync(path.join(os.tmpdir(), 'athar-bench-desk-'));
const config = loadConfig({
  ATHAR_DATA_DIR: path.join(tmp, 'data'),
  ATHAR_ADMIN_PASSWORD: PASSWORD,
  ATHAR_LOG_LEVEL: 'warn',
  ATHAR_LOGIN_RATE_LIMIT: '1000',
});
const app = await createApp(config, { jobs: false, workers: false });
await firstStart(app);
const actor = await app.run(SYSTEM_ACTOR, { transaction: false }, (ctx) => localActor(ctx, null));
const BIG = 'generated';
const genStart = Date.now();
const scope: CaseScope = await app.run(actor, { transaction: true }, async (ctx) => {
  const c = await createCase(ctx, {
    slug: BIG,
    title: `Generated case: ${SIZE.toLocaleString('en')} claims and statements`,
    timeZone: 'Asia/Damascus',
  });
  return { case: (await findCase(ctx, c.id))!, role: 'admin' };
});
const source = await app.run(actor, { transaction: true }, (ctx) =>
  addSource(ctx, scope, { kind: 'outlet', name: 'Generated outlet' }),
);
const day = (i: number) =>
  `2024-12-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00`;
const BATCH = 1000;
for (let from = 0; from < SIZE; from += BATCH) {
  await app.run(actor, { transaction: true }, async (ctx) => {
    for (let i = from; i < Math.min(SIZE, from + BATCH); i++) {
      await addClaim(
        ctx,
        scope,
        {
          text: `Generated claim ${i}: detainees seen in building ${i % 97}, level ${i % 7}`,
          language: 'en',
          firstSeen: { at: day(i) },
        },
        { similar: false },
      );
      await addStatement(ctx, scope, {
        sourceId: source.id,
        text: `Generated statement ${i} about the search of zone ${i % 53}`,
        language: 'en',
        stated: { at: day(i + 3) },
      });
    }
  });
  if ((from / BATCH) % 10 === 0) process.stderr.write(`generated ${from + BATCH} of ${SIZE}\n`);
}
const genSeconds = (Date.now() - genStart) / 1000;
const server = await buildServer(app, { logger: false });
await server.fastify.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(server.fastify.server.address() as AddressInfo).port}`;

// --- the entry JavaScript, from the build ---
const dist = path.join(root, 'web', 'dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const entry = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
const entryGzip = entry.reduce((n, f) => n + statSync(path.join(dist, `${f}.gz`)).size, 0);

let browser: Browser | undefined;
const lines: string[] = [];
try {
  browser = await launchChromium();
  const login = await browser.newContext();
  const r = await login.request.post(`${base}/api/auth/login`, {
    data: { username: 'admin', password: PASSWORD },
  });
  if (!r.ok()) throw new Error(`sign-in failed: ${r.status()}`);
  const storageState = await login.storageState();
  await login.close();

  // --- the dashboard ---
  const usable = () =>
    Boolean(
      document.querySelector('main h1') &&
      document.querySelector('section[aria-labelledby="d-claims"] .counts li') &&
      document.querySelector('section[aria-labelledby="d-statements"] li') &&
      document.querySelector('section[aria-labelledby="d-figures"] li') &&
      !document.querySelector('.loading'),
    );
  async function openDashboard(page: Page, reload: boolean): Promise<{ ms: number; jsBytes: number }> {
    if (reload) await page.reload({ waitUntil: 'commit' });
    else await page.goto(`${base}/cases/sednaya-2024`, { waitUntil: 'commit' });
    await page.waitForFunction(usable, undefined, { polling: 'raf', timeout: 30_000 });
    return page.evaluate(() => ({
      ms: performance.now(),
      jsBytes: performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js'))
        .reduce((n, e) => n + (e as PerformanceResourceTiming).transferSize, 0),
    }));
  }
  const cold: number[] = [];
  const warm: number[] = [];
  let transferred = 0;
  for (let i = 0; i < RUNS + 1; i++) {
    const ctx = await browser.newContext({ storageState, viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const c = await openDashboard(page, false);
    const w = await openDashboard(page, true);
    if (i > 0) {
      // the first pair warms athar itself up (its first answers), not counted
      cold.push(c.ms);
      warm.push(w.ms);
      transferred = c.jsBytes;
    }
    await ctx.close();
  }

  // --- the generated case's long lists ---
  const lists = [
    ['claims board', `/cases/${BIG}/claims`],
    ['statements', `/cases/${BIG}/sources`],
    ['timeline', `/cases/${BIG}/timeline`],
  ] as const;
  const FRAMES = 600;
  const listRows: string[] = [];
  for (const [name, url] of lists) {
    const ctx = await browser.newContext({ storageState, viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${base}${url}`, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => document.querySelectorAll('.virtual .virtual-row').length > 5,
      undefined,
      {
        polling: 'raf',
        timeout: 60_000,
      },
    );
    const first = await page.evaluate(() => performance.now());
    const s = await page.evaluate(async (frames) => {
      const lists = Array.from(document.querySelectorAll<HTMLElement>('.virtual'));
      const el = lists.sort((a, b) => b.scrollHeight - a.scrollHeight)[0]!;
      const deltas: number[] = [];
      let maxElements = 0;
      let last = performance.now();
      for (let i = 0; i < frames; i++) {
        el.scrollTop += 400;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        deltas.push(now - last);
        last = now;
        if (i % 50 === 0) maxElements = Math.max(maxElements, document.getElementsByTagName('*').length);
      }
      const indexes = Array.from(el.querySelectorAll<HTMLElement>('[data-index]')).map((x) =>
        Number(x.dataset.index),
      );
      return { deltas, maxElements, reached: Math.max(...indexes) + 1 };
    }, FRAMES);
    const long = s.deltas.filter((d) => d > 50).length;
    listRows.push(
      `| ${name} | ${ms(first)} | ${s.reached.toLocaleString('en')} | ${ms(q(s.deltas, 0.5))} | ${ms(q(s.deltas, 0.95))} | ${ms(Math.max(...s.deltas))} | ${long} of ${FRAMES} | ${s.maxElements.toLocaleString('en')} |`,
    );
    await ctx.close();
  }

  lines.push(
    `Generated case: ${SIZE.toLocaleString('en')} claims, ${SIZE.toLocaleString('en')} statements, ${(2 * SIZE).toLocaleString('en')} timeline entries (made in ${genSeconds.toFixed(0)} s); embedded database; chromium headless, 1280 × 900; load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ')}.`,
    '',
    `**Initial JavaScript**: entry files ${kb(entryGzip)} KB gzip (${entry.length} files named by index.html; goal ≤ 200 KB); transferred by the time the demo dashboard was usable: ${kb(transferred)} KB (the browser asks for Brotli; the dashboard's route chunk included).`,
    '',
    `**Demo dashboard usable** (ms from navigation start, ${RUNS} runs; goal < 1000):`,
    '',
    '| load | median | p90 | max |',
    '| --- | ---: | ---: | ---: |',
    `| cold (new context, empty cache) | ${ms(q(cold, 0.5))} | ${ms(q(cold, 0.9))} | ${ms(Math.max(...cold))} |`,
    `| warm (reload) | ${ms(q(warm, 0.5))} | ${ms(q(warm, 0.9))} | ${ms(Math.max(...warm))} |`,
    '',
    `**Long lists of the generated case**: first rows (ms from navigation start), then ${FRAMES} animation frames scrolling 400 px each (pages of 200 read as the end nears):`,
    '',
    '| list | first rows ms | rows reached | frame p50 ms | frame p95 ms | frame max ms | frames > 50 ms | DOM elements (max) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...listRows,
  );
} finally {
  await browser?.close();
  await server.fastify.close();
  await app.close();
  rmSync(tmp, { recursive: true, force: true });
}
appendResults('Web desk in the browser', lines.join('\n'));
