// The desk's pure parts: how times are shown, sweep coverage, series of figures, the address one
// may be sent to after signing in, and the checks of a typed time.
import { describe, expect, it } from 'vitest';
import type { Figure, Place, Sweep } from '../api/types';
import { clockTime, formatBytes, showWhen, zonedToInstant, zoneName } from './format';
import { coverageTree, flatten } from './coverage';
import { partialDateMs, seriesOf } from './series';
import { localeOf, browserLanguage } from './prefs';
import { safeNext } from '../pages/SignIn';
import { whenProblem, toWhenInput } from '../components/when-input';

const t = (k: string) => k;

describe('times as the source gave them', () => {
  const at = '2024-12-09T13:45:00Z';
  it('shows a minute in the source zone, in UTC, or in a chosen zone', () => {
    const w = { at, precision: 'minute' as const, timeZone: 'Asia/Damascus' };
    expect(showWhen('en-GB', w, 'source', 'UTC').text).toBe('9 December 2024 at 16:45');
    expect(showWhen('en-GB', w, 'utc', 'UTC').text).toBe('9 December 2024 at 13:45');
    expect(showWhen('en-GB', w, { zone: 'America/New_York' }, 'UTC').text).toBe('9 December 2024 at 08:45');
    expect(showWhen('en-GB', w, 'utc', 'UTC').converted).toBe(true);
  });
  it('keeps a date known only to the day in the zone the source gave it', () => {
    // Midnight in Damascus is 21:00 the day before in UTC: shown in UTC it would name the wrong day.
    const w = { at: '2024-12-07T21:00:00Z', precision: 'day' as const, timeZone: 'Asia/Damascus' };
    const shown = showWhen('en-GB', w, 'utc', 'UTC');
    expect(shown.text).toBe('8 December 2024');
    expect(shown.zone).toBe('Asia/Damascus');
    expect(showWhen('en-GB', { ...w, precision: 'month' }, 'utc', 'UTC').text).toBe('December 2024');
    expect(
      showWhen('en-GB', { ...w, at: '2016-12-31T22:00:00Z', precision: 'year' }, 'utc', 'UTC').text,
    ).toBe('2017');
  });
  it('reads a time without a zone of its own in the case zone', () => {
    const w = { at, precision: 'minute' as const, timeZone: null };
    expect(showWhen('en-GB', w, 'source', 'Asia/Damascus').text).toBe('9 December 2024 at 16:45');
  });
  it('writes Arabic-Indic or Latin digits as the reader prefers', () => {
    const w = { at, precision: 'minute' as const, timeZone: 'Asia/Damascus' };
    expect(showWhen(localeOf({ language: 'ar', digits: 'arab' }), w, 'source', 'UTC').text).toMatch(/١٦:٤٥/);
    expect(showWhen(localeOf({ language: 'ar', digits: 'latn' }), w, 'source', 'UTC').text).toMatch(/16:45/);
    // By default, as written in Syria: Arabic-Indic digits and the Levantine month name.
    const auto = showWhen(localeOf({ language: 'ar', digits: 'auto' }), w, 'source', 'UTC').text;
    expect(auto).toMatch(/١٦:٤٥/);
    expect(auto).toContain('كانون الأول');
  });
  it('names zones in the reader language', () => {
    expect(zoneName('en-GB', 'Asia/Damascus', new Date(at))).toBe('Syria Time');
    expect(zoneName('en-GB', 'UTC')).toBe('UTC');
    expect(zoneName('en-GB', 'Not/AZone')).toBe('Not/AZone');
  });
  it('picks the browser language on a first visit', () => {
    expect(browserLanguage(['ar-SY', 'en'])).toBe('ar');
    expect(browserLanguage(['de-DE', 'fr-CH'])).toBe('fr');
    expect(browserLanguage(['de'])).toBe('en');
  });
});

