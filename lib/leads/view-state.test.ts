import { createLoader } from 'nuqs/server';
import { describe, expect, it } from 'vitest';
import { parseLeadListParams } from './search-params';
import { activePanelFilterCount, leadViewParsers, serializeLeadView, type LeadViewState } from './view-state';

const loadView = createLoader(leadViewParsers);

describe('lead view URL state', () => {
  it('round-trips through the URL: client state → query string → the same state, and the server reads the same view', () => {
    const state: Partial<LeadViewState> = {
      q: 'contoso ltd',
      source: ['SPZA', 'AzureMarketplace'],
      action: ['PLT'],
      offer: ['contoso.suite'],
      status: ['new', 'contacted'],
      stage: ['acquired'],
      owner: 'me',
      country: ['DE', 'US'],
      dnc: 'hide',
      sla: 'first_touch_overdue',
      received: '30d',
      includeTest: true,
      sort: '-name',
      page: 3,
      pageSize: 25,
      cols: ['email', 'name', 'status'],
    };
    const query = serializeLeadView(state).replace(/^\?/, '');
    const params = new URLSearchParams(query);

    // The client reads back exactly what it wrote.
    expect(loadView(params)).toMatchObject(state);

    // The server's contract (GET /api/leads, the page, the export) reads the same view.
    expect(parseLeadListParams(params)).toMatchObject({
      q: 'contoso ltd',
      source: ['SPZA', 'AzureMarketplace'],
      action: ['PLT'],
      offer: ['contoso.suite'],
      status: ['new', 'contacted'],
      stage: ['acquired'],
      owner: 'me',
      country: ['DE', 'US'],
      dnc: 'hide',
      sla: 'first_touch_overdue',
      received: '30d',
      includeTest: true,
      sort: { key: 'name', direction: 'desc' },
      page: 3,
      pageSize: 25,
      cols: ['email', 'name', 'status'],
    });
  });

  it('leaves empty state out of the URL and the server fills the defaults', () => {
    expect(serializeLeadView({ q: null, status: null, page: null })).toBe('');
    expect(parseLeadListParams(new URLSearchParams(''))).toMatchObject({
      sort: { key: 'receivedAt', direction: 'desc' },
      page: 1,
    });
  });

  it('keeps characters that need escaping intact', () => {
    const query = serializeLeadView({ q: 'a&b=c 100% "x"', country: ['Côte d’Ivoire'] });
    const params = new URLSearchParams(query.replace(/^\?/, ''));
    expect(loadView(params)).toMatchObject({ q: 'a&b=c 100% "x"', country: ['Côte d’Ivoire'] });
    expect(parseLeadListParams(params)).toMatchObject({ q: 'a&b=c 100% "x"', country: ['Côte d’Ivoire'] });
  });
});

describe('activePanelFilterCount', () => {
  it('counts the filters behind the phone’s Filters button, not the search or the status chips', () => {
    expect(activePanelFilterCount({})).toBe(0);
    expect(activePanelFilterCount({ q: 'contoso', status: ['new'], source: [], owner: null })).toBe(0);
    expect(activePanelFilterCount({ source: ['SPZA'], owner: 'me', includeTest: true })).toBe(3);
  });

  it('counts a custom date range once, like the preset it replaces', () => {
    expect(activePanelFilterCount({ from: '2026-01-01', to: '2026-01-31' })).toBe(1);
    expect(activePanelFilterCount({ received: '7d', dnc: 'hide', sla: 'follow_up_due' })).toBe(3);
  });
});
