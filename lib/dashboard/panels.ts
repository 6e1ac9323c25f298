// What each dashboard panel returns: a table (columns + rows) that is at once the chart's data,
// the "view as table" numbers and the CSV download. One shape for every panel.
import type { TrendSeries } from './params';
import type { Bucket } from './range';

export const PANELS = [
  'summary',
  'acquisition',
  'nurture',
  'trend',
  'offers',
  'countries',
  'sla',
  'reps',
  'health',
] as const;
export type PanelName = (typeof PANELS)[number];

/**
 * How a cell reads: counts are whole numbers; shares are fractions 0..1 (null when there is
 * nothing to divide by); durations are whole minutes; dates are ISO strings.
 */
export type CellKind = 'text' | 'count' | 'share' | 'minutes' | 'date' | 'change' | 'points';
// change: relative change as a fraction (0.25 = +25 %); points: a difference of two shares.
export type Cell = string | number | null;
export type PanelColumn = { key: string; label: string; kind: CellKind };

export type PanelRow = {
  /** Stable id of the row (a metric, step, bucket start, offer key, user id…). */
  key: string;
  cells: Record<string, Cell>;
  /** The leads table with exactly this row's leads (absent when no table filter can say it). */
  href?: string;
  /** Per series (trend): the leads behind one segment of the bar. */
  hrefs?: Record<string, string>;
  /** Per-row kind override for a column whose kind varies by row (summary's value column). */
  kinds?: Record<string, CellKind>;
  /** Lower is better for this row (summary: time to first touch). */
  lowerIsBetter?: boolean;
  /**
   * Summary: an outcome still moving for this period's leads (younger than the previous
   * period's), so its change is left out and no better/worse is claimed.
   */
  inProgress?: boolean;
  /** Needs attention (health: an offer gone quiet). */
  warning?: boolean;
};

export type PanelBase<Name extends PanelName, Extra = unknown> = {
  panel: Name;
  title: string;
  columns: PanelColumn[];
  rows: PanelRow[];
  /** Milliseconds the server spent computing it. */
  serverMs: number;
} & Extra;

export type SummaryPanel = PanelBase<'summary'>;
export type AcquisitionPanel = PanelBase<'acquisition', { doNotContact: { leads: number; href: string } }>;
export type NurturePanel = PanelBase<'nurture'>;
export type TrendPanel = PanelBase<
  'trend',
  {
    bucket: Bucket;
    autoBucket: boolean;
    by: TrendSeries;
    /** True when every lead counts in exactly one series (the bars stack to the total). */
    stacked: boolean;
    series: { key: string; label: string }[];
  }
>;
/**
 * The values past the top ten, summed (also the table's last row, `other`): drawn apart from the
 * chart, whose scale is per value. `href` is the leads table with these filters and no
 * offer/country filter, where the rest can be sorted and narrowed.
 */
export type OtherGroup = { count: number; leads: number; href: string };
export type OffersPanel = PanelBase<'offers', { others: OtherGroup | null }>;
export type CountriesPanel = PanelBase<'countries', { others: OtherGroup | null }>;
export type SlaPanel = PanelBase<
  'sla',
  {
    breaching: {
      total: number;
      href: string;
      leads: {
        id: number;
        name: string;
        company: string | null;
        offer: string | null;
        receivedAt: string;
        owner: string | null;
      }[];
    };
  }
>;
export type RepsPanel = PanelBase<'reps'>;
export type HealthPanel = PanelBase<'health', { quietAfterDays: number }>;

export type PanelData =
  | SummaryPanel
  | AcquisitionPanel
  | NurturePanel
  | TrendPanel
  | OffersPanel
  | CountriesPanel
  | SlaPanel
  | RepsPanel
  | HealthPanel;

/*
 * The panels' columns (keys in cells):
 * - summary: metric, value, previous, change, comparison (what is compared, in words). Row keys
 *   newLeads, touchedIn24h, medianFirstTouch, qualified, won, conversion; `kinds` says how
 *   value/previous/change read on each row; outcome rows still in progress have no change.
 * - acquisition: step, leads, conversion (from the step before), ofFirst. Rows contact_me,
 *   test_drive, acquired (leads whose furthest stage is at least that step).
 * - nurture: step, leads, dropOff (share of the step before that did not get here), medianMinutes
 *   (median time spent in this step before the next one). Rows new, contacted, qualified, won.
 * - trend: bucket, start, total, then one column per series (`series` lists key and label). By
 *   action the series are the furthest stage (they add up: `stacked`); by source they overlap.
 * - offers: offer, leads, won, wonRate (top 10, then "Other offers").
 * - countries: country (name and code, "United States (US)"; unknown values as stored), leads,
 *   share (top 10, then "Other countries"). Row keys are the stored values.
 * - sla: week, start, eligible, touchedIn24h, share; `breaching` lists leads overdue now.
 * - reps: rep, assigned, touchedInSla, medianMinutes, qualified, won.
 * - health: offer, leads, lastLeadAt, lastTestLeadAt, state (rows with `warning` went quiet).
 */
