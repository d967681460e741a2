import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from './harness.ts';

/**
 * Times as sources give them: "9 December, 4:45 p.m. Damascus time" is an instant plus the
 * zone the source used plus the precision it had; a date known to the day stays a day; the
 * timeline renders the same instants in UTC or any zone without inventing precision.
 */

const K = '/api/cases/tz-case';
let env: TestEnv;
let sourceId: string;

async function state(stated: Record<string, unknown>, text = 'something was said') {
  return env.request('POST', `${K}/statements`, env.admin, { sourceId, text, language: 'en', stated });
}
async function count(): Promise<number> {
  return (await env.request('GET', `${K}/statements`)).body.statements.length as number;
}

describe('time zones of statements and the timeline', () => {
  beforeAll(async () => {
    env = await testEnv();
    expect(
      (
        await env.request('POST', '/api/cases', env.admin, {
          slug: 'tz-case',
          title: 'Time zones',
          timeZone: 'Asia/Damascus',
        })
      ).status,
    ).toBe(201);
    sourceId = (
      await env.request('POST', `${K}/sources`, env.admin, { kind: 'organisation', name: 'Rescuers' })
    ).body.id;
  });
  afterAll(() => env.close());

  it('stores a local time in a named zone as the instant, the zone and minute precision', async () => {
    const r = await state(
      { at: '2024-12-09T16:45', timeZone: 'Asia/Damascus', asWritten: '9 December, 4:45 p.m. Damascus time' },
      'no hidden basement found so far',
    );
    expect(r.status).toBe(201);
    expect(r.body.stated).toEqual({
      at: '2024-12-09T13:45:00Z',
      timeZone: 'Asia/Damascus',
      precision: 'minute',
      local: '2024-12-09T16:45+03:00',
      asWritten: '9 December, 4:45 p.m. Damascus time',
    });
  });

  it('reads a local time in the zone in force on that date (summer time)', async () => {
    const r = await state({ at: '2024-07-01T12:00', timeZone: 'Europe/Paris' });
    expect(r.body.stated).toMatchObject({
      at: '2024-07-01T10:00:00Z',
      timeZone: 'Europe/Paris',
      precision: 'minute',
      local: '2024-07-01T12:00+02:00',
    });
    const w = await state({ at: '2024-01-15T12:00', timeZone: 'Europe/Paris' });
    expect(w.body.stated).toMatchObject({ at: '2024-01-15T11:00:00Z', local: '2024-01-15T12:00+01:00' });
  });

  it('takes instants with an offset or Z as they are, without claiming a zone', async () => {
    const off = await state({ at: '2024-12-08T06:00:00+01:00' });
    expect(off.status).toBe(201);
    expect(off.body.stated).toMatchObject({
      at: '2024-12-08T05:00:00Z',
      timeZone: null,
      precision: 'second',
      local: '2024-12-08T08:00:00+03:00',
    });
    const z = await state({ at: '2024-12-08T04:30Z' });
    expect(z.body.stated).toMatchObject({ at: '2024-12-08T04:30:00Z', timeZone: null, precision: 'minute' });
  });

  it('keeps partial dates partial: a day, a month, a year', async () => {
    const day = await state({ at: '2024-12-08', asWritten: 'Sunday' });
    // a day in Damascus starts at 21:00 UTC the day before; it is still shown as the 8th
    expect(day.body.stated).toMatchObject({
      at: '2024-12-07T21:00:00Z',
      timeZone: 'Asia/Damascus',
      precision: 'day',
      local: '2024-12-08',
    });
    const month = await state({ at: '2024-12' });
    expect(month.body.stated).toMatchObject({ precision: 'month', local: '2024-12' });
    const year = await state({ at: '2018', timeZone: 'UTC' });
    expect(year.body.stated).toMatchObject({
      at: '2018-01-01T00:00:00Z',
      timeZone: 'UTC',
      precision: 'year',
      local: '2018',
    });
    const coarser = await state({ at: '2024-12-09T16:45', precision: 'day' });
    expect(coarser.body.stated).toMatchObject({ precision: 'day', local: '2024-12-09' });
    const finer = await state({ at: '2024-12-09', precision: 'minute' });
    expect(finer.status).toBe(400);
    expect(finer.body.errors[0].field).toBe('/stated/at');
  });

  it('renders the timeline in the case zone, in UTC and in another zone, in time order', async () => {
    const find = (tl: { entries: { title: string; local: string; at: string }[] }, text: string) =>
      tl.entries.find((e) => e.title.endsWith(text));
    const dflt = (await env.request('GET', `${K}/timeline`)).body;
    expect(dflt.timeZone).toBe('Asia/Damascus');
    expect(find(dflt, 'no hidden basement found so far')).toMatchObject({
      at: '2024-12-09T13:45:00Z',
      local: '2024-12-09T16:45+03:00',
      precision: 'minute',
      sourceTimeZone: 'Asia/Damascus',
    });

    const utc = await env.request('GET', `${K}/timeline?zone=UTC`);
    expect(utc.status).toBe(200);
    expect(utc.body.timeZone).toBe('UTC');
    expect(find(utc.body, 'no hidden basement found so far')?.local).toBe('2024-12-09T13:45Z');

    const paris = (await env.request('GET', `${K}/timeline?zone=Europe/Paris`)).body;
    expect(paris.timeZone).toBe('Europe/Paris');
    expect(find(paris, 'no hidden basement found so far')?.local).toBe('2024-12-09T14:45+01:00');
    // A day stays the day the source named, whatever the display zone.
    const days = paris.entries
      .filter((e: { precision: string }) => e.precision === 'day')
      .map((e: { local: string }) => e.local);
    expect(days).toContain('2024-12-08');
    expect(days).not.toContain('2024-12-07');

    const instants = paris.entries.map((e: { at: string }) => Date.parse(e.at));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
    expect(paris.entries.length).toBe(dflt.entries.length);
  });

  it('refuses an unknown zone, naming the field, and writes nothing', async () => {
    const before = await count();
    const r = await state({ at: '2024-12-09T16:45', timeZone: 'Mars/Olympus_Mons' });
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(r.body.code).toBe('validation.time_zone');
    expect(r.body.errors).toEqual([{ field: '/stated/timeZone', message: expect.any(String) }]);
    const tl = await env.request('GET', `${K}/timeline?zone=Mars/Olympus_Mons`);
    expect(tl.status).toBe(400);
    expect(tl.body.errors[0].field).toMatch(/zone$/);
    expect(await count()).toBe(before);
  });

  it('refuses impossible dates and times instead of shifting them', async () => {
    const before = await count();
    for (const at of [
      '2024-02-30',
      '2023-02-29',
      '2024-12-09T25:00',
      '2024-13',
      '2024-12-09T16:60',
      '2024-12-32T10:00:00Z',
      'yesterday',
    ]) {
      const r = await state({ at });
      expect(r.status, at).toBe(400);
      expect(r.body.errors, at).toEqual([{ field: '/stated/at', message: expect.any(String) }]);
    }
    expect((await state({ at: '2024-02-29' })).status).toBe(201);
    expect(await count()).toBe(before + 1);
  });
});
