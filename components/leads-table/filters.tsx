'use client';
import { Search, SlidersHorizontal, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { DayInput } from '@/components/time/date-time-field';
import { useTimeZone } from '@/components/time/time-provider';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from '@/components/ui/dialog';
import { FilterField, filterControlClass } from '@/components/ui/form';
import {
  DNC_FILTERS,
  MIN_SEARCH_LENGTH,
  REACHED_STEPS,
  RECEIVED_PRESETS,
  searchTerms,
} from '@/lib/leads/list-contract';
import { SLA_FILTER_LABELS, SLA_FILTERS } from '@/lib/leads/sla';
import { activePanelFilterCount, FILTER_KEYS, PANEL_FILTER_KEYS, type LeadViewState } from '@/lib/leads/view-state';
import {
  ACTION_LABELS,
  LEAD_ACTIONS,
  LEAD_SOURCES,
  LEAD_STAGES,
  SOURCE_LABELS,
  STAGE_LABELS,
} from '@/lib/marketplace/vocabulary';
import type { OfferOption } from '@/lib/offers/options';
import { dayInput } from '@/lib/time/zone';
import type { Person } from './leads-view';

const RECEIVED_LABELS: Record<(typeof RECEIVED_PRESETS)[number], string> = {
  today: 'Today',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  quarter: 'This quarter',
};

const REACHED_LABELS: Record<(typeof REACHED_STEPS)[number], string> = {
  contacted: 'Was contacted',
  qualified: 'Was qualified',
  won: 'Was won',
};

const DNC_LABELS: Record<(typeof DNC_FILTERS)[number], string> = {
  only: 'Only do-not-contact',
  hide: 'Hide do-not-contact',
};

type Update = (patch: Partial<LeadViewState>) => void;

export function LeadFilters({
  state,
  onChange,
  offers,
  people,
}: {
  state: LeadViewState;
  onChange: Update;
  offers: OfferOption[];
  people: Person[];
}) {
  const [text, setText] = useState(state.q ?? '');
  // The box follows the URL (back/forward, "Clear filters"); adjusted while rendering, not in an effect.
  const [urlQuery, setUrlQuery] = useState(state.q);
  if (urlQuery !== state.q) {
    setUrlQuery(state.q);
    setText(state.q ?? '');
  }
  const [sheetOpen, setSheetOpen] = useState(false);
  const tooShort = text.trim() !== '' && searchTerms(text).length === 0;
  const active = FILTER_KEYS.some(
    (key) => state[key] !== null && !(Array.isArray(state[key]) && state[key].length === 0),
  );
  const panelCount = activePanelFilterCount(state);

  // Search as you type, once typing pauses.
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === (state.q ?? '') || tooShort) return;
    const timer = setTimeout(() => onChange({ q: trimmed || null }), 350);
    return () => clearTimeout(timer);
  }, [text, tooShort, state.q, onChange]);

  const grid = <FilterGrid state={state} onChange={onChange} offers={offers} people={people} />;

  return (
    <form
      role="search"
      aria-label="Filter leads"
      className="flex flex-col gap-3"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="flex flex-col gap-1">
        <div className="flex gap-2">
          <label htmlFor="lead-search" className="sr-only">
            Search leads
          </label>
          <div className="relative min-w-0 flex-1">
            <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-slate-400" aria-hidden />
            <input
              id="lead-search"
              type="search"
              value={text}
              onChange={(event) => setText(event.target.value)}
              placeholder="Search name, email, company, title or description"
              aria-describedby={tooShort ? 'lead-search-hint' : undefined}
              className="h-9 w-full rounded-md border border-slate-300 bg-white pl-8 pr-3 text-sm dark:border-slate-700 dark:bg-slate-900"
            />
          </div>
          {/* Phones keep the filters behind one button, so the first leads fit on the first screen. */}
          <Button
            type="button"
            variant="secondary"
            className="md:hidden"
            aria-haspopup="dialog"
            aria-label={panelCount ? `Filters, ${panelCount} active` : 'Filters'}
            onClick={() => setSheetOpen(true)}
          >
            <SlidersHorizontal aria-hidden />
            Filters
            {panelCount ? (
              <span className="rounded-full bg-brand-600 px-1.5 text-xs font-semibold tabular-nums text-white">
                {panelCount}
              </span>
            ) : null}
          </Button>
        </div>
        {tooShort ? (
          <p id="lead-search-hint" className="text-xs text-slate-600 dark:text-slate-400">
            Type at least {MIN_SEARCH_LENGTH} characters to search.
          </p>
        ) : null}
      </div>
      {/* One set of controls at a time: inline from md up, in the sheet while it is open. */}
      {sheetOpen ? null : <div className="hidden md:block">{grid}</div>}
      {active ? (
        <div className="hidden md:block">
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => onChange(Object.fromEntries(FILTER_KEYS.map((key) => [key, null])))}
          >
            <X aria-hidden />
            Clear filters
          </Button>
        </div>
      ) : null}
      <Dialog open={sheetOpen} onOpenChange={setSheetOpen}>
        <DialogContent className="top-auto bottom-0 max-h-[85dvh] w-full max-w-none translate-y-0 rounded-b-none p-4 sm:p-6">
          <DialogTitle>Filters</DialogTitle>
          <DialogDescription>The list follows each change.</DialogDescription>
          {grid}
          <div className="flex items-center justify-between gap-2">
            <Button
              type="button"
              variant="ghost"
              disabled={!panelCount}
              onClick={() => onChange(Object.fromEntries(PANEL_FILTER_KEYS.map((key) => [key, null])))}
            >
              <X aria-hidden />
              Clear filters
            </Button>
            <DialogClose asChild>
              <Button type="button">Show leads</Button>
            </DialogClose>
          </div>
        </DialogContent>
      </Dialog>
    </form>
  );
}

