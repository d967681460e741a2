/// <reference lib="dom" />
// The registry in the desk (issue 13): a caseworker searches in Arabic script and finds the
// record filed in Latin letters, opens it and sees the names in both scripts and the events; a
// viewer of the case has no Persons tab and is not shown a person's page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE, e2eEnabled, settled, startDesk, type Desk } from './harness.ts';

describe.skipIf(!e2eEnabled)('the registry in the desk', () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await startDesk();
    await desk.env.user('carla', { caseSlug: CASE, role: 'caseworker' });
    await desk.env.user('vera', { caseSlug: CASE, role: 'viewer' });
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('finds a person filed in Latin letters from an Arabic-script search, in Arabic and in English', async () => {
    for (const locale of ['ar-SY', 'en-GB']) {
      const g = await desk.context(locale);
      await g.signIn('carla', 'carla password long');
      const { page } = g;
      await page.goto(`${desk.base}/cases/${CASE}`);
      await page.locator('nav.tabs a[href$="/persons"]').click();
      await page.waitForURL(/\/persons$/);
      await page.locator('input[type=search]').fill('محمود سعيد درويش');
      await page.locator('form[role=search] button[type=submit]').click();
      await page.waitForURL(/\/persons\?q=/);
      const first = page.locator('.person-result').first();
      await expect.poll(() => first.textContent()).toContain('Mahmoud Saeed Darwish');
      // What tells namesakes apart is on the result: father, mother, birth.
      expect(await first.textContent()).toContain('Amina');
      await first.locator('a.person-link').click();
      await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
      await settled(page);
      await expect.poll(() => page.locator('.names-table').textContent()).toContain('Darwish');
      expect(await page.locator('.person-events > li').count()).toBe(2);
      expect(await g.problems()).toEqual([]);
      await g.close();
    }
  });

  it('tells namesakes apart: the mother’s name puts the right one first', async () => {
    const g = await desk.context('en-GB');
    await g.signIn('carla', 'carla password long');
    await g.page.goto(
      `${desk.base}/cases/${CASE}/persons?q=${encodeURIComponent('عمر وليد المصري')}&mother=Rima`,
    );
    const results = g.page.locator('.person-result');
    await expect.poll(() => results.count()).toBeGreaterThanOrEqual(2);
    expect(await results.first().textContent()).toContain('Rima');
    expect(await results.nth(1).textContent()).toContain('Huda');
    await g.close();
  });

  it('reviews a release list: pasted names matched at once, a candidate confirmed adds the release', async () => {
    const g = await desk.context('en-GB');
    await g.signIn('carla', 'carla password long');
    const { page } = g;
    await page.goto(`${desk.base}/cases/${CASE}/persons`);
    await page.getByRole('link', { name: 'Release lists' }).click();
    await page.waitForURL(/\/persons\/lists$/);
    await page.getByLabel(/^What the list is/).fill('Released on 8 December (test list)');
    await page.getByLabel(/^Date the list gives/).fill('2024-12-08');
    await page
      .getByLabel(/^Names, one person per line/)
      .fill('1. يامن بسام الخطيب\n2. Nobody Known Anywhere\n');
    await page.getByRole('button', { name: 'Match against the registry' }).click();
    await page.waitForURL(/\/persons\/lists\/[0-9a-f-]{36}$/);
    const line = page.locator('.release-line').first();
    await expect.poll(() => line.textContent()).toContain('Yamen Bassam al-Khatib');
    // Only lines waiting for a decision are shown: the unmatched one is not.
    expect(await page.locator('.release-line').count()).toBe(1);
    await line.getByRole('button', { name: 'This is the person' }).click();
    await expect.poll(() => line.textContent()).toContain('confirmed');
    await line.locator('a.person-link').click();
    await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('.person-events').textContent()).toContain('Released');
    expect(await page.locator('.person-events').textContent()).toContain(
      'Released on 8 December (test list)',
    );
    expect(await g.problems()).toEqual([]);
    await g.close();
  });

  it('confirms an inquiry match in Arabic: the family gets a task, the contact shows only on a request', async () => {
    const g = await desk.context('ar-SY');
    await g.signIn('carla', 'carla password long');
    const { page } = g;
    await page.goto(`${desk.base}/cases/${CASE}/persons`);
    await page.getByRole('link', { name: 'الاستفسارات' }).click();
    await page.waitForURL(/\/persons\/inquiries$/);
    const row = page.locator('.inquiry-row', { hasText: 'محمود سعيد درويش' });
    await expect.poll(() => row.textContent()).toContain('اقتراح واحد ينتظر');
    // No contact detail is on the list.
    expect(await page.locator('main').textContent()).not.toContain('+000');
    await row.locator('a.person-link').click();
    await page.waitForURL(/\/persons\/inquiries\/[0-9a-f-]{36}$/);
    const match = page.locator('.inquiry-match').first();
    await expect.poll(() => match.textContent()).toContain('Mahmoud Saeed Darwish');
    expect(await match.textContent()).toContain('آمنة');
    await match.getByRole('button', { name: 'هذا هو الشخص' }).click();
    await expect.poll(() => match.textContent()).toContain('أكّده carla');
    await expect.poll(() => page.locator('main').textContent()).toContain('طوبق استفسار مع شخص في السجل');
    expect(await page.locator('main').textContent()).not.toContain('+000');
    await page.getByLabel(/^لماذا تحتاجها/).fill('الاتصال بالعائلة بشأن التطابق');
    await page.getByRole('button', { name: 'عرض بيانات الاتصال' }).click();
    await expect.poll(() => page.locator('.inquiry-contact').textContent()).toContain('+000 0000 0000');
    expect(await g.problems()).toEqual([]);
    await g.close();
  });

  it('takes a family’s inquiry through the public form, in French, and answers without saying anything found', async () => {
    const g = await desk.context('fr-FR');
    const { page } = g;
    await page.goto(`${desk.base}/inquire`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Demander des nouvelles');
    await page.getByLabel(/^Prénom/).fill('Yamen');
    await page.getByLabel(/^Nom de famille/).fill('al-Khatib');
    await page.getByLabel(/^Votre lien avec la personne/).fill('frère');
    await page.getByLabel(/^Téléphone/).fill('+000 1111 2222');
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    // The desk's own check: consent first.
    await expect.poll(() => page.locator('form').textContent()).toContain('ce consentement');
    await page.getByLabel(/J'accepte que cette organisation/).check();
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    await expect
      .poll(() => page.locator('[role=status]').textContent())
      .toContain('Votre demande a bien été reçue');
    expect(await page.locator('main').textContent()).not.toContain('Yamen');
    expect(await g.problems()).toEqual([]);
    await g.close();
  });

  it('imports a CSV from the desk: a dry run, a column mapped, then the import', async () => {
    const g = await desk.context('en-GB');
    await g.signIn('carla', 'carla password long');
    const { page } = g;
    await page.goto(`${desk.base}/cases/${CASE}/persons`);
    await page.getByRole('link', { name: 'Import persons' }).click();
    await page.waitForURL(/\/persons\/import$/);
    await page.getByLabel(/^File/).setInputFiles({
      name: 'list.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('given_name,family_name,shoe_size\nNour,Hamdan,42\nسعاد,حمدان,38\n'),
    });
    await page.getByRole('button', { name: 'Dry run' }).click();
    const report = page.locator('.import-report');
    // The unknown column stops it, named; the form asks what it holds.
    await expect.poll(() => report.textContent()).toContain('unknown column(s) "shoe_size"');
    await page.getByLabel('shoe_size').selectOption('ignore');
    await page.getByRole('button', { name: 'Dry run' }).click();
    // The first report said "dry run" too: wait for the second one's counts.
    await expect.poll(() => report.textContent()).toContain('2 accepted (2 new');
    expect(await report.textContent()).toContain('Dry run: nothing was stored');
    await page.getByRole('button', { name: 'Import 2 rows' }).click();
    await expect.poll(() => report.textContent()).toContain('Imported');
    await page.goto(`${desk.base}/cases/${CASE}/persons?q=${encodeURIComponent('Suad Hamdan')}`);
    await expect.poll(() => page.locator('.person-result').first().textContent()).toContain('سعاد');
    expect(await g.problems()).toEqual([]);
    await g.close();
  });

  it('shows a viewer no Persons tab and no person', async () => {
    const g = await desk.context('en-GB');
    await g.signIn('vera', 'vera password long');
    const { page } = g;
    await page.goto(`${desk.base}/cases/${CASE}`);
    await settled(page);
    expect(await page.locator('nav.tabs a[href$="/persons"]').count()).toBe(0);
    await page.goto(`${desk.base}/cases/${CASE}/persons`);
    await settled(page);
    expect(await page.locator('h1').textContent()).not.toContain('Persons');
    expect(await page.locator('.person-result').count()).toBe(0);
    await page.goto(`${desk.base}/cases/${CASE}/persons/inquiries`);
    await settled(page);
    expect(await page.locator('.inquiry-row').count()).toBe(0);
    await g.close();
  });
});
