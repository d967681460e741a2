import { describe, expect, it } from 'vitest';
import { formatInZone, isPartialDate, isValidTimeZone, isoInstant, parseWhen } from './zoned.ts';

describe('parseWhen', () => {
  it('reads "9 December, 4:45 p.m. Damascus time" as 13:45 UTC with minute precision', () => {
    const w = parseWhen('2024-12-09T16:45', 'Asia/Damascus');
    expect(isoInstant(w.at)).toBe('2024-12-09T13:45:00Z');
    expect(w.precision).toBe('minute');
    expect(w.timeZone).toBe('Asia/Damascus');
    expect(formatInZone(w.at, 'Asia/Damascus', w.precision)).toBe('2024-12-09T16:45+03:00');
  });

  it('keeps a partial date partial: its instant is the start of the day in the zone', () => {
    const w = parseWhen('2024-12-08', 'Asia/Damascus');
    expect(w.precision).toBe('day');
    expect(isoInstant(w.at)).toBe('2024-12-07T21:00:00Z');
    expect(formatInZone(w.at, 'Asia/Damascus', 'day')).toBe('2024-12-08');
    expect(formatInZone(w.at, 'UTC', 'day')).toBe('2024-12-07');
    expect(parseWhen('1987', 'UTC').precision).toBe('year');
  });

  it('accepts instants with Z or an offset', () => {
    expect(isoInstant(parseWhen('2024-12-09T16:45+03:00', null).at)).toBe('2024-12-09T13:45:00Z');
    expect(parseWhen('2024-12-09T13:45:10Z', 'Asia/Damascus').precision).toBe('second');
  });

  it('handles daylight saving transitions (Europe/Paris, last Sunday of March)', () => {
    expect(isoInstant(parseWhen('2024-03-31T01:30', 'Europe/Paris').at)).toBe('2024-03-31T00:30:00Z');
    expect(isoInstant(parseWhen('2024-03-31T03:30', 'Europe/Paris').at)).toBe('2024-03-31T01:30:00Z');
    // Damascus kept DST until 2022: +03:00 in summer 2020, +02:00 in winter
    expect(formatInZone(new Date('2020-07-01T12:00:00Z'), 'Asia/Damascus', 'minute')).toBe(
      '2020-07-01T15:00+03:00',
    );
    expect(formatInZone(new Date('2020-01-01T12:00:00Z'), 'Asia/Damascus', 'minute')).toBe(
      '2020-01-01T14:00+02:00',
    );
  });

  it('rejects impossible dates, unknown zones and zone-less local times', () => {
    expect(() => parseWhen('2024-02-30', 'UTC')).toThrow(/impossible/);
    expect(() => parseWhen('2023-02-29T10:00', 'UTC')).toThrow(/impossible/);
    expect(() => parseWhen('2024-12-09T25:00', 'UTC')).toThrow(/impossible/);
    expect(() => parseWhen('2024-12-09T16:45', 'Mars/Olympus')).toThrow(/unknown time zone/);
    expect(() => parseWhen('2024-12-09T16:45', null)).toThrow(/no zone/);
    expect(() => parseWhen('yesterday', 'UTC')).toThrow(/not a date/);
    expect(() => parseWhen('2024-12', 'UTC', 'minute')).toThrow(/finer/);
  });
});

describe('zones and partial dates', () => {
  it('knows IANA names and refuses others', () => {
    expect(isValidTimeZone('Asia/Damascus')).toBe(true);
    expect(isValidTimeZone('Europe/Istanbul')).toBe(true);
    expect(isValidTimeZone('Damascus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
  it('validates partial dates', () => {
    expect(isPartialDate('2011')).toBe(true);
    expect(isPartialDate('2018-13')).toBe(false);
    expect(isPartialDate('2021-02-29')).toBe(false);
  });
});

describe('years', () => {
  it('accepts the years 1000 to 9999, and reads each as the year it is', () => {
    expect(parseWhen('1000-01-01', 'UTC').at.toISOString()).toBe('1000-01-01T00:00:00.000Z');
    expect(parseWhen('9999-12-31T23:59', 'UTC').at.toISOString()).toBe('9999-12-31T23:59:00.000Z');
    expect(formatInZone(parseWhen('1000-06-15T10:00', 'UTC').at, 'UTC', 'minute')).toBe('1000-06-15T10:00Z');
    // Local mean time before standard time: the offset keeps its seconds instead of printing a fraction.
    expect(formatInZone(parseWhen('1899-06-15T10:00', 'Asia/Damascus').at, 'Asia/Damascus', 'minute')).toBe(
      '1899-06-15T10:00+02:25:12',
    );
  });

  it('refuses years before 1000, instead of shifting 0–99 by 1900', () => {
    for (const at of ['0999-12-31', '0050-06-15', '0000-01-01', '0099-12-31T10:00:00Z']) {
      expect(() => parseWhen(at, 'UTC'), at).toThrow(/outside the years athar accepts \(1000 to 9999\)/);
    }
    expect(isPartialDate('0050')).toBe(false);
    expect(isPartialDate('1000-02')).toBe(true);
  });
});
