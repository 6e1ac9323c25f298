'use client';
// Shared pieces of the dashboard's recharts charts. Only chart modules import this file, and
// they are loaded with next/dynamic, so recharts never lands in the page's first bundle.
import type { ReactNode } from 'react';
import type { TooltipContentProps } from 'recharts';
import { cn } from '@/lib/utils';
import { truncate } from '../format';

/**
 * Colours of axes, grid and labels for light and dark mode: CSS beats recharts' presentation
 * attributes, so these classes restyle every chart without passing colours around.
 */
export function ChartFrame({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <figure
      className={cn(
        'm-0 w-full min-w-0 text-xs',
        '[&_.recharts-cartesian-axis-tick-value]:fill-slate-600 dark:[&_.recharts-cartesian-axis-tick-value]:fill-slate-400',
        '[&_.recharts-cartesian-grid_line]:stroke-slate-200 dark:[&_.recharts-cartesian-grid_line]:stroke-slate-800',
        '[&_.recharts-cartesian-axis-line]:stroke-slate-300 dark:[&_.recharts-cartesian-axis-line]:stroke-slate-700',
        '[&_.recharts-cartesian-axis-tick-line]:stroke-slate-300 dark:[&_.recharts-cartesian-axis-tick-line]:stroke-slate-700',
        '[&_.recharts-label-list-note]:fill-slate-700 dark:[&_.recharts-label-list-note]:fill-slate-300',
        '[&_.recharts-legend-item-text]:text-slate-700! dark:[&_.recharts-legend-item-text]:text-slate-300!',
        '[&_.recharts-surface]:outline-none',
        className,
      )}
    >
      {/* A caption, not aria-label: "Leads by offer" must not answer to the Offer filter's label. */}
      <figcaption className="sr-only">{label}</figcaption>
      {children}
    </figure>
  );
}

export type TooltipLine = { label: string; value: string; color?: string };

/** A tooltip that matches the app's cards in both colour schemes. */
export function ChartTooltip<Datum>({
  active,
  payload,
  title,
  lines,
  linked = (item) =>
    Boolean((item as { href?: string }).href || Object.keys((item as { hrefs?: object }).hrefs ?? {}).length),
}: Pick<TooltipContentProps<number | string, string>, 'active' | 'payload'> & {
  title: (datum: Datum) => string;
  lines: (datum: Datum) => TooltipLine[];
  /** Whether clicking this datum opens its leads (default: when it carries an href). */
  linked?: (datum: Datum) => boolean;
}) {
  const datum = payload?.[0]?.payload as Datum | undefined;
  if (!active || !datum) return null;
  return (
    <div className="max-w-72 rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-lg dark:border-slate-700 dark:bg-slate-900">
      <p className="mb-1 font-medium text-slate-900 dark:text-slate-100">{title(datum)}</p>
      <dl className="grid grid-cols-[auto_auto] gap-x-3 gap-y-0.5">
        {lines(datum).map((line) => (
          <div key={line.label} className="contents">
            <dt className="flex items-center gap-1.5 text-slate-600 dark:text-slate-400">
              {line.color ? (
                <span aria-hidden className="inline-block size-2 rounded-sm" style={{ backgroundColor: line.color }} />
              ) : null}
              {line.label}
            </dt>
            <dd className="text-right tabular-nums text-slate-900 dark:text-slate-100">{line.value}</dd>
          </div>
        ))}
      </dl>
      {linked(datum) ? (
        <p className="mt-1.5 text-[11px] text-slate-500 dark:text-slate-400">Click to open these leads</p>
      ) : null}
    </div>
  );
}

let context: CanvasRenderingContext2D | null | undefined;

/** The width of a line of chart text (12 px, the page's font), measured, or estimated without a canvas. */
export function textWidth(text: string): number {
  if (context === undefined && typeof document !== 'undefined') {
    context = document.createElement('canvas').getContext('2d');
    if (context) context.font = `12px ${getComputedStyle(document.body).fontFamily}`;
  }
  return context ? context.measureText(text).width : text.length * 7.2;
}

/** The text cut with an ellipsis to fit `maxWidth` pixels. */
export function fitText(text: string, maxWidth: number): string {
  if (textWidth(text) <= maxWidth) return text;
  let low = 1;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (textWidth(truncate(text, mid)) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return truncate(text, low);
}

/** A category-axis tick whose long text is cut to fit, with the whole text as its SVG title. */
export function TruncatedTick({
  x,
  y,
  payload,
  maxWidth,
}: {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
  maxWidth: number;
}) {
  const text = String(payload?.value ?? '');
  return (
    <text x={x} y={y} dy={4} textAnchor="end" className="recharts-cartesian-axis-tick-value">
      <title>{text}</title>
      {fitText(text, maxWidth)}
    </text>
  );
}

/** Cursor band behind a hovered bar: translucent, so it works in both colour schemes. */
export const BAR_CURSOR = { fill: 'rgba(148, 163, 184, 0.15)' };
