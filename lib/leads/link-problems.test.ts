import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { describeListProblems } from './link-problems';
import { parseLeadListParams } from './search-params';

function problemsOf(query: string) {
  const params = new URLSearchParams(query);
  try {
    parseLeadListParams(params);
  } catch (error) {
    if (error instanceof AppError) return describeListProblems(error.details ?? [], params);
    throw error;
  }
  return [];
}

describe('link problems in plain words', () => {
  it('names the filter as the page does, says what it takes, and links to the list without it', () => {
    expect(problemsOf('status=open,new&country=DE&sort=password')).toEqual([
      {
        field: 'status',
        label: 'Status',
        message:
          'has a value the list does not know. It takes a status: New, Contacted, Qualified, Nurturing, Won or Lost.',
        clearHref: '/leads?country=DE&sort=password',
      },
      {
        field: 'sort',
        label: 'Sort',
        message: 'has a value the list does not know. It takes a column the table sorts by.',
        clearHref: '/leads?status=open%2Cnew&country=DE',
      },
    ]);
  });

  it('says an unknown parameter is not a filter, and clears a bad page size with its page', () => {
    expect(problemsOf('stauts=new')).toEqual([
      { field: 'stauts', label: '“stauts”', message: 'is not a filter this list has.', clearHref: '/leads' },
    ]);
    expect(problemsOf('pageSize=0&page=2&q=contoso')).toEqual([
      { field: 'pageSize', label: 'Rows per page', message: 'must be at least 1.', clearHref: '/leads?q=contoso' },
    ]);
    expect(problemsOf('from=2026-02-30')[0]).toMatchObject({ label: 'Received from', message: 'is not a real date.' });
  });
});
