import type { Services } from '#src/app.ts';
import type { Case } from '#src/schemas/case.ts';
import type { Store } from '#src/repositories/index.ts';
import type { Actor, CaseScope, ServiceDeps } from './context.ts';

export const DEMO_SLUG = 'sednaya-2024';
const DAMASCUS = 'Asia/Damascus';
const demo = { isDemo: true };

/**
 * The demo case "Sednaya prison, December 2024", built from the reference article alone
 * (../shared/case/sednaya-article.txt; published Monday 9 December 2024). Every row is marked
 * demo data. Where the article is vague the data stays vague (a day, not a minute) and any
 * assumption is written in the row's notes. No private person appears.
 */
export class DemoService {
  constructor(
    private readonly deps: ServiceDeps,
    /** Services bound to a given store: the demo is loaded through them inside one transaction. */
    private readonly servicesFor: (store: Store) => Services,
  ) {}

  /**
   * Loads the demo case unless it exists, all in one transaction (a failure leaves nothing
   * half-loaded). The acting user becomes the case's admin.
   */
  async load(actor: Actor): Promise<{ loaded: boolean; case: Case }> {
    return this.deps.store.withinTransaction((store) => this.loadIn(store, actor));
  }

  private async loadIn(store: Store, actor: Actor): Promise<{ loaded: boolean; case: Case }> {
    const s = this.servicesFor(store);
    const existing = await store.repos.cases.find(DEMO_SLUG);
    if (existing) {
      const m = actor.userId ? await store.repos.users.membership(existing.id, actor.userId) : undefined;
      return { loaded: false, case: s.cases.show({ case: existing, role: m?.role ?? null }) };
    }
    const created = await s.cases.create(actor, {
      slug: DEMO_SLUG,
      title: 'Sednaya prison, December 2024',
      description:
        'DEMO DATA. Release of prisoners from Sednaya prison north of Damascus on Sunday 8 December 2024, the videos and rumours that followed, ' +
        'the search of the complex and the figures for the dead and the missing, as reported in one news article of Monday 9 December 2024.',
      timeZone: DAMASCUS,
      eventStart: { at: '2024-12-08', timeZone: DAMASCUS, asWritten: 'Sunday' },
    }, demo);
    const row = (await store.repos.cases.find(created.id))!;
    const scope: CaseScope = { case: row, role: 'admin' };
    const cf = s.caseFile;

    // Sources
    const association = await cf.addSource(actor, scope, {
      kind: 'organisation', name: 'Sednaya Prison Prisoners and Missing Persons Association',
      description: 'Association of former detainees and families, based in Türkiye; keeps the count of the dead and the missing of Sednaya.',
    }, demo);
    const whiteHelmets = await cf.addSource(actor, scope, {
      kind: 'organisation', name: 'White Helmets (Syria Civil Defence)', platform: 'facebook',
      description: 'Rescuers; searched the prison with people familiar with the site.',
    }, demo);
    const shaam = await cf.addSource(actor, scope, {
      kind: 'account', name: 'Shaam network', platform: 'x', description: 'Broadcast a three-minute release video on X. Handle not given in the article.',
    }, demo);
    const nyt = await cf.addSource(actor, scope, { kind: 'outlet', name: 'The New York Times', url: 'https://www.nytimes.com/' }, demo);
    const amnesty = await cf.addSource(actor, scope, { kind: 'organisation', name: 'Amnesty International', url: 'https://www.amnesty.org/' }, demo);

    // Statements, with times exactly as precise as the article gives them
    const stShaam = await cf.addStatement(actor, scope, {
      sourceId: shaam.id, language: 'en',
      text: 'Three-minute video on X showing women held prisoner at Sednaya being released from their cells; a boy who looks barely three years old appears in it.',
      stated: { at: '2024-12-08', timeZone: DAMASCUS, asWritten: 'Sunday' },
    }, demo);
    const stNyt = await cf.addStatement(actor, scope, {
      sourceId: nyt.id, language: 'en',
      text: 'Identified a video broadcast on Sunday showing a group of men, probably former prisoners, walking free in the town of Mneen, about ten kilometres from Sednaya.',
      stated: { at: '2024-12-08', timeZone: DAMASCUS, asWritten: 'Sunday (the video’s broadcast; the day of the identification is not given)' },
    }, demo);
    const stEmpty = await cf.addStatement(actor, scope, {
      sourceId: association.id, language: 'en',
      text: 'There are no more inmates in the entire prison complex; the last detainees left the prison on Sunday at 11 a.m.',
      stated: { at: '2024-12-09', timeZone: DAMASCUS, asWritten: 'Monday' },
    }, demo);
    const stNotProven = await cf.addStatement(actor, scope, {
      sourceId: association.id, language: 'en', text: 'The presence of detainees locked in the basements has not been proven.',
      quote: 'The presence of detainees locked in the basements has not been proven.',
      stated: { at: '2024-12-09', timeZone: DAMASCUS, asWritten: 'this Monday afternoon' },
    }, demo);
    const stWh = await cf.addStatement(actor, scope, {
      sourceId: whiteHelmets.id, language: 'en',
      text: 'Continuing to search the prison accompanied by people familiar with the location, without having yet found any people detained there. Nothing confirms the presence of detainees other than those who left the prison yesterday (Sunday).',
      quote: 'As of today, December 9 at 4:45 p.m. Damascus time, there is nothing to confirm the presence of detainees other than those who left the prison yesterday (Sunday).',
      stated: { at: '2024-12-09T16:45', timeZone: DAMASCUS, asWritten: 'December 9 at 4:45 p.m. Damascus time' },
    }, demo);
    await cf.addStatement(actor, scope, {
      sourceId: amnesty.id, language: 'en', text: 'Described Sednaya prison as a “slaughterhouse”.',
      stated: { at: '2017', timeZone: DAMASCUS, asWritten: 'in 2017' },
    }, demo);
    const stCount = await cf.addStatement(actor, scope, {
      sourceId: association.id, language: 'en',
      text: 'From 2011 to 2018, 30,000 prisoners were executed or died in the prison as a result of torture or deprivation of care or food; at least 500 more died between 2018 and 2021. Rooms with salt were created to store the bodies of victims, never returned to their families.',
    }, demo);

    // Places. Coordinates are approximate, for orientation only.
    const damascus = await cf.addPlace(actor, scope, {
      kind: 'city', names: [{ lang: 'en', name: 'Damascus' }, { lang: 'ar', name: 'دمشق' }],
      coordinates: { latitude: 33.513, longitude: 36.292, precisionM: 5000, approximate: true },
    }, demo);
    void damascus;
    const prison = await cf.addPlace(actor, scope, {
      kind: 'site', names: [{ lang: 'en', name: 'Sednaya prison' }, { lang: 'ar', name: 'سجن صيدنايا' }, { lang: 'fr', name: 'prison de Saydnaya' }],
      coordinates: { latitude: 33.665, longitude: 36.33, precisionM: 3000, approximate: true },
      description: 'Vast complex north of Damascus. Coordinates approximate (demo).',
    }, demo);
    const red = await cf.addPlace(actor, scope, {
      kind: 'building', parentId: prison.id, names: [{ lang: 'en', name: 'Red building' }, { lang: 'ar', name: 'المبنى الأحمر' }],
      description: 'DEMO: building named from public descriptions of the complex, not from the article. No coordinates.',
    }, demo);
    await cf.addPlace(actor, scope, {
      kind: 'building', parentId: prison.id, names: [{ lang: 'en', name: 'White building' }, { lang: 'ar', name: 'المبنى الأبيض' }],
      description: 'DEMO: building named from public descriptions of the complex, not from the article. No coordinates.',
    }, demo);
    const basement = await cf.addPlace(actor, scope, {
      kind: 'floor', parentId: red.id, names: [{ lang: 'en', name: 'Basement levels' }, { lang: 'ar', name: 'الطوابق السفلية' }],
      description: 'DEMO: where rumours placed hidden detainees.',
    }, demo);
    const cells = await cf.addPlace(actor, scope, {
      kind: 'zone', parentId: basement.id, names: [{ lang: 'en', name: 'Rumoured hidden cells' }, { lang: 'ar', name: 'الزنازين المخفية المزعومة' }],
      description: 'DEMO: the zone the basement rumour describes; its existence is what the sweep tested.',
    }, demo);
    await cf.addPlace(actor, scope, {
      kind: 'town', names: [{ lang: 'en', name: 'Mneen' }, { lang: 'ar', name: 'منين' }],
      coordinates: { latitude: 33.64, longitude: 36.3, precisionM: 3000, approximate: true },
      description: 'About ten kilometres from Sednaya (article). Coordinates approximate (demo).',
    }, demo);

    // The White Helmets' search, as known at their statement
    const sweep = await cf.addSweep(actor, scope, {
      placeId: cells.id, sourceId: whiteHelmets.id, team: 'White Helmets with people familiar with the site',
      started: { at: '2024-12-08', timeZone: DAMASCUS }, ended: { at: '2024-12-09T16:45', timeZone: DAMASCUS },
      result: 'nothing_found', statementId: stWh.id,
      notes: 'DEMO assumption: start day taken as Sunday 8 December (the article says only that the search was continuing). "Ended" is the state at the 9 December 16:45 statement; the search was still going on.',
    }, demo);

    // Figures
    await cf.addFigure(actor, scope, {
      label: 'Prisoners executed or died in Sednaya prison (torture, deprivation of care or food)', value: 30000, qualifier: 'approximately',
      unit: 'persons', periodFrom: '2011', periodTo: '2018', sourceId: association.id, statementId: stCount.id, method: 'estimate by the association',
    }, demo);
    await cf.addFigure(actor, scope, {
      label: 'Additional deaths in Sednaya prison', value: 500, qualifier: 'at_least', unit: 'persons', periodFrom: '2018', periodTo: '2021',
      sourceId: association.id, statementId: stCount.id, method: 'estimate by the association',
    }, demo);

    // Claims and verdicts
    const c = s.claims;
    const basementClaim = (await c.add(actor, scope, {
      text: 'Detainees are still held in hidden basements of Sednaya prison.', language: 'en',
      firstSeen: { at: '2024-12-09', timeZone: DAMASCUS, asWritten: 'circulating on social networks at the time of the article (Monday)' },
    }, demo)).claim;
    for (const [targetId, targetType, stance] of [
      [stNotProven.id, 'statement', 'refutes'], [stWh.id, 'statement', 'refutes'], [sweep.id, 'sweep', 'refutes'], [stEmpty.id, 'statement', 'refutes'],
    ] as const) {
      await c.addEvidence(actor, scope, basementClaim.id, { targetId, targetType, stance });
    }
    await c.startReview(actor, scope, basementClaim.id);
    await c.setVerdict(actor, scope, basementClaim.id, {
      verdict: 'unproven',
      summary: 'As of 9 December 2024, 16:45 Damascus time, the White Helmets, searching the complex with people who know it, had found no detainees in the basements, and the association said their presence "has not been proven". Unproven, not disproven: the search was continuing.',
      asOf: { at: '2024-12-09T16:45', timeZone: DAMASCUS },
    });
    await c.publish(actor, scope, basementClaim.id);

    const holeClaim = (await c.add(actor, scope, {
      text: 'A video shows a frightened man emerging from a hole at Sednaya: a detainee freed from the hidden basements.', language: 'en',
      firstSeen: { at: '2024-12-03', timeZone: DAMASCUS, asWritten: 'generated by AI at least six days before the article of 9 December' },
    }, demo)).claim;
    await c.addEvidence(actor, scope, holeClaim.id, { targetId: stNotProven.id, targetType: 'statement', stance: 'context' });
    await c.startReview(actor, scope, holeClaim.id);
    await c.setVerdict(actor, scope, holeClaim.id, {
      verdict: 'false',
      summary: 'The video circulating on X and TikTok was generated by artificial intelligence and had been online at least six days before it was passed off as footage from the Sednaya release.',
      asOf: { at: '2024-12-09', timeZone: DAMASCUS },
    });
    await c.publish(actor, scope, holeClaim.id);

    const emptyClaim = (await c.add(actor, scope, {
      text: 'There are no more inmates in the entire Sednaya prison complex.', language: 'en', claimantSourceId: association.id,
      firstSeen: { at: '2024-12-09', timeZone: DAMASCUS, asWritten: 'Monday' },
    }, demo)).claim;
    await c.addEvidence(actor, scope, emptyClaim.id, { targetId: stWh.id, targetType: 'statement', stance: 'supports' });
    await c.startReview(actor, scope, emptyClaim.id);

    await c.add(actor, scope, {
      text: 'Rooms with salt were created in Sednaya prison to store the bodies of victims.', language: 'en', claimantSourceId: association.id,
    }, demo);
    await c.add(actor, scope, {
      text: 'معتقلون ما زالوا محتجزين في أقبية سرية في سجن صيدنايا', language: 'ar',
      firstSeen: { at: '2024-12-09', timeZone: DAMASCUS, asWritten: 'DEMO: Arabic form of the basement rumour, for cross-script search' },
    }, demo);
    void stShaam; void stNyt;

    await store.repos.installation.set('demo.loaded', { slug: DEMO_SLUG, at: this.deps.clock.now().toISOString() });
    return { loaded: true, case: s.cases.show({ case: (await store.repos.cases.find(created.id))!, role: 'admin' }) };
  }
}
