'use client';
// Each dashboard panel: which endpoint it reads and how its rows are drawn. Charts are loaded
// on demand (next/dynamic, no SSR) so recharts stays out of the first bundle; the numbers a
// chart draws come from the very rows the table view and the CSV show.
import { ArrowDown, ArrowRight, ArrowUp, Hourglass, Minus, ShieldOff } from 'lucide-react';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import type { TrendSeries } from '@/lib/dashboard/params';
import type {
  AcquisitionPanel,
  Cell,
  CountriesPanel,
  HealthPanel,
  NurturePanel,
  OffersPanel,
  OtherGroup,
  PanelColumn,
  PanelRow,
  RepsPanel,
  SlaPanel,
  SummaryPanel,
  TrendPanel,
} from '@/lib/dashboard/panels';
import { IN_PROGRESS } from '@/lib/dashboard/compare';
import { BUCKETS, DAY_MS, type Bucket } from '@/lib/dashboard/range';
import { RelativeTime } from '@/components/time/time';
import { useTimeZone } from '@/components/time/time-provider';
import { formatCount, formatDayMonth, formatMonth } from '@/lib/format';
import { cn } from '@/lib/utils';
import { MUTED, seriesColor } from './colors';
import { formatCell, formatMinutes, formatShare, kindOf, numberOf } from './format';
import { PanelCard } from './panel-card';
import type { BarDatum } from './charts/horizontal-bars';
import type { SlaDatum } from './charts/sla-chart';
import type { TrendDatum } from './charts/trend-chart';

function ChartLoading({ height }: { height: number }) {
  return (
    <div
      role="status"
      aria-label="Loading chart"
      className="animate-pulse rounded-md bg-slate-100 dark:bg-slate-800"
      style={{ height }}
    />
  );
}

const loadHorizontalBars = () => import('./charts/horizontal-bars');
const loadTrendChart = () => import('./charts/trend-chart');
const loadSlaChart = () => import('./charts/sla-chart');

const HorizontalBars = dynamic(loadHorizontalBars, { ssr: false, loading: () => <ChartLoading height={160} /> });
const TrendChart = dynamic(loadTrendChart, { ssr: false, loading: () => <ChartLoading height={300} /> });
const SlaChart = dynamic(loadSlaChart, { ssr: false, loading: () => <ChartLoading height={260} /> });

/**
 * Starts loading the chart code while the panels' numbers are on their way, instead of after the
 * first answer arrives (the chunks stay out of the first load all the same).
 */
export function preloadCharts(): void {
  void Promise.all([loadHorizontalBars(), loadTrendChart(), loadSlaChart()]).catch(() => {
    // A chunk that fails here is loaded (and its failure shown) by the panel that needs it.
  });
}

const text = (value: Cell | undefined, fallback = '—') =>
  value === null || value === undefined || value === '' ? fallback : String(value);
const share = (value: Cell | undefined) => (typeof value === 'number' ? formatShare(value) : '—');

// ── Summary ───────────────────────────────────────────────────────────────────────────────────

export function SummaryPanelCard({ query }: { query: string }) {
  return (
    <PanelCard<SummaryPanel>
      panel="summary"
      title="Key figures"
      description="This range against the same number of days just before; outcomes only once both periods' leads have had time to settle."
      query={query}
      skeleton="kpis"
    >
      {(data) => (
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {data.rows.map((row) => (
            <li key={row.key}>
              <KpiCard row={row} columns={data.columns} />
            </li>
          ))}
        </ul>
      )}
    </PanelCard>
  );
}

