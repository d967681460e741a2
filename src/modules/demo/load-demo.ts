import { addClaim, addEvidence, publishVerdict, setVerdict, startReview } from '#src/modules/claims/index.ts';
import { addFigure, addPlace, addSource, addStatement, addSweep } from '#src/modules/casefile/index.ts';
import { createCase, findCase, roleOf, showCase, type Case } from '#src/modules/cases/index.ts';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { SettingsRepository } from '#src/platform/settings.repository.ts';
import { owesDemoMedia } from './demo-media.ts';
import { loadDemoPersons } from './demo-persons.ts';
import { DEMO_SLUG } from './slug.ts';

export { DEMO_SLUG };
const DAMASCUS = 'Asia/Damascus';
const demo = { isDemo: true };

/**
 * Loads the demo case "Sednaya prison, December 2024" unless it exists, through the same use
 * cases a person would call, in the caller's unit of work: a failure leaves nothing half-loaded.
 * The acting user becomes the case's admin. Its media (synthetic stand-ins) are made afterwards,
 * outside this unit of work, by `loadDemoMedia` (demo-media.ts says why); this load records that
 * they are owed.
 *
 * Everything comes from the reference article alone (../shared/case/sednaya-article.txt;
 * published Monday 9 December 2024). Every row is marked demo data. Where the article is vague
 * the data stays vague (a day, not a minute) and any assumption is written in the row's notes. No
 * private person appears.
 */