describe('a typed time', () => {
  const ok = (at: string, zone = 'Asia/Damascus') => whenProblem(t, { at, timeZone: zone, asWritten: '' });
  it('takes the forms the server reads and refuses others before sending', () => {
    for (const at of [
      '2024',
      '2024-12',
      '2024-12-09',
      '2024-12-09T16:45',
      '2024-12-09 16:45:10',
      '2024-12-09T13:45Z',
      '2024-12-09T16:45+03:00',
    ])
      expect(ok(at), at).toBeNull();
    expect(ok('9 Dec 2024')).toBe('time.badFormat');
    expect(ok('0999-01-01')).toBe('time.badYear');
    expect(ok('2024-12-09', 'Mars/Olympus')).toBe('time.badZone');
    expect(ok('2024-12-09', 'asia/damascus')).toBeNull();
    expect(ok('')).toBeNull();
    expect(whenProblem(t, { at: ' ', timeZone: 'UTC', asWritten: '' }, true)).toBe('form.requiredField');
  });
  it('sends what was typed, with the zone and the words as written', () => {
    expect(
      toWhenInput({ at: ' 2024-12-09 16:45 ', timeZone: 'Asia/Damascus', asWritten: 'Monday afternoon' }),
    ).toEqual({
      at: '2024-12-09T16:45',
      timeZone: 'Asia/Damascus',
      asWritten: 'Monday afternoon',
    });
    expect(toWhenInput({ at: '', timeZone: 'UTC', asWritten: 'x' })).toBeUndefined();
  });
});

describe('after signing in', () => {
  it('goes only to a path of the desk', () => {
    expect(safeNext('/cases/x/claims?status=published')).toBe('/cases/x/claims?status=published');
    for (const bad of [
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '/sign-in?next=/x',
    ])
      expect(safeNext(bad), String(bad)).toBe('/');
  });
});

const place = (id: string, parentId: string | null, name: string): Place => ({
  id,
  caseId: 'c',
  kind: 'zone',
  parentId,
  names: [{ lang: 'en', name }],
  coordinates: null,
  description: '',
  isDemo: false,
});
const sweep = (
  id: string,
  placeId: string,
  result: Sweep['result'],
  startedAt: string | null = null,
): Sweep => ({
  id,
  caseId: 'c',
  placeId,
  sourceId: null,
  team: null,
  started: startedAt
    ? { at: startedAt, timeZone: null, precision: 'day', local: startedAt.slice(0, 10) }
    : null,
  ended: null,
  result,
  notes: '',
  statementId: null,
  isDemo: false,
});
const name = (p: Place) => p.names[0]!.name;

describe('sweep coverage', () => {
  const places = [
    place('site', null, 'Prison'),
    place('red', 'site', 'Red building'),
    place('white', 'site', 'White building'),
    place('basement', 'red', 'Basements'),
    place('cells', 'basement', 'Hidden cells'),
    place('roof', 'red', 'Roof'),
  ];
  it('says which parts were searched, and how much of what lies below', () => {
    const tree = coverageTree(places, [sweep('s1', 'cells', 'nothing_found', '2024-12-08T00:00:00Z')], name);
    const by = new Map(flatten(tree).map((n) => [n.place.id, n]));
    expect(by.get('cells')!.coverage).toBe('searched');
    expect(by.get('basement')!.coverage).toBe('searched');
    expect(by.get('red')!).toMatchObject({ coverage: 'partly', searchedBelow: 2, totalBelow: 3 });
    expect(by.get('white')!.coverage).toBe('not_searched');
    expect(by.get('site')!).toMatchObject({ coverage: 'partly', searchedBelow: 2, totalBelow: 5 });
    expect(flatten(tree).map((n) => `${n.depth}:${n.place.id}`)).toEqual([
      '0:site',
      '1:red',
      '2:basement',
      '3:cells',
      '2:roof',
      '1:white',
    ]);
  });
  it('puts a find above everything, and an ongoing search above nothing', () => {
    const by = (sweeps: Sweep[]) =>
      new Map(flatten(coverageTree(places, sweeps, name)).map((n) => [n.place.id, n.coverage]));
    expect(by([sweep('a', 'cells', 'people_found')]).get('site')).toBe('found_people');
    expect(by([sweep('a', 'roof', 'remains_found'), sweep('b', 'cells', 'people_found')]).get('red')).toBe(
      'found_remains',
    );
    expect(by([sweep('a', 'white', 'ongoing')]).get('white')).toBe('ongoing');
    expect(by([sweep('a', 'white', 'ongoing')]).get('site')).toBe('ongoing');
  });
  it('keeps a place whose parent is unknown, and survives a cycle', () => {
    const orphan = place('o', 'gone', 'Orphan');
    const a = place('a', 'b', 'A');
    const b = place('b', 'a', 'B');
    const tree = coverageTree([orphan, a, b], [], name);
    expect(tree.map((n) => n.place.id)).toEqual(['o']);
    expect(coverageTree([...places, orphan], [], name).map((n) => n.place.id)).toEqual(['o', 'site']);
  });
});

