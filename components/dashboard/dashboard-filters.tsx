'use client';
// The dashboard's global filters. Every change is written to the URL (lib/dashboard/params.ts
// parsers), so a view can be shared and back/forward walk through it.
import { X } from 'lucide-react';
import { DayInput } from '@/components/time/date-time-field';
import { Button } from '@/components/ui/button';
import { FilterField, filterControlClass } from '@/components/ui/form';
import type { DashboardState } from '@/lib/dashboard/params';
import { parseIsoDay, RANGE_LABELS, RANGE_PRESETS, type RangePreset } from '@/lib/dashboard/range';
import { COUNTRIES, countryFromInput, countryLabel } from '@/lib/marketplace/country';
import { ACTION_LABELS, LEAD_ACTIONS, LEAD_SOURCES, SOURCE_LABELS } from '@/lib/marketplace/vocabulary';
import type { OfferOption } from '@/lib/offers/options';

export type Person = { id: string; name: string };
export type DashboardPatch = Partial<DashboardState>;

/** The keys "Clear filters" resets (the trend's series choice is a way of looking, not a filter). */
export const CLEARABLE_KEYS = [
  'range',
  'from',
  'to',
  'source',
  'action',
  'offer',
  'owner',
  'country',
  'bucket',
] as const satisfies readonly (keyof DashboardState)[];

export function filtersActive(state: DashboardState): boolean {
  return CLEARABLE_KEYS.some((key) => state[key] !== null);
}

type Props = {
  state: DashboardState;
  onChange: (patch: DashboardPatch) => void;
  onClear: () => void;
  offers: OfferOption[];
  people: Person[];
  /** The days the current range resolves to, to seed the custom range's inputs. */
  resolved: { from: string; to: string } | null;
};

export function DashboardFilters({ state, onChange, onClear, offers, people, resolved }: Props) {
  const preset: RangePreset = state.range ?? (state.from !== null || state.to !== null ? 'custom' : '30d');
  const today = new Date().toISOString().slice(0, 10);

  return (
    <form
      role="search"
      aria-label="Dashboard filters"
      className="flex flex-col gap-3"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        <FilterField label="Date range">
          <select
            className={filterControlClass}
            value={preset}
            onChange={(event) => {
              const value = event.target.value as RangePreset;
              // A new range picks its own bucket again.
              if (value === 'custom')
                onChange({ range: 'custom', from: resolved?.from ?? today, to: resolved?.to ?? today, bucket: null });
              else onChange({ range: value === '30d' ? null : value, from: null, to: null, bucket: null });
            }}
          >
            {RANGE_PRESETS.map((value) => (
              <option key={value} value={value}>
                {value === 'custom' ? `${RANGE_LABELS[value]}…` : RANGE_LABELS[value]}
              </option>
            ))}
          </select>
        </FilterField>
        {preset === 'custom' ? (
          <>
            <FilterField label="From (UTC)">
              <DayInput
                className={filterControlClass}
                value={dateValue(state.from)}
                onCommit={(value) => onChange({ from: value, bucket: null })}
              />
            </FilterField>
            <FilterField label="To (UTC)">
              <DayInput
                className={filterControlClass}
                value={dateValue(state.to)}
                onCommit={(value) => onChange({ to: value, bucket: null })}
              />
            </FilterField>
          </>
        ) : null}
        <FilterField label="Source">
          <select
            className={filterControlClass}
            value={state.source ?? ''}
            onChange={(event) => onChange({ source: event.target.value || null })}
          >
            <option value="">Any source</option>
            {LEAD_SOURCES.map((source) => (
              <option key={source} value={source}>
                {SOURCE_LABELS[source]}
              </option>
            ))}
            <Unlisted value={state.source} known={LEAD_SOURCES} />
          </select>
        </FilterField>
        <FilterField label="Action">
          <select
            className={filterControlClass}
            value={state.action ?? ''}
            onChange={(event) => onChange({ action: event.target.value || null })}
          >
            <option value="">Any action</option>
            {LEAD_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {ACTION_LABELS[action]}
              </option>
            ))}
            <Unlisted value={state.action} known={LEAD_ACTIONS} />
          </select>
        </FilterField>
        <FilterField label="Offer">
          <select
            className={filterControlClass}
            value={state.offer ?? ''}
            onChange={(event) => onChange({ offer: event.target.value || null })}
          >
            <option value="">Any offer</option>
            {offers.map((offer) => (
              <option key={offer.key} value={offer.key} title={offer.label}>
                {offer.label}
              </option>
            ))}
            <Unlisted value={state.offer} known={offers.map((offer) => offer.key)} />
          </select>
        </FilterField>
        <FilterField label="Owner">
          <select
            className={filterControlClass}
            value={state.owner ?? ''}
            onChange={(event) => onChange({ owner: event.target.value || null })}
          >
            <option value="">Anyone</option>
            <option value="unassigned">Unassigned</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
            <Unlisted value={state.owner} known={['unassigned', ...people.map((person) => person.id)]} />
          </select>
        </FilterField>
        <FilterField label="Country">
          <input
            className={filterControlClass}
            // Remount when the URL changes (back/forward, clear) so the box shows the URL's value.
            key={state.country ?? ''}
            defaultValue={state.country ? countryLabel(state.country) : ''}
            placeholder="e.g. US or Germany"
            maxLength={200}
            autoComplete="off"
            list="dashboard-countries"
            onBlur={(event) => {
              // Leads store countries as codes: a name or a label typed here finds them.
              const country = countryFromInput(event.target.value);
              if (country !== (state.country ?? null)) onChange({ country });
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.currentTarget.blur();
            }}
          />
          <datalist id="dashboard-countries">
            {COUNTRIES.map((country) => (
              <option key={country.code} value={countryLabel(country.code)} />
            ))}
          </datalist>
        </FilterField>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        {filtersActive(state) ? (
          <Button type="button" variant="secondary" size="sm" onClick={onClear}>
            <X aria-hidden />
            Clear filters
          </Button>
        ) : null}
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Test leads (Partner Center&rsquo;s connection checks) are always left out. Dates are whole days in UTC.
        </p>
      </div>
    </form>
  );
}

/** A date input takes only a real `YYYY-MM-DD`; a bad one from a link shows empty (the problem box says why). */
const dateValue = (value: string | null): string => (value && parseIsoDay(value) !== null ? value : '');

/** A value from a shared link that is not in the list still shows as selected. */
function Unlisted({ value, known }: { value: string | null; known: readonly string[] }) {
  if (!value || known.includes(value)) return null;
  return <option value={value}>{value}</option>;
}
