import { describe, expect, it } from 'vitest';
import { fewTouchesMessage, firstTouchSummary, followUpPresets, formatElapsed } from './nurture';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('formatElapsed', () => {
  it('says at most two units', () => {
    expect(formatElapsed(30_000)).toBe('less than a minute');
    expect(formatElapsed(45 * MINUTE)).toBe('45 min');
    expect(formatElapsed(3 * HOUR + 20 * MINUTE + 59_000)).toBe('3 h 20 min');
    expect(formatElapsed(5 * HOUR)).toBe('5 h');
    expect(formatElapsed(52 * HOUR + 10 * MINUTE)).toBe('2 d 4 h');
    expect(formatElapsed(48 * HOUR)).toBe('2 d');
    expect(formatElapsed(-5 * MINUTE)).toBe('less than a minute');
  });
});

describe('firstTouchSummary', () => {
  const received = new Date('2026-05-04T08:00:00Z');
  it('measures first touch minus arrival against the 24-hour window', () => {
    expect(firstTouchSummary(received, new Date('2026-05-04T11:20:00Z'))).toMatchObject({
      kind: 'touched',
      missed: false,
      text: 'First touch 3 h 20 min after the lead arrived.',
    });
    expect(firstTouchSummary(received, new Date('2026-05-05T09:00:00Z'))).toMatchObject({
      missed: true,
      text: 'First touch 1 d 1 h after the lead arrived, outside the 24-hour window.',
    });
  });
  it('counts down, then up, while untouched', () => {
    expect(firstTouchSummary(received, null, new Date('2026-05-04T20:00:00Z'))).toMatchObject({
      kind: 'untouched',
      missed: false,
      text: 'Not touched yet: 12 h left of the 24-hour window.',
    });
    expect(firstTouchSummary(received, null, new Date('2026-05-05T10:30:00Z'))).toMatchObject({
      missed: true,
      text: 'Not touched yet: the 24-hour window closed 2 h 30 min ago.',
    });
  });
});

describe('followUpPresets', () => {
  const picks = (now: string, timeZone: string) =>
    Object.fromEntries(
      followUpPresets(new Date(now), timeZone).map((preset) => [preset.key, preset.at?.toISOString() ?? null]),
    );

  it('picks later today, tomorrow 9:00, next Monday 9:00 and a week out on the viewer’s clock', () => {
    // Wednesday 6 May 2026, 15:42 in Budapest (CEST, UTC+2).
    expect(picks('2026-05-06T13:42:00Z', 'Europe/Budapest')).toEqual({
      later_today: '2026-05-06T16:00:00.000Z', // 18:00
      tomorrow: '2026-05-07T07:00:00.000Z',
      next_monday: '2026-05-11T07:00:00.000Z',
      in_a_week: '2026-05-13T07:00:00.000Z',
    });
  });

  it('keeps 9:00 at 9:00 across daylight saving changes', () => {
    // Friday 6 Mar 2026, 10:00 in Los Angeles (PST); the clocks go forward on Sunday 8 March.
    expect(picks('2026-03-06T18:00:00Z', 'America/Los_Angeles')).toMatchObject({
      tomorrow: '2026-03-07T17:00:00.000Z', // 9:00 PST
      next_monday: '2026-03-09T16:00:00.000Z', // 9:00 PDT
      in_a_week: '2026-03-13T16:00:00.000Z',
    });
    // Saturday 24 Oct 2026 in Budapest; the clocks go back on Sunday 25 October.
    expect(picks('2026-10-24T10:00:00Z', 'Europe/Budapest')).toMatchObject({
      tomorrow: '2026-10-25T08:00:00.000Z', // 9:00 CET
      next_monday: '2026-10-26T08:00:00.000Z',
    });
  });

  it('rolls the date over in the viewer’s zone, not the server’s', () => {
    // 20:30 UTC on Thursday 3 Dec is 05:30 on Friday 4 Dec in Tokyo: tomorrow is Saturday the 5th.
    expect(picks('2026-12-03T20:30:00Z', 'Asia/Tokyo')).toEqual({
      later_today: '2026-12-03T23:00:00.000Z', // 08:00 on the 4th
      tomorrow: '2026-12-05T00:00:00.000Z',
      next_monday: '2026-12-07T00:00:00.000Z',
      in_a_week: '2026-12-11T00:00:00.000Z',
    });
  });

  it('takes a Monday to the Monday after and has no "later today" late in the evening', () => {
    // Monday 11 May 2026, 20:10 in Los Angeles.
    const evening = picks('2026-05-12T03:10:00Z', 'America/Los_Angeles');
    expect(evening.next_monday).toBe('2026-05-18T16:00:00.000Z');
    expect(evening.later_today).toBeNull();
    // Exactly 19:00 still leaves 21:00.
    expect(picks('2026-05-12T02:00:00Z', 'America/Los_Angeles').later_today).toBe('2026-05-12T04:00:00.000Z');
  });
});

describe('fewTouchesMessage', () => {
  it('counts in words a person reads', () => {
    expect(fewTouchesMessage(0)).toBe(
      'Only 0 touches so far. Microsoft suggests a few emails before closing. Close anyway?',
    );
    expect(fewTouchesMessage(1)).toMatch(/^Only 1 touch so far\./);
  });
});
