import { describe, expect, it } from 'vitest';
import {
  fewTouchesMessage,
  firstTouchSummary,
  followUpPresets,
  formatElapsed,
  fromDateTimeLocalValue,
  toDateTimeLocalValue,
} from './nurture';

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
  it('picks 9:00 tomorrow, in three days and next Monday, in local time', () => {
    // Wednesday 6 May 2026, 15:42 local.
    const [tomorrow, inThree, nextWeek] = followUpPresets(new Date(2026, 4, 6, 15, 42));
    expect(tomorrow!.at).toEqual(new Date(2026, 4, 7, 9, 0));
    expect(inThree!.at).toEqual(new Date(2026, 4, 9, 9, 0));
    expect(nextWeek!.at).toEqual(new Date(2026, 4, 11, 9, 0));
  });
  it('takes a Monday to the Monday after, and crosses months', () => {
    expect(followUpPresets(new Date(2026, 4, 11, 8, 0))[2]!.at).toEqual(new Date(2026, 4, 18, 9, 0));
    expect(followUpPresets(new Date(2026, 4, 31, 23, 59))[0]!.at).toEqual(new Date(2026, 5, 1, 9, 0));
    // Sunday → the next day.
    expect(followUpPresets(new Date(2026, 4, 10, 12, 0))[2]!.at).toEqual(new Date(2026, 4, 11, 9, 0));
  });
});

describe('datetime-local values', () => {
  it('round-trip in local time and reject impossible dates', () => {
    const date = new Date(2026, 0, 5, 7, 3);
    expect(toDateTimeLocalValue(date)).toBe('2026-01-05T07:03');
    expect(fromDateTimeLocalValue('2026-01-05T07:03')).toEqual(date);
    expect(fromDateTimeLocalValue('2026-06-31T10:00')).toBeNull();
    expect(fromDateTimeLocalValue('2026-06-30T24:00')).toBeNull();
    expect(fromDateTimeLocalValue('')).toBeNull();
    expect(fromDateTimeLocalValue('tomorrow')).toBeNull();
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