const figure = (
  id: string,
  label: string,
  value: number | null,
  from: string | null,
  to: string | null,
  low: number | null = null,
  high: number | null = null,
): Figure => ({
  id,
  caseId: 'c',
  label,
  value,
  low,
  high,
  qualifier: 'exact',
  unit: 'people',
  period: { from, to },
  sourceId: null,
  statementId: null,
  method: '',
  isDemo: false,
});

describe('series of figures', () => {
  it('draws a chart only for the same label and unit over two periods or more', () => {
    const s = seriesOf([
      figure('a', 'Released', 10, '2024-12-08', '2024-12-08'),
      figure('b', 'released ', null, '2024-12-09', '2024-12-09', 20, 40),
      figure('c', 'Deaths', 30000, '2011', '2018'),
      figure('d', 'Released', 5, null, null),
    ]);
    expect(s).toHaveLength(1);
    expect(s[0]!.points.map((p) => [p.figure.id, p.y])).toEqual([
      ['a', 10],
      ['b', 30],
    ]);
  });
  it('reads partial dates as the whole period they name', () => {
    expect(new Date(partialDateMs('2018', true)).toISOString()).toBe('2018-12-31T23:59:59.999Z');
    expect(new Date(partialDateMs('2024-02', true)).toISOString()).toBe('2024-02-29T23:59:59.999Z');
    expect(new Date(partialDateMs('2024-12-09', false)).toISOString()).toBe('2024-12-09T00:00:00.000Z');
  });
});

describe('media times and sizes', () => {
  it('reads a wall-clock time in a zone as the instant it names', () => {
    // Damascus has kept UTC+3 since October 2022; before, +2 in winter and +3 in summer.
    expect(zonedToInstant('2024-12-08T14:30', 'Asia/Damascus')).toBe('2024-12-08T11:30:00.000Z');
    expect(zonedToInstant('2021-01-10T08:00', 'Asia/Damascus')).toBe('2021-01-10T06:00:00.000Z');
    expect(zonedToInstant('2024-07-01T00:00', 'Europe/London')).toBe('2024-06-30T23:00:00.000Z');
    expect(zonedToInstant('2024-12-08T14:30:15', 'UTC')).toBe('2024-12-08T14:30:15.000Z');
    // 01:30 on 31 March 2024 does not exist in London (clocks went from 01:00 to 02:00): it
    // lands on the later side, 02:30 summer time.
    expect(zonedToInstant('2024-03-31T01:30', 'Europe/London')).toBe('2024-03-31T01:30:00.000Z');
    expect(zonedToInstant('2024-03-31T03:30', 'Europe/London')).toBe('2024-03-31T02:30:00.000Z');
    expect(zonedToInstant('yesterday', 'UTC')).toBeNull();
  });
  it('writes sizes in the reader digits and video times as a player does', () => {
    expect(formatBytes('en-GB', 999)).toBe('999 byte');
    expect(formatBytes('en-GB', 33_613)).toBe('33.6 kB');
    expect(formatBytes('en-GB', 2_500_000_000)).toBe('2.5 GB');
    expect(formatBytes('ar-SY', 1_500_000)).toMatch(/١٫٥/);
    expect(clockTime(6.4)).toBe('0:06');
    expect(clockTime(3725)).toBe('1:02:05');
  });
});