function KpiCard({ row, columns }: { row: PanelRow; columns: PanelColumn[] }) {
  const column = (key: string): PanelColumn =>
    columns.find((item) => item.key === key) ?? { key, label: key, kind: 'count' };
  const timeZone = useTimeZone();
  const value = formatCell(row.cells.value, kindOf(column('value'), row), timeZone);
  const previous = formatCell(row.cells.previous, kindOf(column('previous'), row), timeZone);
  const change = row.cells.change;
  const changeText = formatCell(change, kindOf(column('change'), row), timeZone);
  const direction = typeof change === 'number' ? Math.sign(change) : 0;
  const better = direction !== 0 && direction > 0 !== Boolean(row.lowerIsBetter);
  const Arrow = direction > 0 ? ArrowUp : direction < 0 ? ArrowDown : Minus;
  const label = text(row.cells.metric, row.key);
  const note = text(row.cells.comparison, '');
  // An in-progress note opens with the badge's words; the card shows them as the badge.
  const rest = row.inProgress ? note.replace(new RegExp(`^${IN_PROGRESS}:\\s*`), '') : note;
  const explanation = rest.charAt(0).toUpperCase() + rest.slice(1);
  return (
    <div className="flex h-full flex-col gap-1 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {row.href ? (
          <Link href={row.href} className="hover:underline">
            {label}
          </Link>
        ) : (
          label
        )}
      </p>
      <p className="text-2xl font-semibold tabular-nums tracking-tight">{value}</p>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs">
        {row.inProgress ? (
          <span className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300">
            <Hourglass className="size-3" aria-hidden />
            {IN_PROGRESS}
          </span>
        ) : typeof change === 'number' ? (
          <span
            className={cn(
              'inline-flex items-center gap-0.5 font-medium tabular-nums',
              direction === 0
                ? 'text-slate-600 dark:text-slate-400'
                : better
                  ? 'text-emerald-700 dark:text-emerald-400'
                  : 'text-rose-700 dark:text-rose-400',
            )}
          >
            <Arrow className="size-3.5" aria-hidden />
            {changeText}
            <span className="sr-only">{direction === 0 ? ' (no change)' : better ? ' (better)' : ' (worse)'}</span>
          </span>
        ) : (
          <span className="text-slate-500 dark:text-slate-400">
            n/a<span className="sr-only"> (nothing to compare with)</span>
          </span>
        )}
        <span className="text-slate-500 dark:text-slate-400">
          vs <span className="tabular-nums">{previous}</span> before
        </span>
      </p>
      {explanation ? (
        <p data-comparison className="text-xs text-slate-500 dark:text-slate-400">
          {explanation}
        </p>
      ) : null}
    </div>
  );
}

// ── Acquisition funnel ────────────────────────────────────────────────────────────────────────

export function AcquisitionPanelCard({ query }: { query: string }) {
  return (
    <PanelCard<AcquisitionPanel>
      panel="acquisition"
      title="Acquisition funnel"
      description="How far leads went with the offer (their furthest step)."
      query={query}
      skeleton="bars"
      hasData={(data) => data.rows.some((row) => numberOf(row.cells.leads) > 0)}
      extra={(data) => <DoNotContactNotice notice={data.doNotContact} />}
    >
      {(data) => (
        <div className="flex flex-col gap-3">
          <HorizontalBars
            label="Acquisition funnel: leads at each step"
            valueLabel="Leads"
            data={data.rows.map((row, index) => ({
              key: row.key,
              label: text(row.cells.step, row.key),
              value: numberOf(row.cells.leads),
              note: formatCount(numberOf(row.cells.leads)),
              href: row.href,
              tooltip: [
                { label: 'Leads', value: formatCount(numberOf(row.cells.leads)) },
                ...(index > 0 ? [{ label: 'From the step before', value: share(row.cells.conversion) }] : []),
                { label: 'Of the first step', value: share(row.cells.ofFirst) },
              ],
            }))}
          />
          <StepConversions rows={data.rows} labelKey="step" valueKey="conversion" verb="went on" />
        </div>
      )}
    </PanelCard>
  );
}

/** DNC notices are not a funnel step: they are counted apart, with their own link. */
function DoNotContactNotice({ notice }: { notice: AcquisitionPanel['doNotContact'] }) {
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-md bg-slate-50 px-3 py-2 text-sm dark:bg-slate-800/50">
      <ShieldOff className="size-4 shrink-0 text-rose-600 dark:text-rose-400" aria-hidden />
      <span>
        <span className="font-medium tabular-nums">{formatCount(notice.leads)}</span>{' '}
        {notice.leads === 1 ? 'lead' : 'leads'} flagged do not contact. A lead that only sent the notice is not in the
        funnel; one that had reached a step stays counted there.
      </span>
      {notice.leads > 0 ? (
        <Link href={notice.href} className="font-medium text-brand-700 hover:underline dark:text-brand-100">
          View them
        </Link>
      ) : null}
    </p>
  );
}

