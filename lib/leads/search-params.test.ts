import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { DEFAULT_COLUMNS, parseLeadListParams } from './search-params';

const parse = (query: string) => parseLeadListParams(new URLSearchParams(query));
function details(query: string) {
  try {
    parse(query);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    return (error as AppError).details;
  }
  throw new Error('expected a rejection');
}

describe('parseLeadListParams', () => {
  it('has sensible defaults', () => {
    expect(parse('')).toEqual({
      includeTest: false,
      sort: { key: 'receivedAt', direction: 'desc' },
      page: 1,
      pageSize: 50,
      cols: DEFAULT_COLUMNS,
    });
  });

  it('parses lists, dates, booleans, sort and paging', () => {
    const query = parse(
      'source=SPZA,AzureMarketplace&action=PLT&status=new,won&offer=a.b&q=%20contoso%20&from=2026-01-01&to=2026-01-31&includeTest=true&sort=company&page=3&pageSize=25',
    );
    expect(query).toMatchObject({
      source: ['SPZA', 'AzureMarketplace'],
      action: ['PLT'],
      status: ['new', 'won'],
      offer: ['a.b'],
      q: 'contoso',
      includeTest: true,
      sort: { key: 'company', direction: 'asc' },
      page: 3,
      pageSize: 25,
    });
    expect(query.from?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(query.to?.toISOString()).toBe('2026-01-31T23:59:59.999Z');
    expect(parse('from=2026-01-01T08:30:00%2B02:00').from?.toISOString()).toBe('2026-01-01T06:30:00.000Z');
  });

  it('names each bad parameter', () => {
    expect(details('sort=password')).toEqual([{ field: 'sort', message: expect.stringContaining('must be one of') }]);
    expect(details('status=open')?.[0]?.field).toBe('status.0');
    expect(details('page=0')?.[0]).toEqual({ field: 'page', message: 'must be at least 1' });
    expect(details('pageSize=1000')?.[0]).toEqual({ field: 'pageSize', message: 'must be at most 200' });
    expect(details('page=abc')?.[0]).toEqual({ field: 'page', message: 'must be a whole number' });
    expect(details('from=yesterday')?.[0]?.field).toBe('from');
    expect(details('from=2026-02-30')?.[0]?.field).toBe('from');
    expect(details('from=2026-02-01&to=2026-01-01')?.[0]).toEqual({ field: 'from', message: 'must not be after `to`' });
    expect(details('includeTest=maybe')?.[0]).toEqual({ field: 'includeTest', message: 'must be true or false' });
    expect(details('stauts=new')).toEqual([{ field: 'stauts', message: 'is not a known parameter' }]);
    expect(details(`q=${'x'.repeat(201)}`)?.[0]?.field).toBe('q');
  });
});

describe('whole days in the viewer’s zone', () => {
  it('reads a date-only from/to as that day on the viewer’s clock, `to` inclusive', () => {
    const inUtc = parse('from=2026-12-03&to=2026-12-03');
    expect(inUtc.from?.toISOString()).toBe('2026-12-03T00:00:00.000Z');
    expect(inUtc.to?.toISOString()).toBe('2026-12-03T23:59:59.999Z');
    const inTokyo = parseLeadListParams(new URLSearchParams('from=2026-12-03&to=2026-12-03'), 'Asia/Tokyo');
    expect(inTokyo.from?.toISOString()).toBe('2026-12-02T15:00:00.000Z');
    expect(inTokyo.to?.toISOString()).toBe('2026-12-03T14:59:59.999Z');
    // A full ISO date-time is an instant already: no zone applies.
    const instant = parseLeadListParams(new URLSearchParams('from=2026-12-03T10:00:00Z'), 'Asia/Tokyo');
    expect(instant.from?.toISOString()).toBe('2026-12-03T10:00:00.000Z');
  });
});
