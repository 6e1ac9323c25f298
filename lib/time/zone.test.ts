import { describe, expect, it } from 'vitest';
import {
  endOfDay,
  fromWallClock,
  normalizeTimeZone,
  parseZonedInput,
  startOfDay,
  wallClock,
  zonedDayRange,
} from './zone';

const LA = 'America/Los_Angeles';
const BUDAPEST = 'Europe/Budapest';
const TOKYO = 'Asia/Tokyo';

describe('time zones', () => {
  it('accepts only zones Intl knows, in their canonical spelling', () => {
    expect(normalizeTimeZone('asia/tokyo')).toBe(TOKYO);
    expect(normalizeTimeZone('UTC')).toBe('UTC');
    expect(normalizeTimeZone('Mars/Olympus')).toBeNull();
    expect(normalizeTimeZone('+05:00')).toBeNull();
    expect(normalizeTimeZone('<script>')).toBeNull();
    expect(normalizeTimeZone('')).toBeNull();
    expect(normalizeTimeZone(undefined)).toBeNull();
  });

  it('reads the wall clock of a zone', () => {
    expect(wallClock(new Date('2026-12-03T20:30:00Z'), TOKYO)).toMatchObject({
      year: 2026,
      month: 12,
      day: 4,
      hour: 5,
      minute: 30,
      weekday: 5,
    });
  });

  it('turns a wall-clock time into the instant, on both sides of daylight saving', () => {
    expect(fromWallClock({ year: 2026, month: 3, day: 7, hour: 9, minute: 0 }, LA)?.toISOString()).toBe(
      '2026-03-07T17:00:00.000Z',
    );
    expect(fromWallClock({ year: 2026, month: 3, day: 9, hour: 9, minute: 0 }, LA)?.toISOString()).toBe(
      '2026-03-09T16:00:00.000Z',
    );
    expect(fromWallClock({ year: 2026, month: 3, day: 30, hour: 9, minute: 0 }, BUDAPEST)?.toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
    expect(fromWallClock({ year: 2026, month: 10, day: 26, hour: 9, minute: 0 }, BUDAPEST)?.toISOString()).toBe(
      '2026-10-26T08:00:00.000Z',
    );
  });

  it('says a skipped time does not exist and takes the first of a repeated one', () => {
    // 8 Mar 2026: Los Angeles goes from 01:59 to 03:00.
    expect(fromWallClock({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, LA)).toBeNull();
    // 1 Nov 2026: 01:30 happens twice; the first is still PDT (UTC−7).
    expect(fromWallClock({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, LA)?.toISOString()).toBe(
      '2026-11-01T08:30:00.000Z',
    );
    // 25 Oct 2026: Budapest repeats 02:00–02:59; the first is CEST (UTC+2).
    expect(fromWallClock({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, BUDAPEST)?.toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(fromWallClock({ year: 2026, month: 6, day: 31, hour: 9, minute: 0 }, BUDAPEST)).toBeNull();
  });

  it('knows where a day starts and ends, including 23- and 25-hour days', () => {
    const springForward = new Date('2026-03-08T20:00:00Z');
    expect(startOfDay(springForward, LA).toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(endOfDay(springForward, LA).toISOString()).toBe('2026-03-09T06:59:59.999Z');
    const fallBack = new Date('2026-10-25T12:00:00Z');
    expect(startOfDay(fallBack, BUDAPEST).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(endOfDay(fallBack, BUDAPEST).toISOString()).toBe('2026-10-25T22:59:59.999Z');
    // 20:30 UTC on 3 Dec is already 4 Dec in Tokyo.
    expect(startOfDay(new Date('2026-12-03T20:30:00Z'), TOKYO).toISOString()).toBe('2026-12-03T15:00:00.000Z');
  });

  it('turns a from–to range of days into the instants of the viewer’s days', () => {
    expect(zonedDayRange('2026-12-03', '2026-12-03', TOKYO)).toEqual({
      from: new Date('2026-12-02T15:00:00Z'),
      to: new Date('2026-12-03T15:00:00Z'),
    });
    expect(zonedDayRange(undefined, '2026-03-08', LA)).toEqual({
      from: undefined,
      to: new Date('2026-03-09T07:00:00Z'),
    });
  });

  it('reads typed dates and times with errors that say what is wrong', () => {
    expect(parseZonedInput('2026-12-04', '09:00', LA)).toEqual({ ok: true, at: new Date('2026-12-04T17:00:00Z') });
    expect(parseZonedInput('2026-12-04', '9:05', TOKYO)).toEqual({ ok: true, at: new Date('2026-12-04T00:05:00Z') });
    expect(parseZonedInput('', '09:00', LA)).toMatchObject({ ok: false, field: 'day' });
    expect(parseZonedInput('12/04/2026', '09:00', LA)).toMatchObject({
      ok: false,
      field: 'day',
      message: 'Write the date as yyyy-mm-dd, e.g. 2026-12-03.',
    });
    expect(parseZonedInput('2026-02-30', '09:00', LA)).toMatchObject({
      ok: false,
      field: 'day',
      message: '2026-02-30 is not on the calendar.',
    });
    expect(parseZonedInput('2026-12-04', '24:00', LA)).toMatchObject({ ok: false, field: 'time' });
    expect(parseZonedInput('2026-12-04', '9am', LA)).toMatchObject({ ok: false, field: 'time' });
    expect(parseZonedInput('2026-03-08', '02:30', LA)).toMatchObject({
      ok: false,
      field: 'time',
      message: expect.stringContaining('daylight saving'),
    });
  });
});
