'use client';
// The weekly first-touch SLA as two charts, one scale each: the share of the week's leads first
// touched within 24 hours (0–100 %), and how many leads that share is of (counts, split into in
// time and late). Sharing one axis made the counts read as percentages. A week's bar opens its leads.
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '@/lib/format';
import { BRAND } from '../colors';
import { formatShare } from '../format';
import { BAR_CURSOR, ChartFrame, ChartTooltip } from './chart-kit';

export type SlaDatum = {
  key: string;
  label: string;
  tick: string;
  eligible: number;
  touched: number;
  /** null when no lead counted that week: no bar. */
  share: number | null;
  href?: string;
};

/** Late first touches: a warm tone that reads on white and on slate-900. */
const LATE = '#f59e0b';

export default function SlaChart({ data }: { data: SlaDatum[] }) {
  const router = useRouter();
  const open = (bar: { payload?: unknown }) => {
    const href = (bar.payload as SlaDatum | undefined)?.href;
    if (href) router.push(href);
  };
  const rows = data.map((datum) => ({ ...datum, late: Math.max(0, datum.eligible - datum.touched) }));
  const axis = [
    <CartesianGrid key="grid" vertical={false} strokeDasharray="3 3" />,
    // A few weeks: every week named; more: as many as fit, the first and last kept.
    <XAxis
      key="x"
      dataKey="tick"
      tickLine={false}
      minTickGap={8}
      interval={data.length <= 6 ? 0 : 'preserveStartEnd'}
    />,
  ];
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <SlaFigure
        title="% first touched within 24 h"
        caption="Share of each week's leads due a first touch that got one within 24 hours."
      >
        <ChartFrame label="Share of each week's leads first touched within 24 hours, 0 to 100 percent">
          <ResponsiveContainer width="100%" height={200}>
            <BarChart data={rows} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
              {axis}
              <YAxis
                domain={[0, 1]}
                ticks={[0, 0.5, 1]}
                tickFormatter={(value: number) => formatShare(value)}
                tickLine={false}
                axisLine={false}
                width={44}
              />
              <Tooltip
                cursor={BAR_CURSOR}
                content={({ active, payload }) => (
                  <ChartTooltip<SlaDatum>
                    active={active}
                    payload={payload}
                    title={(datum) => datum.label}
                    lines={(datum) => [
                      {
                        label: 'First touched within 24 h',
                        value: datum.share === null ? '—' : formatShare(datum.share),
                        color: BRAND,
                      },
                      {
                        label: 'Of leads due a first touch',
                        value: `${formatCount(datum.touched)} of ${formatCount(datum.eligible)}`,
                      },
                    ]}
                  />
                )}
              />
              <Bar
                dataKey="share"
                name="% first touched within 24 h"
                fill={BRAND}
                radius={[3, 3, 0, 0]}
                isAnimationActive={false}
                style={{ cursor: 'pointer' }}
                onClick={open}
              />
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
      </SlaFigure>
      <SlaFigure
        title="Leads per week"
        caption="How many leads were due a first touch each week: touched within 24 hours, or not (late, or still untouched)."
      >
        <ChartFrame label="Leads due a first touch per week, touched within 24 hours and not, as counts">
          <ResponsiveContainer width="100%" height={200}>
            <BarChart data={rows} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
              {axis}
              <YAxis
                allowDecimals={false}
                tickCount={4}
                tickLine={false}
                axisLine={false}
                width={44}
                tickFormatter={(value: number) => formatCount(value)}
              />
              <Tooltip
                cursor={BAR_CURSOR}
                content={({ active, payload }) => (
                  <ChartTooltip<SlaDatum & { late: number }>
                    active={active}
                    payload={payload}
                    title={(datum) => datum.label}
                    lines={(datum) => [
                      { label: 'Leads due a first touch', value: formatCount(datum.eligible) },
                      { label: 'Touched within 24 h', value: formatCount(datum.touched), color: BRAND },
                      { label: 'Missed 24 h', value: formatCount(datum.late), color: LATE },
                    ]}
                  />
                )}
              />
              <Legend
                verticalAlign="bottom"
                iconType="square"
                iconSize={10}
                wrapperStyle={{ paddingTop: 4 }}
                // In stack order, bottom first (the default sorts by name).
                itemSorter={(item) => (item.dataKey === 'touched' ? 0 : 1)}
              />
              <Bar
                dataKey="touched"
                name="Touched within 24 h"
                stackId="leads"
                fill={BRAND}
                isAnimationActive={false}
                style={{ cursor: 'pointer' }}
                onClick={open}
              />
              <Bar
                dataKey="late"
                name="Missed 24 h"
                stackId="leads"
                fill={LATE}
                fillOpacity={0.85}
                radius={[3, 3, 0, 0]}
                isAnimationActive={false}
                style={{ cursor: 'pointer' }}
                onClick={open}
              />
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
      </SlaFigure>
    </div>
  );
}

/** One of the two charts, with a heading that names its scale. */
function SlaFigure({ title, caption, children }: { title: string; caption: string; children: ReactNode }) {
  return (
    <section data-sla-chart={title} className="flex min-w-0 flex-col gap-1">
      <h3 className="text-sm font-medium text-slate-900 dark:text-slate-100">{title}</h3>
      <p className="text-xs text-slate-600 dark:text-slate-400">{caption}</p>
      {children}
    </section>
  );
}
