'use client';
// Leads over time by furthest action (stacked: each lead once) or by source (side by side: a lead
// counts under every source of its journey). A segment opens exactly its leads (`hrefs[series]`).
import { useRouter } from 'next/navigation';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCount } from '@/lib/format';
import { BAR_CURSOR, ChartFrame, ChartTooltip } from './chart-kit';

export type TrendDatum = {
  key: string;
  label: string;
  tick: string;
  total: number;
  href?: string;
  hrefs: Record<string, string>;
  values: Record<string, number>;
};
export type TrendSeriesSpec = { key: string; label: string; color: string };

export default function TrendChart({
  label,
  data,
  series,
  stacked,
}: {
  label: string;
  data: TrendDatum[];
  series: TrendSeriesSpec[];
  stacked: boolean;
}) {
  const router = useRouter();
  // recharts reads keys as paths: series go under positional keys, whatever their tokens hold.
  const flat = data.map((datum) => ({
    ...datum,
    ...Object.fromEntries(series.map((item, index) => [`s${index}`, datum.values[item.key] ?? 0])),
  }));
  // Grid, axes, tooltip and legend: the same for bars and lines.
  const frame = [
    <CartesianGrid key="grid" vertical={false} strokeDasharray="3 3" />,
    <XAxis key="x" dataKey="tick" tickLine={false} minTickGap={12} />,
    <YAxis
      key="y"
      allowDecimals={false}
      tickLine={false}
      axisLine={false}
      width={44}
      tickFormatter={(value: number) => formatCount(value)}
    />,
    <Tooltip
      key="tooltip"
      cursor={BAR_CURSOR}
      content={({ active, payload }) => (
        <ChartTooltip<TrendDatum>
          active={active}
          payload={payload}
          title={(datum) => datum.label}
          lines={(datum) => [
            ...series
              .filter((item) => (datum.values[item.key] ?? 0) > 0)
              .map((item) => ({
                label: item.label,
                value: formatCount(datum.values[item.key] ?? 0),
                color: item.color,
              })),
            { label: 'Total', value: formatCount(datum.total) },
          ]}
        />
      )}
    />,
    <Legend key="legend" verticalAlign="bottom" iconType="square" iconSize={10} wrapperStyle={{ paddingTop: 8 }} />,
  ];
  return (
    <ChartFrame label={label}>
      <ResponsiveContainer width="100%" height={300}>
        {stacked ? (
          <BarChart data={flat} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            {frame}
            {series.map((item, index) => (
              <Bar
                key={item.key}
                dataKey={`s${index}`}
                name={item.label}
                stackId="leads"
                fill={item.color}
                isAnimationActive={false}
                style={{ cursor: data.some((datum) => datum.hrefs[item.key]) ? 'pointer' : 'default' }}
                onClick={(bar) => {
                  const href = (bar.payload as TrendDatum | undefined)?.hrefs[item.key];
                  if (href) router.push(href);
                }}
              />
            ))}
          </BarChart>
        ) : (
          // Overlapping series (a lead under each of its sources) read as lines, not stacks.
          <LineChart data={flat} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            {frame}
            {series.map((item, index) => (
              <Line
                key={item.key}
                type="linear"
                dataKey={`s${index}`}
                name={item.label}
                stroke={item.color}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
                activeDot={{
                  r: 5,
                  style: { cursor: 'pointer' },
                  // recharts passes the dot's props (with its payload) and the event, in either order
                  // depending on the version: take the payload from whichever carries it.
                  onClick: (first: unknown, second: unknown) => {
                    const datum = [first, second]
                      .map((arg) => (arg as { payload?: TrendDatum } | undefined)?.payload)
                      .find((payload) => payload?.hrefs);
                    const href = datum?.hrefs[item.key];
                    if (href) router.push(href);
                  },
                }}
              />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
    </ChartFrame>
  );
}