/** Each row with the one before it. */
function steps(rows: PanelRow[]): [PanelRow, PanelRow][] {
  return rows.flatMap((row, index) => {
    const before = rows[index - 1];
    return before ? [[before, row] as [PanelRow, PanelRow]] : [];
  });
}

/** "Contact me → Test drive: 38% went on", one chip per step after the first. */
function StepConversions({
  rows,
  labelKey,
  valueKey,
  verb,
}: {
  rows: PanelRow[];
  labelKey: string;
  valueKey: string;
  verb: string;
}) {
  if (rows.length < 2) return null;
  return (
    <ul className="flex flex-wrap gap-2 text-xs" aria-label="Step-to-step conversion">
      {steps(rows).map(([before, row]) => (
        <li
          key={row.key}
          className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-2.5 py-1 text-brand-700 dark:bg-brand-700/20 dark:text-brand-100"
        >
          {text(before.cells[labelKey], before.key)}
          <ArrowRight className="size-3" aria-label="to" />
          {text(row.cells[labelKey], row.key)}:
          <span className="font-semibold tabular-nums">{share(row.cells[valueKey])}</span> {verb}
        </li>
      ))}
    </ul>
  );
}

// ── Nurture funnel ────────────────────────────────────────────────────────────────────────────

export function NurturePanelCard({ query }: { query: string }) {
  return (
    <PanelCard<NurturePanel>
      panel="nurture"
      title="Nurture funnel"
      description="How far reps took the leads, and how long each stage lasted."
      query={query}
      skeleton="bars"
    >
      {(data) => (
        <div className="flex flex-col gap-3">
          <HorizontalBars
            label="Nurture funnel: leads at each stage"
            valueLabel="Leads"
            data={data.rows.map((row, index) => ({
              key: row.key,
              label: text(row.cells.step, row.key),
              value: numberOf(row.cells.leads),
              note: formatCount(numberOf(row.cells.leads)),
              href: row.href,
              tooltip: [
                { label: 'Leads', value: formatCount(numberOf(row.cells.leads)) },
                ...(index > 0 ? [{ label: 'Dropped off before', value: share(row.cells.dropOff) }] : []),
                {
                  label: 'Median time in stage',
                  value: typeof row.cells.medianMinutes === 'number' ? formatMinutes(row.cells.medianMinutes) : '—',
                },
              ],
            }))}
          />
          <ol className="grid gap-1.5 text-xs text-slate-700 dark:text-slate-300">
            {steps(data.rows).map(([before, row]) => {
              const median = before.cells.medianMinutes;
              return (
                <li key={row.key} className="flex flex-wrap items-center gap-x-1.5">
                  <span className="font-medium">{text(before.cells.step, before.key)}</span>
                  <ArrowRight className="size-3" aria-label="to" />
                  <span className="font-medium">{text(row.cells.step, row.key)}</span>
                  <span className="text-slate-500 dark:text-slate-400">·</span>
                  <span>
                    <span
                      className={cn(
                        'font-semibold tabular-nums',
                        typeof row.cells.dropOff === 'number' &&
                          row.cells.dropOff > 0 &&
                          'text-rose-700 dark:text-rose-400',
                      )}
                    >
                      {share(row.cells.dropOff)}
                    </span>{' '}
                    dropped off
                  </span>
                  <span className="text-slate-500 dark:text-slate-400">·</span>
                  <span>
                    median{' '}
                    <span className="tabular-nums">{typeof median === 'number' ? formatMinutes(median) : '—'}</span> in{' '}
                    {text(before.cells.step, before.key)}
                  </span>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </PanelCard>
  );
}

// ── Leads over time ───────────────────────────────────────────────────────────────────────────

const BUCKET_LABELS: Record<Bucket, string> = { day: 'Day', week: 'Week', month: 'Month' };

/** A short axis label for a bucket: `23 Nov` for days and weeks, `Nov 2026` for months (calendar days: UTC midnights). */
function bucketTick(bucket: Bucket, start: Cell | undefined, fallback: string): string {
  let date: Date | null = null;
  if (typeof start === 'string' && /^\d{4}-\d{2}-\d{2}/.test(start)) date = new Date(`${start.slice(0, 10)}T00:00:00Z`);
  else if (typeof start === 'number') date = new Date(start < 1e7 ? start * DAY_MS : start);
  if (!date || Number.isNaN(date.getTime())) return fallback.replace(/^Week of /, '');
  return bucket === 'month' ? formatMonth(date, 'UTC') : formatDayMonth(date, 'UTC');
}

type TrendControls = {
  by: TrendSeries;
  bucket: Bucket | null;
  autoBucket: Bucket;
  onBy: (by: TrendSeries) => void;
  onBucket: (bucket: Bucket | null) => void;
};

export function TrendPanelCard({ query, controls }: { query: string; controls: TrendControls }) {
  return (
    <PanelCard<TrendPanel>
      panel="trend"
      title={controls.by === 'action' ? 'Leads over time by furthest action' : 'Leads over time by source'}
      description={
        controls.by === 'action'
          ? `New leads per ${controls.bucket ?? controls.autoBucket}, each under the furthest step it reached.`
          : `New leads per ${controls.bucket ?? controls.autoBucket}; a lead counts under every source it came through.`
      }
      query={query}
      skeleton="chart"
      toolbar={() => <TrendToolbar {...controls} />}
    >
      {(data) => {
        const series = data.series.map((item, index) => ({ ...item, color: seriesColor(item.key, index) }));
        const trend: TrendDatum[] = data.rows.map((row) => ({
          key: row.key,
          label: text(row.cells.bucket, row.key),
          tick: bucketTick(data.bucket, row.cells.start, text(row.cells.bucket, row.key)),
          total: numberOf(row.cells.total),
          href: row.href,
          hrefs: row.hrefs ?? {},
          values: Object.fromEntries(series.map((item) => [item.key, numberOf(row.cells[item.key])])),
        }));
        return (
          <TrendChart
            label={
              data.stacked
                ? `New leads per ${data.bucket}, stacked by furthest action`
                : `New leads per ${data.bucket} by source (a lead counts under each source it came through)`
            }
            data={trend}
            series={series}
            stacked={data.stacked}
          />
        );
      }}
    </PanelCard>
  );
}

function TrendToolbar({ by, bucket, autoBucket, onBy, onBucket }: TrendControls) {
  return (
    <>
      <div
        role="group"
        aria-label="Stack by"
        className="inline-flex rounded-md border border-slate-300 p-0.5 dark:border-slate-700"
      >
        {(['source', 'action'] as const).map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={by === value}
            onClick={() => onBy(value)}
            className={cn(
              'rounded px-2 py-0.5 text-xs',
              by === value
                ? 'bg-brand-600 font-medium text-white'
                : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
            )}
          >
            By {value}
          </button>
        ))}
      </div>
      <label className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
        <span className="sr-only">Bucket</span>
        <select
          className="h-7 rounded-md border border-slate-300 bg-white px-1.5 text-xs text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
          value={bucket ?? ''}
          onChange={(event) => onBucket((event.target.value || null) as Bucket | null)}
        >
          <option value="">Auto ({BUCKET_LABELS[autoBucket].toLowerCase()})</option>
          {BUCKETS.map((value) => (
            <option key={value} value={value}>
              By {BUCKET_LABELS[value].toLowerCase()}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

// ── By offer, by country ──────────────────────────────────────────────────────────────────────

export function OffersPanelCard({ query }: { query: string }) {
  return (
    <PanelCard<OffersPanel>
      panel="offers"
      title="Leads by offer"
      description="The ten offers with most leads, and the share of them won."
      query={query}
      skeleton="bars"
    >
      {(data) => (
        <div className="flex flex-col gap-2">
          <HorizontalBars
            label="Leads by offer"
            valueLabel="Leads"
            data={data.rows
              .filter((row) => row.key !== 'other')
              .map((row): BarDatum => ({
                key: row.key,
                label: text(row.cells.offer, row.key),
                value: numberOf(row.cells.leads),
                note: `${formatCount(numberOf(row.cells.leads))} · ${share(row.cells.wonRate)} won`,
                href: row.href,
                color: row.href ? undefined : MUTED,
                tooltip: [
                  { label: 'Leads', value: formatCount(numberOf(row.cells.leads)) },
                  { label: 'Won', value: formatCount(numberOf(row.cells.won)) },
                  { label: 'Won rate', value: share(row.cells.wonRate) },
                ],
              }))}
          />
          <OthersLine others={data.others} noun={['other offer', 'other offers']} />
        </div>
      )}
    </PanelCard>
  );
}

export function CountriesPanelCard({ query }: { query: string }) {
  return (
    <PanelCard<CountriesPanel>
      panel="countries"
      title="Leads by country"
      description="The ten countries with most leads, as Microsoft reports them."
      query={query}
      skeleton="bars"
    >
      {(data) => (
        <div className="flex flex-col gap-2">
          <HorizontalBars
            label="Leads by country"
            valueLabel="Leads"
            data={data.rows
              .filter((row) => row.key !== 'other')
              .map((row): BarDatum => ({
                key: row.key,
                label: text(row.cells.country, 'Unknown'),
                value: numberOf(row.cells.leads),
                note: `${formatCount(numberOf(row.cells.leads))} · ${share(row.cells.share)}`,
                href: row.href,
                color: row.href ? undefined : MUTED,
                tooltip: [
                  { label: 'Leads', value: formatCount(numberOf(row.cells.leads)) },
                  { label: 'Share of all', value: share(row.cells.share) },
                ],
              }))}
          />
          <OthersLine others={data.others} noun={['other country', 'other countries']} />
        </div>
      )}
    </PanelCard>
  );
}

/**
 * The values past the top ten, in words under the chart: as a bar their sum would dwarf the
 * values it is drawn beside, and no single table filter holds them.
 */
function OthersLine({ others, noun }: { others: OtherGroup | null; noun: [one: string, many: string] }) {
  if (!others) return null;
  return (
    <p
      data-others
      className="flex flex-wrap items-baseline gap-x-2 border-t border-slate-100 pt-2 text-sm text-slate-700 dark:border-slate-800 dark:text-slate-300"
    >
      <span>
        <span className="font-medium tabular-nums">{formatCount(others.count)}</span>{' '}
        {others.count === 1 ? noun[0] : noun[1]}:{' '}
        <span className="font-medium tabular-nums">{formatCount(others.leads)}</span>{' '}
        {others.leads === 1 ? 'lead' : 'leads'}
      </span>
      <span className="text-xs text-slate-500 dark:text-slate-400">(not drawn: the chart shows the top ten)</span>
      <Link href={others.href} className="text-xs font-medium text-brand-700 hover:underline dark:text-brand-100">
        Browse all in the leads table
      </Link>
    </p>
  );
}

// ── Follow-up SLA ─────────────────────────────────────────────────────────────────────────────

export function SlaPanelCard({ query }: { query: string }) {
  return (
    <PanelCard<SlaPanel>
      panel="sla"
      title="First touch within 24 hours"
      description="Share of each week's leads first touched within 24 hours (do-not-contact leads do not count)."
      query={query}
      skeleton="chart"
      hasData={(data) => data.rows.some((row) => numberOf(row.cells.eligible) > 0)}
      extra={(data) => <BreachingList breaching={data.breaching} />}
    >
      {(data) => (
        <SlaChart
          data={data.rows.map((row): SlaDatum => ({
            key: row.key,
            label: text(row.cells.week, row.key),
            tick: bucketTick('week', row.cells.start, text(row.cells.week, row.key)),
            eligible: numberOf(row.cells.eligible),
            touched: numberOf(row.cells.touchedIn24h),
            share: typeof row.cells.share === 'number' ? row.cells.share : null,
            href: row.href,
          }))}
        />
      )}
    </PanelCard>
  );
}

function BreachingList({ breaching }: { breaching: SlaPanel['breaching'] }) {
  return (
    <div className="min-w-0 border-t border-slate-100 pt-4 dark:border-slate-800">
      <h3 className="flex items-center justify-between gap-2 text-sm font-semibold">
        <span>
          Breaching now{' '}
          <span className="font-normal text-slate-500 dark:text-slate-400">({formatCount(breaching.total)})</span>
        </span>
        {breaching.total > 0 ? (
          <Link
            href={breaching.href}
            className="text-xs font-medium text-brand-700 hover:underline dark:text-brand-100"
          >
            View all {formatCount(breaching.total)}
          </Link>
        ) : null}
      </h3>
      {breaching.leads.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          No lead is waiting past 24 hours for a first touch.
        </p>
      ) : (
        <ul className="mt-1 grid grid-cols-1 text-sm lg:grid-cols-2 lg:gap-x-8">
          {breaching.leads.map((lead) => {
            const received = new Date(lead.receivedAt);
            const detail = [lead.company, lead.offer].filter(Boolean).join(' · ');
            return (
              <li
                key={lead.id}
                className="flex min-w-0 items-start justify-between gap-3 border-b border-slate-100 py-2 dark:border-slate-800"
              >
                <div className="min-w-0">
                  <Link
                    href={`/leads/${lead.id}`}
                    className="block truncate font-medium hover:underline"
                    title={lead.name}
                  >
                    {lead.name || `Lead ${lead.id}`}
                  </Link>
                  {detail ? (
                    <p className="truncate text-xs text-slate-600 dark:text-slate-400" title={detail}>
                      {detail}
                    </p>
                  ) : null}
                </div>
                <div className="shrink-0 text-right text-xs">
                  <RelativeTime date={received} className="block text-rose-700 dark:text-rose-400" />
                  <span className="text-slate-500 dark:text-slate-400">{lead.owner ?? 'Unassigned'}</span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

// ── Rep leaderboard, connection health ────────────────────────────────────────────────────────

export function RepsPanelCard({ query }: { query: string }) {
  return (
    <PanelCard<RepsPanel>
      panel="reps"
      title="Rep leaderboard"
      description="Leads received in this range that each rep owns now, and what became of them. Time to first touch counts from arrival."
      query={query}
      skeleton="table"
      hasData={(data) => data.rows.length > 0}
      emptyMessage="No lead in this range is assigned to anyone — widen the range or clear filters."
    >
      {(data) => <Leaderboard columns={data.columns} rows={data.rows} ranked />}
    </PanelCard>
  );
}

export function HealthPanelCard({ query }: { query: string }) {
  return (
    <PanelCard<HealthPanel>
      panel="health"
      title="Connection health"
      description="Every offer's lead traffic, all time (only the offer filter applies)."
      query={query}
      skeleton="table"
      hasData={(data) => data.rows.length > 0}
      emptyMessage="No offer has sent a lead or a test lead yet."
    >
      {(data) => (
        <div className="flex flex-col gap-2">
          <p className="text-xs text-slate-600 dark:text-slate-400">
            An offer is flagged when no lead has arrived for {data.quietAfterDays} days: check its connection in Partner
            Center.
          </p>
          <Leaderboard columns={data.columns} rows={data.rows} />
        </div>
      )}
    </PanelCard>
  );
}

/** A readable table of a panel: share bars, relative dates, warning rows marked. */
function Leaderboard({
  columns,
  rows,
  ranked = false,
}: {
  columns: PanelColumn[];
  rows: PanelRow[];
  ranked?: boolean;
}) {
  const numeric = (column: PanelColumn) => column.kind !== 'text' && column.kind !== 'date';
  const [first, ...rest] = columns;
  // A state badge (connection health) sits beside the name on a phone, not on a line of its own.
  const badge = rest.find((column) => column.key === 'state');
  const details = rest.filter((column) => column !== badge);
  return (
    <>
      {/* Phones: one card per row, every figure labelled, nothing to scroll sideways. */}
      <ol className="flex flex-col divide-y divide-slate-100 sm:hidden dark:divide-slate-800">
        {rows.map((row, index) => (
          <li key={row.key} className={cn('py-2.5', row.warning && 'bg-amber-50 dark:bg-amber-500/10')}>
            <div className="flex min-w-0 items-center gap-2">
              {ranked ? (
                <span className="w-5 shrink-0 text-xs tabular-nums text-slate-500 dark:text-slate-400">
                  {index + 1}
                </span>
              ) : null}
              {first ? <LeaderboardCell column={first} row={row} first /> : null}
              {badge ? (
                <span className="ml-auto shrink-0">
                  <LeaderboardCell column={badge} row={row} first={false} compact />
                </span>
              ) : null}
            </div>
            <dl className={cn('mt-1.5 grid grid-cols-3 gap-x-3 gap-y-2 text-xs', ranked && 'pl-7')}>
              {details.map((column) => (
                <div key={column.key} className="flex min-w-0 flex-col">
                  <dt className="text-[11px] leading-tight text-slate-500 dark:text-slate-400">{column.label}</dt>
                  <dd className={cn('font-medium', numeric(column) && 'tabular-nums')}>
                    <LeaderboardCell column={column} row={row} first={false} compact />
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
      <div className="-mx-5 hidden overflow-x-auto px-5 sm:block">
        <table className="w-full min-w-max text-left text-sm">
          <thead className="border-b border-slate-200 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
            <tr>
              {ranked ? (
                <th scope="col" className="w-8 py-2 pr-2 font-medium">
                  #
                </th>
              ) : null}
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className={cn(
                    'whitespace-nowrap px-2 py-2 font-medium first:pl-0 last:pr-0',
                    numeric(column) && 'text-right',
                  )}
                >
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.map((row, index) => (
              <tr key={row.key} className={cn(row.warning && 'bg-amber-50 dark:bg-amber-500/10')}>
                {ranked ? (
                  <td className="py-2 pr-2 tabular-nums text-slate-500 dark:text-slate-400">{index + 1}</td>
                ) : null}
                {columns.map((column, columnIndex) => (
                  <td
                    key={column.key}
                    className={cn(
                      'px-2 py-2 align-middle first:pl-0 last:pr-0',
                      numeric(column) && 'whitespace-nowrap text-right tabular-nums',
                    )}
                  >
                    <LeaderboardCell column={column} row={row} first={columnIndex === 0} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function LeaderboardCell({
  column,
  row,
  first,
  compact = false,
}: {
  column: PanelColumn;
  row: PanelRow;
  first: boolean;
  /** In a phone's card: no share bar, the text alone. */
  compact?: boolean;
}): ReactNode {
  const timeZone = useTimeZone();
  const value = row.cells[column.key];
  const kind = kindOf(column, row);
  if (first) {
    const label = text(value);
    return (
      <span className="flex min-w-0 items-center gap-2">
        {row.href ? (
          <Link
            href={row.href}
            className="block max-w-64 truncate font-medium text-brand-700 hover:underline dark:text-brand-100"
            title={label}
          >
            {label}
          </Link>
        ) : (
          <span className="block max-w-64 truncate font-medium" title={label}>
            {label}
          </span>
        )}
        {row.warning ? <Badge tone="warning">Needs attention</Badge> : null}
      </span>
    );
  }
  if (kind === 'share' && typeof value === 'number') {
    if (compact) return formatShare(value);
    return (
      <span className="inline-flex items-center justify-end gap-2">
        <span
          aria-hidden
          className="hidden h-1.5 w-16 overflow-hidden rounded-full bg-slate-100 sm:block dark:bg-slate-800"
        >
          <span
            className="block h-full rounded-full bg-brand-500"
            style={{ width: `${Math.min(100, Math.max(0, value * 100))}%` }}
          />
        </span>
        {formatShare(value)}
      </span>
    );
  }
  if (kind === 'date') {
    if (typeof value !== 'string' || !value) return <span className="text-slate-500 dark:text-slate-400">Never</span>;
    return <RelativeTime date={new Date(value)} />;
  }
  if (column.key === 'state') {
    return <Badge tone={row.warning ? 'warning' : row.cells.lastLeadAt ? 'success' : 'neutral'}>{text(value)}</Badge>;
  }
  return formatCell(value, kind, timeZone);
}
