'use client';
// The weekly share of leads first touched within 24 hours (line, left axis) over the number of
// leads that counted (bars, right axis). A week's bar opens its leads.
import { useRouter } from 'next/navigation';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '@/lib/format';
import { BRAND, MUTED } from '../colors';
import { formatShare } from '../format';
import { BAR_CURSOR, ChartFrame, ChartTooltip } from './chart-kit';

export type SlaDatum = {
  key: string;
  label: string;
  tick: string;
  eligible: number;
  touched: number;
  /** null when no lead counted that week: the line skips it. */
  share: number | null;
  href?: string;
};

export default function SlaChart({ label, data }: { label: string; data: SlaDatum[] }) {
  const router = useRouter();
  return (
    <ChartFrame label={label}>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="tick" tickLine={false} minTickGap={12} />
          <YAxis
            yAxisId="share"
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tickFormatter={(value: number) => formatShare(value)}
            tickLine={false}
            axisLine={false}
            width={44}
          />
          <YAxis
            yAxisId="leads"
            orientation="right"
            allowDecimals={false}
            tickLine={false}
            axisLine={false}
            width={36}
            tickFormatter={(value: number) => formatCount(value)}
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
                    label: 'Touched within 24 h',
                    value: datum.share === null ? '—' : formatShare(datum.share),
                    color: BRAND,
                  },
                  { label: 'Touched in time', value: formatCount(datum.touched) },
                  { label: 'Leads counted', value: formatCount(datum.eligible), color: MUTED },
                ]}
              />
            )}
          />
          <Legend verticalAlign="bottom" iconSize={10} wrapperStyle={{ paddingTop: 8 }} />
          <Bar
            yAxisId="leads"
            dataKey="eligible"
            name="Leads counted"
            fill={MUTED}
            fillOpacity={0.45}
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
            style={{ cursor: 'pointer' }}
            onClick={(bar) => {
              const href = (bar.payload as SlaDatum | undefined)?.href;
              if (href) router.push(href);
            }}
          />
          <Line
            yAxisId="share"
            dataKey="share"
            name="Touched within 24 h"
            stroke={BRAND}
            strokeWidth={2}
            dot={{ r: 3, fill: BRAND }}
            activeDot={{ r: 5 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
