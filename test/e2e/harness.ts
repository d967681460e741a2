/// <reference lib="dom" />
// (Functions passed to page.evaluate run in the browser, with the DOM's types.)
// The desk in a real browser: athar on a loopback port (the integration harness, with the demo
// case), Debian's chromium driven by playwright-core, and guards every test shares — nothing
// fetched from another origin, no dialog, no Content-Security-Policy violation, no page error and
// no translation key missing. Chromium missing: skipped on a developer's machine, a failure in CI.
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { chromiumInstalled, launchChromium } from '#test/support/browser.ts';
import { testEnv, type TestEnv } from '../integration/harness.ts';

export const ADMIN_PASSWORD = 'admin password for tests';
export const CASE = 'sednaya-2024';

/** Whether the end-to-end tests run here: always in CI (where a missing chromium fails them). */
export const e2eEnabled = chromiumInstalled() || Boolean(process.env.CI);

export interface Desk {
  env: TestEnv;
  base: string;
  browser: Browser;
  /** A new browser context for a language, with the guards installed. */
  context(locale?: string): Promise<GuardedContext>;
  close(): Promise<void>;
}

export interface GuardedContext {
  ctx: BrowserContext;
  page: Page;
  /** Everything the guards saw go wrong so far (empty when all is well). */
  problems(): Promise<string[]>;
  signIn(username?: string, password?: string): Promise<void>;
  /** An API call with this context's session (cookie and CSRF token). */
  api(method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown): Promise<any>;
  close(): Promise<void>;
}

// Installed before any page script: records CSP violations and marks any script an attacker's
// payload manages to run (the XSS corpus calls __pwned).
const GUARD_SCRIPT = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || ''));
  });
  window.__pwned = [];
  window.__pwn = (what) => window.__pwned.push(String(what));
`;

/** Starts athar with the demo case; `jobs` also runs the background jobs (media processing). */
export async function startDesk(opts: { jobs?: boolean } = {}): Promise<Desk> {
  const env = await testEnv({
    env: { ATHAR_LOGIN_RATE_LIMIT: '1000' },
    jobs: opts.jobs ?? false,
    workers: opts.jobs ?? false,
  });
  const demo = await env.request('POST', '/api/admin/demo');
  expect(demo.status).toBe(200);
  await env.server.fastify.listen({ host: '127.0.0.1', port: 0 });
  const { port } = env.server.fastify.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const desk = await fetch(`${base}/`);
  expect(desk.status, 'the desk is built (npm run build)').toBe(200);
  const browser = await launchChromium();

  async function context(locale = 'en-GB'): Promise<GuardedContext> {
    const ctx = await browser.newContext({
      locale,
      timezoneId: 'Europe/London',
      viewport: { width: 1280, height: 900 },
    });
    await ctx.addInitScript(GUARD_SCRIPT);
    const seen: string[] = [];
    ctx.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(`${base}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))
        seen.push(`request to another origin: ${url}`);
    });
    ctx.on('dialog', (d) => {
      seen.push(`dialog: ${d.type()} ${d.message()}`);
      void d.dismiss();
    });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => seen.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of (401|403|404|409|422)/.test(m.text()))
        seen.push(`console error: ${m.text()}`);
    });
    let csrf = '';
    const g: GuardedContext = {
      ctx,
      page,
      async problems() {
        const inPage = await page
          .evaluate(() => {
            const w = window as unknown as {
              __cspViolations?: string[];
              __pwned?: string[];
              __atharMissingKeys?: Set<string>;
            };
            return [
              ...(w.__cspViolations ?? []).map((v) => `CSP violation: ${v}`),
              ...(w.__pwned ?? []).map((v) => `injected script ran: ${v}`),
              ...[...(w.__atharMissingKeys ?? [])].map((k) => `missing translation: ${k}`),
            ];
          })
          .catch(() => [] as string[]);
        return [...seen, ...inPage];
      },
      async signIn(username = 'admin', password = ADMIN_PASSWORD) {
        await page.goto(`${base}/sign-in`);
        await page.locator('input[name=username]').fill(username);
        await page.locator('input[name=password]').fill(password);
        await page.locator('button[type=submit]').click();
        await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
        csrf = await page.evaluate(() => localStorage.getItem('athar.csrf') ?? '');
      },
      async api(method, url, body) {
        const r = await ctx.request.fetch(`${base}${url}`, {
          method,
          headers: {
            'x-csrf-token': csrf,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { data: JSON.stringify(body) }),
        });
        const text = await r.text();
        if (!r.ok()) throw new Error(`${method} ${url}: ${r.status()} ${text}`);
        return text ? JSON.parse(text) : null;
      },
      close: () => ctx.close(),
    };
    return g;
  }

  return {
    env,
    base,
    browser,
    context,
    async close() {
      await browser.close().catch(() => undefined);
      await env.close();
    },
  };
}

/** Waits until the page has settled: no request in flight and nothing saying "Loading". */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .loading'));
}