/** Every filter but the search box and the status chips: inline on wider screens, in a sheet on phones. */
function FilterGrid({
  state,
  onChange,
  offers,
  people,
}: {
  state: LeadViewState;
  onChange: Update;
  offers: OfferOption[];
  people: Person[];
}) {
  const timeZone = useTimeZone();
  const customRange = state.from !== null || state.to !== null;
  const single = (value: string) => (value ? [value] : null);
  return (
    <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
      <FilterField label="Source">
        <select
          className={filterControlClass}
          value={state.source?.[0] ?? ''}
          onChange={(event) => onChange({ source: single(event.target.value) })}
        >
          <option value="">Any source</option>
          {LEAD_SOURCES.map((source) => (
            <option key={source} value={source}>
              {SOURCE_LABELS[source]}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="Action">
        <select
          className={filterControlClass}
          value={state.action?.[0] ?? ''}
          onChange={(event) => onChange({ action: single(event.target.value) })}
        >
          <option value="">Any action</option>
          {LEAD_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {ACTION_LABELS[action]}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="Offer">
        <select
          className={filterControlClass}
          value={state.offer?.[0] ?? ''}
          onChange={(event) => onChange({ offer: single(event.target.value) })}
        >
          <option value="">Any offer</option>
          {offers.map((offer) => (
            <option key={offer.key} value={offer.key}>
              {offer.label}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="Stage">
        <select
          className={filterControlClass}
          value={state.stage?.join(',') ?? ''}
          onChange={(event) =>
            onChange({
              stage: event.target.value ? (event.target.value.split(',') as (typeof LEAD_STAGES)[number][]) : null,
            })
          }
        >
          <option value="">Any stage</option>
          {LEAD_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {STAGE_LABELS[stage]}
            </option>
          ))}
          {/* Several stages (a dashboard funnel step links "this stage or further"). */}
          {state.stage && state.stage.length > 1 ? (
            <option value={state.stage.join(',')}>
              {state.stage.map((stage) => STAGE_LABELS[stage]).join(' or ')}
            </option>
          ) : null}
        </select>
      </FilterField>
      <FilterField label="Reached">
        <select
          className={filterControlClass}
          value={state.reached ?? ''}
          onChange={(event) => onChange({ reached: (event.target.value || null) as LeadViewState['reached'] })}
        >
          <option value="">Any step</option>
          {REACHED_STEPS.map((step) => (
            <option key={step} value={step}>
              {REACHED_LABELS[step]}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="Owner">
        <select
          className={filterControlClass}
          value={state.owner ?? ''}
          onChange={(event) => onChange({ owner: event.target.value || null })}
        >
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="unassigned">Unassigned</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="Country">
        <input
          className={filterControlClass}
          defaultValue={state.country?.join(', ') ?? ''}
          key={state.country?.join(',') ?? ''}
          placeholder="e.g. US, DE"
          onBlur={(event) => {
            const countries = event.target.value
              .split(',')
              .map((value) => value.trim())
              .filter(Boolean);
            onChange({ country: countries.length ? countries : null });
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur();
          }}
        />
      </FilterField>
      <FilterField label="SLA">
        <select
          className={filterControlClass}
          value={state.sla ?? ''}
          onChange={(event) => onChange({ sla: (event.target.value || null) as LeadViewState['sla'] })}
        >
          <option value="">Any</option>
          {SLA_FILTERS.map((sla) => (
            <option key={sla} value={sla}>
              {SLA_FILTER_LABELS[sla]}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="Do not contact">
        <select
          className={filterControlClass}
          value={state.dnc ?? ''}
          onChange={(event) => onChange({ dnc: (event.target.value || null) as LeadViewState['dnc'] })}
        >
          <option value="">Show all</option>
          {DNC_FILTERS.map((dnc) => (
            <option key={dnc} value={dnc}>
              {DNC_LABELS[dnc]}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label="Received">
        <select
          className={filterControlClass}
          value={customRange ? 'custom' : (state.received ?? '')}
          onChange={(event) => {
            const value = event.target.value;
            if (value === 'custom')
              return onChange({ received: null, from: state.from ?? dayInput(new Date(), timeZone) });
            onChange({ received: (value || null) as LeadViewState['received'], from: null, to: null });
          }}
        >
          <option value="">Any time</option>
          {RECEIVED_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {RECEIVED_LABELS[preset]}
            </option>
          ))}
          <option value="custom">Custom range…</option>
        </select>
      </FilterField>
      {customRange ? (
        <>
          <FilterField label="From">
            <DayInput
              className={filterControlClass}
              value={state.from?.slice(0, 10) ?? ''}
              onCommit={(from) => onChange({ from })}
            />
          </FilterField>
          <FilterField label="To (inclusive)">
            <DayInput
              className={filterControlClass}
              value={state.to?.slice(0, 10) ?? ''}
              onCommit={(to) => onChange({ to })}
            />
          </FilterField>
        </>
      ) : null}
      <label className="flex items-end gap-2 pb-2 text-sm">
        <input
          type="checkbox"
          className="size-4 accent-brand-600"
          checked={state.includeTest ?? false}
          onChange={(event) => onChange({ includeTest: event.target.checked || null })}
        />
        Include test leads
      </label>
    </div>
  );
}
