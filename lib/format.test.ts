import { describe, expect, it } from 'vitest';
import {
  formatCalendarDay,
  formatDate,
  formatDateTime,
  formatDateTimeFull,
  formatRelative,
  formatZoneName,
  personName,
} from './format';

describe('format', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it('formats relative times in two units at most', () => {
    expect(formatRelative(new Date('2026-11-23T11:59:30Z'), now, 'UTC')).toBe('just now');
    expect(formatRelative(new Date('2026-11-23T09:00:00Z'), now, 'UTC')).toBe('3 h ago');
    expect(formatRelative(new Date('2026-11-23T15:12:00Z'), now, 'UTC')).toBe('in 3 h 12 min');
    expect(formatRelative(new Date('2026-11-21T08:00:00Z'), now, 'UTC')).toBe('2 d ago');
    expect(formatRelative(new Date('2026-11-23T11:55:00Z'), now, 'UTC')).toBe('5 min ago');
    expect(formatRelative(new Date('2026-08-01T12:00:00Z'), now, 'Asia/Tokyo')).toBe('on 1 Aug 2026');
    expect(formatRelative(null, now, 'UTC')).toBe('never');
  });
  it('shows an instant on the viewer’s clock', () => {
    const instant = new Date('2026-12-03T14:05:00Z');
    expect(formatDateTime(instant, 'UTC')).toBe('3 Dec 2026, 14:05');
    expect(formatDateTime(instant, 'America/Los_Angeles')).toBe('3 Dec 2026, 06:05');
    expect(formatDateTime(instant, 'Europe/Budapest')).toBe('3 Dec 2026, 15:05');
    // Tokyo is already on the next day.
    expect(formatDateTime(new Date('2026-12-03T20:30:00Z'), 'Asia/Tokyo')).toBe('4 Dec 2026, 05:30');
    expect(formatDate(new Date('2026-12-03T20:30:00Z'), 'Asia/Tokyo')).toBe('4 Dec 2026');
    expect(formatDateTime(null, 'UTC')).toBe('—');
  });
  it('names the zone as people know it, daylight saving included', () => {
    expect(formatZoneName(new Date('2026-01-15T12:00:00Z'), 'America/Los_Angeles')).toBe('PST');
    expect(formatZoneName(new Date('2026-07-15T12:00:00Z'), 'America/Los_Angeles')).toBe('PDT');
    expect(formatZoneName(new Date('2026-01-15T12:00:00Z'), 'Europe/Budapest')).toBe('CET');
    expect(formatZoneName(new Date('2026-07-15T12:00:00Z'), 'Europe/Budapest')).toBe('CEST');
    expect(formatZoneName(new Date('2026-07-15T12:00:00Z'), 'Asia/Tokyo')).toBe('GMT+9');
    expect(formatZoneName(new Date('2026-07-15T12:00:00Z'), 'UTC')).toBe('UTC');
    expect(formatDateTimeFull(new Date('2026-12-03T14:05:00Z'), 'America/Los_Angeles')).toBe(
      'Thu 3 Dec 2026, 06:05 PST',
    );
  });
  it('reads a calendar day the same in every zone', () => {
    expect(formatCalendarDay('2026-11-23')).toBe('23 Nov 2026');
  });
  it('names a person by name, then email', () => {
    expect(personName({ firstName: 'Kovács', lastName: 'Éva', email: 'e@x' })).toBe('Kovács Éva');
    expect(personName({ firstName: null, lastName: null, email: 'e@x' })).toBe('e@x');
    expect(personName({ firstName: null, lastName: null, email: null })).toBe('Unnamed lead');
  });
});