export async function loadDemo(ctx: Context): Promise<{ loaded: boolean; case: Case }> {
  const existing = await findCase(ctx, DEMO_SLUG);
  if (existing)
    return {
      loaded: false,
      case: showCase({ case: existing, role: await roleOf(ctx, existing.id, ctx.actor.userId) }),
    };
  const created = await createCase(
    ctx,
    {
      slug: DEMO_SLUG,
      title: 'Sednaya prison, December 2024',
      description:
        'DEMO DATA. Release of prisoners from Sednaya prison north of Damascus on Sunday 8 December 2024, the videos and rumours that followed, ' +
        'the search of the complex and the figures for the dead and the missing, as reported in one news article of Monday 9 December 2024.',
      timeZone: DAMASCUS,
      eventStart: { at: '2024-12-08', timeZone: DAMASCUS, asWritten: 'Sunday' },
    },
    demo,
  );
  const scope: CaseScope = { case: (await findCase(ctx, created.id))!, role: 'admin' };

  // Sources
  const association = await addSource(
    ctx,
    scope,
    {
      kind: 'organisation',
      name: 'Sednaya Prison Prisoners and Missing Persons Association',
      description:
        'Association of former detainees and families, based in Türkiye; keeps the count of the dead and the missing of Sednaya.',
    },
    demo,
  );
  const whiteHelmets = await addSource(
    ctx,
    scope,
    {
      kind: 'organisation',
      name: 'White Helmets (Syria Civil Defence)',
      platform: 'facebook',
      description: 'Rescuers; searched the prison with people familiar with the site.',
    },
    demo,
  );
  const shaam = await addSource(
    ctx,
    scope,
    {
      kind: 'account',
      name: 'Shaam network',
      platform: 'x',
      description: 'Broadcast a three-minute release video on X. Handle not given in the article.',
    },
    demo,
  );
  const nyt = await addSource(
    ctx,
    scope,
    { kind: 'outlet', name: 'The New York Times', url: 'https://www.nytimes.com/' },
    demo,
  );
  const amnesty = await addSource(
    ctx,
    scope,
    { kind: 'organisation', name: 'Amnesty International', url: 'https://www.amnesty.org/' },
    demo,
  );

  // Statements, with times exactly as precise as the article gives them
  await addStatement(
    ctx,
    scope,
    {
      sourceId: shaam.id,
      language: 'en',
      text: 'Three-minute video on X showing women held prisoner at Sednaya being released from their cells; a boy who looks barely three years old appears in it.',
      stated: { at: '2024-12-08', timeZone: DAMASCUS, asWritten: 'Sunday' },
    },
    demo,
  );
  await addStatement(
    ctx,
    scope,
    {
      sourceId: nyt.id,
      language: 'en',
      text: 'Identified a video broadcast on Sunday showing a group of men, probably former prisoners, walking free in the town of Mneen, about ten kilometres from Sednaya.',
      stated: {
        at: '2024-12-08',
        timeZone: DAMASCUS,
        asWritten: 'Sunday (the video’s broadcast; the day of the identification is not given)',
      },
    },
    demo,
  );
  const stEmpty = await addStatement(
    ctx,
    scope,
    {
      sourceId: association.id,
      language: 'en',
      text: 'There are no more inmates in the entire prison complex; the last detainees left the prison on Sunday at 11 a.m.',
      stated: { at: '2024-12-09', timeZone: DAMASCUS, asWritten: 'Monday' },
    },
    demo,
  );
  const stNotProven = await addStatement(
    ctx,
    scope,
    {
      sourceId: association.id,
      language: 'en',
      text: 'The presence of detainees locked in the basements has not been proven.',
      quote: 'The presence of detainees locked in the basements has not been proven.',
      stated: { at: '2024-12-09', timeZone: DAMASCUS, asWritten: 'this Monday afternoon' },
    },
    demo,
  );
  const stWh = await addStatement(
    ctx,
    scope,
    {
      sourceId: whiteHelmets.id,
      language: 'en',
      text: 'Continuing to search the prison accompanied by people familiar with the location, without having yet found any people detained there. Nothing confirms the presence of detainees other than those who left the prison yesterday (Sunday).',
      quote:
        'As of today, December 9 at 4:45 p.m. Damascus time, there is nothing to confirm the presence of detainees other than those who left the prison yesterday (Sunday).',
      stated: {
        at: '2024-12-09T16:45',
        timeZone: DAMASCUS,
        asWritten: 'December 9 at 4:45 p.m. Damascus time',
      },
    },
    demo,
  );
  await addStatement(
    ctx,
    scope,
    {
      sourceId: amnesty.id,
      language: 'en',
      text: 'Described Sednaya prison as a “slaughterhouse”.',
      stated: { at: '2017', timeZone: DAMASCUS, asWritten: 'in 2017' },
    },
    demo,
  );
  const stCount = await addStatement(
    ctx,
    scope,
    {
      sourceId: association.id,
      language: 'en',
      text: 'From 2011 to 2018, 30,000 prisoners were executed or died in the prison as a result of torture or deprivation of care or food; at least 500 more died between 2018 and 2021. Rooms with salt were created to store the bodies of victims, never returned to their families.',
    },
    demo,
  );

  // Places. Coordinates are approximate, for orientation only.
  await addPlace(
    ctx,
    scope,
    {
      kind: 'city',
      names: [
        { lang: 'en', name: 'Damascus' },
        { lang: 'ar', name: 'دمشق' },
      ],
      coordinates: { latitude: 33.513, longitude: 36.292, precisionM: 5000, approximate: true },
    },
    demo,
  );
  const prison = await addPlace(
    ctx,
    scope,
    {
      kind: 'site',
      names: [
        { lang: 'en', name: 'Sednaya prison' },
        { lang: 'ar', name: 'سجن صيدنايا' },
        { lang: 'fr', name: 'prison de Saydnaya' },
      ],
      coordinates: { latitude: 33.665, longitude: 36.33, precisionM: 3000, approximate: true },
      description: 'Vast complex north of Damascus. Coordinates approximate (demo).',
    },
    demo,
  );
  const red = await addPlace(
    ctx,
    scope,
    {
      kind: 'building',
      parentId: prison.id,
      names: [
        { lang: 'en', name: 'Red building' },
        { lang: 'ar', name: 'المبنى الأحمر' },
      ],
      description:
        'DEMO: building named from public descriptions of the complex, not from the article. No coordinates.',
    },
    demo,
  );
  await addPlace(
    ctx,
    scope,
    {
      kind: 'building',
      parentId: prison.id,
      names: [
        { lang: 'en', name: 'White building' },
        { lang: 'ar', name: 'المبنى الأبيض' },
      ],
      description:
        'DEMO: building named from public descriptions of the complex, not from the article. No coordinates.',
    },
    demo,
  );
  const basement = await addPlace(
    ctx,
    scope,
    {
      kind: 'floor',
      parentId: red.id,
      names: [
        { lang: 'en', name: 'Basement levels' },
        { lang: 'ar', name: 'الطوابق السفلية' },
      ],
      description: 'DEMO: where rumours placed hidden detainees.',
    },
    demo,
  );
  const cells = await addPlace(
    ctx,
    scope,
    {
      kind: 'zone',
      parentId: basement.id,
      names: [
        { lang: 'en', name: 'Rumoured hidden cells' },
        { lang: 'ar', name: 'الزنازين المخفية المزعومة' },
      ],
      description: 'DEMO: the zone the basement rumour describes; its existence is what the sweep tested.',
    },
    demo,
  );
  await addPlace(
    ctx,
    scope,
    {
      kind: 'town',
      names: [
        { lang: 'en', name: 'Mneen' },
        { lang: 'ar', name: 'منين' },
      ],
      coordinates: { latitude: 33.64, longitude: 36.3, precisionM: 3000, approximate: true },
      description: 'About ten kilometres from Sednaya (article). Coordinates approximate (demo).',
    },
    demo,
  );

  // The White Helmets' search, as known at their statement
  const sweep = await addSweep(
    ctx,
    scope,
    {
      placeId: cells.id,
      sourceId: whiteHelmets.id,
      team: 'White Helmets with people familiar with the site',
      started: { at: '2024-12-08', timeZone: DAMASCUS },
      ended: { at: '2024-12-09T16:45', timeZone: DAMASCUS },
      result: 'nothing_found',
      statementId: stWh.id,
      notes:
        'DEMO assumption: start day taken as Sunday 8 December (the article says only that the search was continuing). "Ended" is the state at the 9 December 16:45 statement; the search was still going on.',
    },
    demo,
  );

  // Figures
  await addFigure(
    ctx,
    scope,
    {
      label: 'Prisoners executed or died in Sednaya prison (torture, deprivation of care or food)',
      value: 30000,
      qualifier: 'approximately',
      unit: 'persons',
      periodFrom: '2011',
      periodTo: '2018',
      sourceId: association.id,
      statementId: stCount.id,
      method: 'estimate by the association',
    },
    demo,
  );
  await addFigure(
    ctx,
    scope,
    {
      label: 'Additional deaths in Sednaya prison',
      value: 500,
      qualifier: 'at_least',
      unit: 'persons',
      periodFrom: '2018',
      periodTo: '2021',
      sourceId: association.id,
      statementId: stCount.id,
      method: 'estimate by the association',
    },
    demo,
  );

  // Claims and verdicts
  const basementClaim = (
    await addClaim(
      ctx,
      scope,
      {
        text: 'Detainees are still held in hidden basements of Sednaya prison.',
        language: 'en',
        firstSeen: {
          at: '2024-12-09',
          timeZone: DAMASCUS,
          asWritten: 'circulating on social networks at the time of the article (Monday)',
        },
      },
      demo,
    )
  ).claim;
  for (const [targetId, targetType, stance] of [
    [stNotProven.id, 'statement', 'refutes'],
    [stWh.id, 'statement', 'refutes'],
    [sweep.id, 'sweep', 'refutes'],
    [stEmpty.id, 'statement', 'refutes'],
  ] as const) {
    await addEvidence(ctx, scope, basementClaim.id, { targetId, targetType, stance });
  }
  await startReview(ctx, scope, basementClaim.id);
  await setVerdict(ctx, scope, basementClaim.id, {
    verdict: 'unproven',
    summary:
      'As of 9 December 2024, 16:45 Damascus time, the White Helmets, searching the complex with people who know it, had found no detainees in the basements, and the association said their presence "has not been proven". Unproven, not disproven: the search was continuing.',
    asOf: { at: '2024-12-09T16:45', timeZone: DAMASCUS },
  });
  await publishVerdict(ctx, scope, basementClaim.id);

  const holeClaim = (
    await addClaim(
      ctx,
      scope,
      {
        text: 'A video shows a frightened man emerging from a hole at Sednaya: a detainee freed from the hidden basements.',
        language: 'en',
        firstSeen: {
          at: '2024-12-03',
          timeZone: DAMASCUS,
          asWritten: 'generated by AI at least six days before the article of 9 December',
        },
      },
      demo,
    )
  ).claim;
  await addEvidence(ctx, scope, holeClaim.id, {
    targetId: stNotProven.id,
    targetType: 'statement',
    stance: 'context',
  });
  await startReview(ctx, scope, holeClaim.id);
  await setVerdict(ctx, scope, holeClaim.id, {
    verdict: 'false',
    summary:
      'The video circulating on X and TikTok was generated by artificial intelligence and had been online at least six days before it was passed off as footage from the Sednaya release.',
    asOf: { at: '2024-12-09', timeZone: DAMASCUS },
  });
  await publishVerdict(ctx, scope, holeClaim.id);

  const emptyClaim = (
    await addClaim(
      ctx,
      scope,
      {
        text: 'There are no more inmates in the entire Sednaya prison complex.',
        language: 'en',
        claimantSourceId: association.id,
        firstSeen: { at: '2024-12-09', timeZone: DAMASCUS, asWritten: 'Monday' },
      },
      demo,
    )
  ).claim;
  await addEvidence(ctx, scope, emptyClaim.id, {
    targetId: stWh.id,
    targetType: 'statement',
    stance: 'supports',
  });
  await startReview(ctx, scope, emptyClaim.id);

  await addClaim(
    ctx,
    scope,
    {
      text: 'Rooms with salt were created in Sednaya prison to store the bodies of victims.',
      language: 'en',
      claimantSourceId: association.id,
    },
    demo,
  );
  await addClaim(
    ctx,
    scope,
    {
      text: 'معتقلون ما زالوا محتجزين في أقبية سرية في سجن صيدنايا',
      language: 'ar',
      firstSeen: {
        at: '2024-12-09',
        timeZone: DAMASCUS,
        asWritten: 'DEMO: Arabic form of the basement rumour, for cross-script search',
      },
    },
    demo,
  );

  const sightingPersonId = await loadDemoPersons(ctx, scope, {
    prison: prison.id,
    red: red.id,
    cells: cells.id,
  });

  await owesDemoMedia(ctx, { prisonPlaceId: prison.id, holeClaimId: holeClaim.id, sightingPersonId });
  await ctx
    .repo(SettingsRepository)
    .set('demo.loaded', { slug: DEMO_SLUG, at: ctx.clock.now().toISOString() });
  return { loaded: true, case: showCase(scope) };
}
