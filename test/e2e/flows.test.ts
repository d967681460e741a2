/// <reference lib="dom" />
// (Functions passed to page.evaluate run in the browser, with the DOM's types.)
// The desk's main flows, as a user goes through them in a browser (issue 10's "Done when").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE, e2eEnabled, settled, startDesk, type Desk, type GuardedContext } from './harness.ts';

describe.skipIf(!e2eEnabled)('the desk in a browser', () => {
  let desk: Desk;
  let admin: GuardedContext;

  beforeAll(async () => {
    desk = await startDesk();
    admin = await desk.context('en-GB');
    await admin.signIn();
  });
  afterAll(async () => {
    await desk?.close();
  });

  async function noProblems(g: GuardedContext): Promise<void> {
    expect(await g.problems()).toEqual([]);
  }

  it('signs in with a one-time password, makes the user choose a password, then signs out', async () => {
    const created = await admin.api('POST', '/api/users', { username: 'layla' });
    const oneTime = created.oneTimePassword as string;
    expect(oneTime.length).toBeGreaterThan(10);
    await admin.api('POST', `/api/cases/${CASE}/members`, { username: 'layla', role: 'reviewer' });

    const g = await desk.context('en-GB');
    const { page } = g;
    await page.goto(`${desk.base}/cases/${CASE}/claims`);
    // Not signed in: the sign-in page, which comes back to the page asked for.
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel(/^Username/).fill('layla');
    await page.getByLabel(/^Password/).fill('wrong password here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/password/i);

    await page.getByLabel(/^Password/).fill(oneTime);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/password$/);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('one-time password');
    // Checked before sending: too short, then the two new passwords differ.
    await page.getByLabel(/^Current password/).fill(oneTime);
    await page.getByLabel(/^New password(?! again)/).fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => page.locator('.field .error').first().textContent())
      .toBe('At least 12 characters.');
    await page.getByLabel(/^New password(?! again)/).fill('layla chooses a long password');
    await page.getByLabel(/^New password again/).fill('layla chooses a long passwor');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => page.locator('.field .error').first().textContent())
      .toBe('The two new passwords differ.');
    await page.getByLabel(/^New password again/).fill('layla chooses a long password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL(`${desk.base}/`);
    // The case list, with the user's role in it.
    const row = page.locator('.case-list li').filter({ hasText: CASE });
    await expect.poll(() => row.textContent()).toMatch(/reviewer/i);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${desk.base}/cases/${CASE}`);
    await page.waitForURL(/\/sign-in/);
    // The new password works, and signing in comes back to the page that was asked for.
    await page.getByLabel(/^Username/).fill('layla');
    await page.getByLabel(/^Password/).fill('layla chooses a long password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${desk.base}/cases/${CASE}`);
    await noProblems(g);
    await g.close();
  });

  it('enters a claim, shows similar claims as one types, and links evidence', async () => {
    const { page } = admin;
    await page.goto(`${desk.base}/cases/${CASE}/claims/new`);
    const text = page.getByLabel(/^What is claimed/);
    await text.pressSequentially('Detainees are still held in secret basements under Sednaya', { delay: 5 });
    // The demo's published verdict about the basements shows up before the claim is entered.
    const similar = page.getByTestId('similar-list');
    await expect.poll(() => similar.textContent(), { timeout: 10_000 }).toMatch(/basement/i);
    await page.getByRole('button', { name: 'Enter the claim' }).click();
    await page.waitForURL(/\/claims\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Detainees are still held in secret basements under Sednaya');

    // Link the White Helmets' statement as evidence that refutes it.
    await page.getByLabel(/^Kind of record/).selectOption('statement');
    await page.getByLabel(/^Filter/).fill('White Helmets');
    const record = page.getByLabel(/^Record/);
    const option = record.locator('option', { hasText: 'White Helmets' }).first();
    await record.selectOption(await option.getAttribute('value'));
    await page.getByLabel(/^What it does to the claim/).selectOption('refutes');
    await page.getByLabel(/^Note/).fill('They searched the basements and found no one.');
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    const evidence = page.locator('section[aria-labelledby="evidence-h"]');
    await expect
      .poll(() => evidence.textContent())
      .toContain('They searched the basements and found no one.');
    await expect.poll(() => evidence.textContent()).toMatch(/refutes/);
    await noProblems(admin);
  });

  it('sets a verdict, previews the ClaimReview and publishes it', async () => {
    const { page } = admin;
    const created = await admin.api('POST', `/api/cases/${CASE}/claims`, {
      text: 'The prison held 100,000 detainees on the day it opened',
      language: 'en',
    });
    await page.goto(`${desk.base}/cases/${CASE}/claims/${created.claim.id}`);
    await page.getByRole('button', { name: 'Start the review' }).click();
    // The form says what is missing before anything is sent.
    await page.getByRole('button', { name: 'Save the verdict' }).click();
    await expect.poll(() => page.locator('.field .error').count()).toBeGreaterThan(0);
    await page.getByLabel(/^Verdict \(/).selectOption('misleading');
    await page
      .getByLabel(/^Why/)
      .fill('The figure counts everyone held there over the years, not on one day.');
    await page.getByRole('button', { name: 'Save the verdict' }).click();

    const preview = page.getByTestId('claimreview-preview');
    await expect.poll(() => preview.textContent()).toContain('Preview: not published');
    await expect.poll(() => preview.textContent()).toContain('Misleading');
    await expect.poll(() => preview.textContent()).toContain('not on one day');

    await page.getByRole('button', { name: 'Publish the verdict' }).click();
    await expect.poll(() => preview.textContent()).toContain('As published');
    const published = await admin.api('GET', `/api/cases/${CASE}/claims/${created.claim.id}/claimreview`);
    expect(JSON.stringify(published)).toContain('not on one day');
    // The board shows it under "Published" after a reload (the route survives it).
    await page.goto(`${desk.base}/cases/${CASE}/claims`);
    await page.reload();
    const column = page.locator('section', { has: page.getByRole('heading', { name: /^Published/ }) });
    await expect.poll(() => column.textContent()).toContain('100,000 detainees on the day it opened');
    await noProblems(admin);
  });

  it('reads the timeline as the sources gave it and in UTC', async () => {
    const { page } = admin;
    await page.goto(`${desk.base}/cases/${CASE}/timeline`);
    await settled(page);
    const helmets = page
      .locator('.timeline-entry.kind-statement')
      .filter({ hasText: 'White Helmets' })
      .first();
    const fallDay = page
      .getByTestId('timeline-entry')
      .filter({ hasText: /events begin/ })
      .first();
    await expect.poll(() => helmets.locator('.when-line').textContent()).toMatch(/9 December 2024.*16:45/);
    await expect
      .poll(() => helmets.locator('.when-line').textContent())
      .toMatch(/Damascus|Syria|UTC\+3|GMT\+3/);

    await page.getByLabel('Show times').selectOption('UTC');
    await page.waitForURL(/zone=UTC/);
    await expect
      .poll(() => helmets.locator('.when-line').textContent())
      .toMatch(/9 December 2024.*13:45.*UTC/);
    // A date without a time stays the date the source gave, whatever the zone.
    await expect.poll(() => fallDay.locator('.when-line').textContent()).toMatch(/^8 December 2024/);
    // The zone is in the address: a reload (or a shared link) shows the same.
    await page.reload();
    await expect.poll(() => helmets.locator('.when-line').textContent()).toMatch(/13:45/);
    await noProblems(admin);
  });

  it('shows which parts of the Sednaya complex were searched', async () => {
    const { page } = admin;
    await page.goto(`${desk.base}/cases/${CASE}/places`);
    await settled(page);
    const node = (name: string) =>
      page.getByRole('treeitem').filter({ has: page.getByText(name, { exact: true }) });
    const hidden = node('Rumoured hidden cells');
    await expect.poll(() => hidden.textContent()).toMatch(/searched/);
    await expect.poll(() => hidden.textContent()).toMatch(/nothing found/);
    await expect.poll(() => hidden.textContent()).toMatch(/White Helmets/);
    const white = node('White building');
    await expect.poll(() => white.textContent()).toMatch(/not searched/);
    await expect.poll(() => white.textContent()).not.toMatch(/nothing found/);
    await noProblems(admin);
  });

  it('lays the desk out right to left in an Arabic browser', async () => {
    const g = await desk.context('ar-SY');
    const { page } = g;
    await page.goto(`${desk.base}/sign-in`);
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await g.signIn();
    await page.goto(`${desk.base}/cases/${CASE}`);
    await settled(page);
    // Right to left in fact, not only in the attribute: the navigation starts on the right.
    const nav = await page.getByRole('navigation').first().boundingBox();
    const main = await page.locator('main').boundingBox();
    expect(nav && main).toBeTruthy();
    const firstLink = await page.getByRole('navigation').first().getByRole('link').first().boundingBox();
    expect(firstLink!.x + firstLink!.width).toBeGreaterThan(1280 / 2);
    expect(
      await page
        .locator('h1')
        .first()
        .evaluate((e) => getComputedStyle(e).direction),
    ).toBe('rtl');
    // Arabic text and Arabic-Indic digits on the dashboard.
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toMatch(/[\u0600-\u06FF]/);
    expect(body).toMatch(/[٠-٩]/);
    // Numbers the interface states come in the reader's digits too (the password rule's 12 and 5).
    await page.goto(`${desk.base}/password`);
    await expect.poll(() => page.locator('.hint').first().textContent()).toMatch(/١٢.*٥/);
    await noProblems(g);
    await g.close();
  });
});
