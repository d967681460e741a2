/**
 * The demo case's registry: FICTIONAL persons only. Every name, parent, date and event below was
 * invented for the demo; no row is, or is drawn from, a real person (the reference article names
 * no prisoner, and a demo must never put a real detainee's name on a screen). Each person says so
 * in its description, and each event's source is "fictional demo data".
 *
 * They show what the registry does: a person filed in Latin letters found from Arabic script, two
 * namesakes told apart by their parents and birth years, statuses derived from events (detained,
 * released, missing, reported dead — never confirmed without remains or a document), and one
 * sighting in the demo's release video (added when the stand-in video is made: demo-media.ts), and
 * a short release list whose lines wait for a caseworker.
 */
import { Readable } from 'node:stream';
import {
  addEvent,
  addInquiry,
  addPerson,
  addReleaseList,
  linkPersons,
  setPublicDesk,
} from '#src/modules/registry/index.ts';
import type { CaseScope } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';

const FICTIONAL = 'FICTIONAL PERSON — demo data, invented for the demo; not a real person.';
const SOURCE = 'fictional demo data';
const demo = { isDemo: true };

export interface DemoPlaces {
  prison: string;
  red: string;
  cells: string;
}

/** Records the fictional persons; returns the one seen in the release stand-in. */
export async function loadDemoPersons(ctx: Context, scope: CaseScope, places: DemoPlaces): Promise<string> {
  const person = (input: Parameters<typeof addPerson>[2]) =>
    addPerson(ctx, scope, { ...input, description: `${FICTIONAL} ${input.description ?? ''}`.trim() }, demo);
  const event = (id: string, input: Parameters<typeof addEvent>[3]) =>
    addEvent(ctx, scope, id, { source: SOURCE, ...input }, demo);

  const yamen = await person({
    names: {
      lat: { given: 'Yamen', father: 'Bassam', family: 'al-Khatib', motherGiven: 'Salwa' },
      ar: { given: 'يامن', father: 'بسام', family: 'الخطيب', motherGiven: 'سلوى' },
    },
    sex: 'male',
    birth: { date: '1992' },
    birthplace: 'Damascus',
  });
  await event(yamen.id, {
    kind: 'arrested',
    date: '2014-03',
    certainty: 'reported',
    notes: 'at a checkpoint (fictional)',
  });
  await event(yamen.id, {
    kind: 'reported_missing',
    date: '2014-04',
    certainty: 'reported',
    source: 'his family (fictional)',
  });
  await event(yamen.id, {
    kind: 'seen_in_detention',
    date: '2019',
    placeId: places.red,
    certainty: 'believed',
    notes: 'a released detainee said he shared a cell with him (fictional)',
  });

  const nizar = await person({
    names: {
      lat: { given: 'Nizar', father: 'Fadi', family: 'Haddad' },
      ar: { given: 'نزار', father: 'فادي', family: 'حداد' },
    },
    sex: 'male',
    birth: { ageFrom: 40, ageTo: 45, ageAsOf: '2024-12' },
  });
  await event(nizar.id, { kind: 'arrested', date: '2012', certainty: 'believed' });
  await event(nizar.id, { kind: 'transferred', date: '2013', placeId: places.prison, certainty: 'reported' });
  await event(nizar.id, {
    kind: 'released',
    date: '2024-12-08',
    placeId: places.prison,
    certainty: 'confirmed',
    notes: 'confirmed by a call with his family (fictional)',
  });

  // The same man filed a second time, by another (fictional) association, in Arabic script only
  // and with the article on the family name: linked as the same person (believed), never merged.
  const nizar2 = await person({
    names: { ar: { given: 'نزار', father: 'فادي', family: 'الحداد' } },
    sex: 'male',
    birth: { date: '1981' },
    description: 'Filed by a second association (fictional).',
  });
  await event(nizar2.id, {
    kind: 'seen_in_detention',
    date: '2019',
    placeId: places.red,
    certainty: 'reported',
    source: 'a second association (fictional)',
  });
  await linkPersons(ctx, scope, nizar.id, {
    personId: nizar2.id,
    kind: 'same_person',
    certainty: 'believed',
    note: 'same father and age; the second association confirms the family (fictional)',
  });

  // Namesakes: the same name, told apart by the mother's name and the birth year.
  for (const [mother, motherAr, year, place] of [
    ['Huda', 'هدى', '1985', 'Homs'],
    ['Rima', 'ريما', '1996', 'Hama'],
  ] as const) {
    const omar = await person({
      names: {
        lat: { given: 'Omar', father: 'Walid', family: 'al-Masri', motherGiven: mother },
        ar: { given: 'عمر', father: 'وليد', family: 'المصري', motherGiven: motherAr },
      },
      sex: 'male',
      birth: { date: year },
      birthplace: place,
    });
    await event(omar.id, {
      kind: 'reported_missing',
      date: year === '1985' ? '2013-08' : '2016-02',
      certainty: 'reported',
    });
  }

  const reem = await person({
    names: {
      ar: { given: 'ريم', father: 'عدنان', family: 'الصباغ' },
      lat: { given: 'Reem', father: 'Adnan', family: 'Sabbagh' },
    },
    sex: 'female',
    birth: { date: '1988-05' },
  });
  await event(reem.id, { kind: 'arrested', date: '2015-01', certainty: 'reported' });
  await event(reem.id, {
    kind: 'reported_dead',
    date: '2017',
    certainty: 'reported',
    notes: 'a fellow detainee’s account; no remains, no document: reported, not confirmed (fictional)',
  });

  // Filed in Latin letters only: an Arabic-script search finds him.
  const mahmoud = await person({
    names: { lat: { given: 'Mahmoud', father: 'Saeed', family: 'Darwish', motherGiven: 'Amina' } },
    aliases: [{ name: 'Abu Saeed', kind: 'nickname' }],
    sex: 'male',
    birth: { date: '1979' },
  });
  await event(mahmoud.id, { kind: 'arrested', date: '2011-09', certainty: 'believed' });
  await event(mahmoud.id, {
    kind: 'seen_in_detention',
    date: '2012',
    placeId: places.cells,
    certainty: 'reported',
  });

  // Families' inquiries (FICTIONAL, like their contact details): one in Arabic script for the
  // man filed in Latin letters only, one for a name no record has, one for a namesake.
  const inquiry = (input: Omit<Parameters<typeof addInquiry>[2], 'consent'>) =>
    addInquiry(
      ctx,
      scope,
      {
        ...input,
        details: `FICTIONAL inquiry — demo data. ${input.details ?? ''}`.trim(),
        contact: {
          name: 'Fictional requester',
          phone: '+000 0000 0000',
          notes: 'demo data, not a real contact',
        },
        consent: { processing: true, share: false },
      },
      demo,
    );
  await inquiry({
    names: { ar: { given: 'محمود', father: 'سعيد', family: 'درويش', motherGiven: 'آمنة' } },
    bornFrom: 1978,
    bornTo: 1980,
    relation: 'wife',
    lastSeen: 'arrested at his shop in 2011 (fictional)',
  });
  await inquiry({
    names: { lat: { given: 'Hadi', father: 'Salem', family: 'Qassab' } },
    relation: 'brother',
    lastSeen: 'taken from a bus near Homs, 2015 (fictional)',
  });
  await inquiry({
    names: { ar: { given: 'عمر', father: 'وليد', family: 'المصري', motherGiven: 'هدى' } },
    bornFrom: 1985,
    relation: 'mother',
    birthplace: 'Homs',
  });
  // The demo case takes inquiries from the public form (/public/inquiry).
  await setPublicDesk(ctx, scope.case.id, true);

  // A short release list, as associations published them after the release: two lines that are
  // registry persons, one shared by the two namesakes, one no record has but a family's inquiry seeks.
  await addReleaseList(
    ctx,
    scope,
    Readable.from([
      Buffer.from(
        [
          '1. نزار فادي حداد',
          '2. Yamen Bassam al-Khatib',
          '3. عمر وليد المصري',
          '4. Hadi Salem Qassab',
          '',
        ].join('\n'),
      ),
    ]),
    {
      title: 'FICTIONAL demo list: names read out after the release',
      kind: 'released',
      date: '2024-12-08',
      source: SOURCE,
    },
  );

  return yamen.id;
}
