'use client';
// The managers' dashboard: global filters in the URL, then one card per panel, each fetching
// its own numbers. The URL is parsed with the same contract the API uses, so a bad link names
// its wrong parameter here exactly as GET /api/dashboard/{panel} would.
import { useSearchParams } from 'next/navigation';
import { useQueryStates } from 'nuqs';
import { useCallback, useEffect, useMemo } from 'react';
import { LinkProblems } from '@/components/ui/link-problems';
import { AppError } from '@/lib/errors';
import {
  dashboardParsers,
  dashboardQueryString,
  parseDashboardParams,
  type DashboardQuery,
} from '@/lib/dashboard/params';
import { autoBucket, isoDay, RANGE_LABELS } from '@/lib/dashboard/range';
import type { OfferOption } from '@/lib/offers/options';
import { CLEARABLE_KEYS, DashboardFilters, filtersActive, type DashboardPatch, type Person } from './dashboard-filters';
import { formatDay } from './format';
import { DashboardActions } from './panel-card';
import {
  AcquisitionPanelCard,
  CountriesPanelCard,
  HealthPanelCard,
  NurturePanelCard,
  OffersPanelCard,
  preloadCharts,
  RepsPanelCard,
  SlaPanelCard,
  SummaryPanelCard,
  TrendPanelCard,
} from './panels';

type Problem = { field: string; message: string };

const dayText = (day: number) => formatDay(isoDay(day));

function parse(search: string): { query: DashboardQuery; problems: null } | { query: null; problems: Problem[] } {
  try {
    return { query: parseDashboardParams(new URLSearchParams(search)), problems: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      query: null,
      problems: error.details?.length ? error.details : [{ field: '(query)', message: error.message }],
    };
  }
}

export function DashboardView({ offers, people }: { offers: OfferOption[]; people: Person[] }) {
  const [state, setState] = useQueryStates(dashboardParsers, { history: 'push', scroll: false });
  // The address bar as it is (unknown keys included): what the API would be asked.
  const search = useSearchParams().toString();
  const { query, problems } = useMemo(() => parse(search), [search]);

  const update = useCallback((patch: DashboardPatch) => void setState(patch), [setState]);
  const clear = useCallback(
    () => void setState(Object.fromEntries(CLEARABLE_KEYS.map((key) => [key, null]))),
    [setState],
  );
  const actions = useMemo(() => ({ clearFilters: filtersActive(state) ? clear : null }), [state, clear]);
  useEffect(preloadCharts, []);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {query ? (
            <>
              {query.range.preset === 'custom' ? 'Custom range' : RANGE_LABELS[query.range.preset]}:{' '}
              <span className="whitespace-nowrap">{dayText(query.range.fromDay)}</span> –{' '}
              <span className="whitespace-nowrap">{dayText(query.range.toDay - 1)}</span>, compared with the{' '}
              {query.range.days} {query.range.days === 1 ? 'day' : 'days'} before. Click any bar or step to open its
              leads.
            </>
          ) : (
            'How leads arrive, move through the funnel and get worked.'
          )}
        </p>
      </div>

      <DashboardFilters
        state={state}
        onChange={update}
        onClear={clear}
        offers={offers}
        people={people}
        resolved={query ? { from: isoDay(query.range.fromDay), to: isoDay(query.range.toDay - 1) } : null}
      />

      {query ? (
        <DashboardActions value={actions}>
          <DashboardPanels query={query} onChange={update} />
        </DashboardActions>
      ) : (
        <LinkProblems
          intro="This link has settings the dashboard cannot use:"
          problems={problems}
          resetHref="/dashboard"
          resetLabel="Reset the dashboard"
        />
      )}
    </div>
  );
}

function DashboardPanels({ query, onChange }: { query: DashboardQuery; onChange: (patch: DashboardPatch) => void }) {
  // Only the trend reads `bucket` and `by`: the other panels' URLs leave them out, so a toggle refetches the trend alone.
  const base = dashboardQueryString(query);
  const trendQuery = dashboardQueryString(query, {
    bucket: query.autoBucket ? null : query.bucket,
    by: query.by === 'source' ? null : query.by,
  });
  const wide = 'min-w-0 lg:col-span-2';
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <div className={wide}>
        <SummaryPanelCard query={base} />
      </div>
      <AcquisitionPanelCard query={base} />
      <NurturePanelCard query={base} />
      <div className={wide}>
        <TrendPanelCard
          query={trendQuery}
          controls={{
            by: query.by,
            bucket: query.autoBucket ? null : query.bucket,
            autoBucket: autoBucket(query.range.days),
            onBy: (by) => onChange({ by: by === 'source' ? null : by }),
            onBucket: (bucket) => onChange({ bucket }),
          }}
        />
      </div>
      <OffersPanelCard query={base} />
      <CountriesPanelCard query={base} />
      <div className={wide}>
        <SlaPanelCard query={base} />
      </div>
      <div className={wide}>
        <RepsPanelCard query={base} />
      </div>
      <div className={wide}>
        <HealthPanelCard query={base} />
      </div>
    </div>
  );
}
