import { describe, expect, it } from 'vitest';
import { foldedColumns, shortName } from './columns';
import { DEFAULT_COLUMNS } from './list-contract';

describe('foldedColumns', () => {
  it('draws the company under the name and the latest action under the stage, only when both are visible', () => {
    expect([...foldedColumns(DEFAULT_COLUMNS)]).toEqual(['company']);
    expect([...foldedColumns(['name', 'company', 'action', 'stage'])].sort()).toEqual(['action', 'company']);
    // Alone, a column keeps its own cell.
    expect([...foldedColumns(['company', 'action', 'offer'])]).toEqual([]);
  });
});

describe('shortName', () => {
  it('keeps the first name and the last name’s initial', () => {
    expect(shortName('Rita Rep')).toBe('Rita R.');
    expect(shortName('Mona van der Berg')).toBe('Mona B.');
    expect(shortName('  Cher ')).toBe('Cher');
    expect(shortName('Zoë Ørsted')).toBe('Zoë Ø.');
    expect(shortName('ada lovelace')).toBe('ada L.');
  });
});
