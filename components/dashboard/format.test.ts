import { describe, expect, it } from 'vitest';
import { formatCell, formatChange, formatMinutes, formatPoints, formatShare, kindOf, truncate } from './format';

describe('dashboard cell formatting', () => {
  it('reads minutes in their two largest units', () => {
    expect(formatMinutes(0)).toBe('0 m');
    expect(formatMinutes(45)).toBe('45 m');
    expect(formatMinutes(125)).toBe('2 h 05 m');
    expect(formatMinutes(60)).toBe('1 h 00 m');
    expect(formatMinutes(3 * 1440 + 4 * 60 + 59)).toBe('3 d 4 h');
    expect(formatMinutes(-5)).toBe('0 m');
  });
  it('reads shares, changes and points', () => {
    expect(formatShare(0.425)).toBe('42.5%');
    expect(formatShare(1)).toBe('100%');
    expect(formatChange(0.25)).toBe('+25%');
    expect(formatChange(-0.1)).toBe('−10%');
    expect(formatChange(0)).toBe('0%');
    expect(formatPoints(0.032)).toBe('+3.2 pts');
    expect(formatPoints(-0.05)).toBe('−5 pts');
  });
  it('formats a cell by kind, with a dash for nothing', () => {
    expect(formatCell(12345, 'count', 'UTC')).toBe('12,345');
    expect(formatCell(null, 'share', 'UTC')).toBe('—');
    expect(formatCell('', 'text', 'UTC')).toBe('—');
    expect(formatCell('2026-11-23T10:05:00.000Z', 'date', 'UTC')).toBe('23 Nov 2026, 10:05');
    // An instant reads in the viewer's zone; a whole day stays that day in any zone.
    expect(formatCell('2026-11-23T10:05:00.000Z', 'date', 'America/Los_Angeles')).toBe('23 Nov 2026, 02:05');
    expect(formatCell('2026-11-23', 'date', 'Asia/Tokyo')).toBe('23 Nov 2026');
    expect(formatCell('Contoso', 'text', 'UTC')).toBe('Contoso');
  });
  it('lets a row override a column kind', () => {
    const column = { key: 'value', label: 'Value', kind: 'count' as const };
    expect(kindOf(column, { key: 'touchedIn24h', cells: {}, kinds: { value: 'share' } })).toBe('share');
    expect(kindOf(column, { key: 'newLeads', cells: {} })).toBe('count');
  });
  it('cuts long labels with an ellipsis', () => {
    expect(truncate('Contoso Analytics Platform for Azure', 20)).toBe('Contoso Analytics P…');
    expect(truncate('Short', 20)).toBe('Short');
  });
});
