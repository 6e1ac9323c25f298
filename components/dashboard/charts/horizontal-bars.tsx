'use client';
// Horizontal bars with the number beside each: the funnels, offers and countries. A bar opens
// the leads table behind it.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
  type LabelProps,
} from 'recharts';
import { BRAND } from '../colors';
import { BAR_CURSOR, ChartFrame, ChartTooltip, fitText, textWidth, TruncatedTick, type TooltipLine } from './chart-kit';

export type BarDatum = {
  key: string;
  label: string;
  value: number;
  /** Printed right of the bar: the number and what qualifies it (`1,204 · 38%`). */
  note: string;
  href?: string;
  color?: string;
  tooltip: TooltipLine[];
};

type Props = {
  /** What the chart shows, for assistive technology (the table view has the numbers). */
  label: string;
  data: BarDatum[];
  /** Name of the measure in the legend. */
  valueLabel: string;
  /** The widest the category labels may get; long ones are cut (the whole label is their title). */
  maxLabelWidth?: number;
};

const ROW_HEIGHT = 36;
/** On a phone the label sits above its bar, which then gets the whole width. */
const STACKED_ROW_HEIGHT = 50;
const STACKED_BELOW = 520;
/** Between a category label and its bar. */
const TICK_GAP = 8;

export default function HorizontalBars({ label, data, valueLabel, maxLabelWidth = 170 }: Props) {
  const router = useRouter();
  const [width, setWidth] = useState(480);
  const stacked = width < STACKED_BELOW;
  const height = data.length * (stacked ? STACKED_ROW_HEIGHT : ROW_HEIGHT) + 64;
  // Labels get at most about a third of the width (long ones are cut), notes what their text needs.
  const longest = Math.max(...data.map((datum) => textWidth(datum.label)), 24);
  const labelWidth = Math.ceil(Math.min(maxLabelWidth, Math.max(72, width * 0.3), longest + TICK_GAP + 4));
  const noteWidth = Math.ceil(Math.max(...data.map((datum) => textWidth(datum.note)), 16) + 16);
  return (
    <ChartFrame label={label}>
      <ResponsiveContainer width="100%" height={height} onResize={(next) => setWidth(next)}>
        <BarChart
          data={data}
          layout="vertical"
          margin={{ top: 4, right: noteWidth, bottom: 4, left: 4 }}
          barCategoryGap={stacked ? undefined : '22%'}
          barSize={stacked ? 16 : undefined}
        >
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="value"
            allowDecimals={false}
            tickLine={false}
            axisLine={false}
            tickCount={stacked ? 3 : 5}
            tickFormatter={(value: number) => compact.format(value)}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={stacked ? 0 : labelWidth}
            hide={stacked}
            tickLine={false}
            axisLine={false}
            interval={0}
            tick={(props: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) => (
              <TruncatedTick {...props} maxWidth={labelWidth - TICK_GAP - 4} />
            )}
          />
          <Tooltip
            cursor={BAR_CURSOR}
            content={({ active, payload }) => (
              <ChartTooltip<BarDatum>
                active={active}
                payload={payload}
                title={(datum) => datum.label}
                lines={(datum) => datum.tooltip}
              />
            )}
          />
          <Legend verticalAlign="top" align="right" iconType="square" iconSize={10} height={24} />
          <Bar
            dataKey="value"
            name={valueLabel}
            fill={BRAND}
            radius={[0, 4, 4, 0]}
            isAnimationActive={false}
            // Only a bar with leads behind it looks clickable.
            shape={(props: BarShapeProps) => {
              const datum = props.payload as BarDatum | undefined;
              return (
                <Rectangle
                  {...props}
                  fill={datum?.color ?? BRAND}
                  style={{ cursor: datum?.href ? 'pointer' : 'default' }}
                />
              );
            }}
            onClick={(item) => {
              const href = (item.payload as BarDatum | undefined)?.href;
              if (href) router.push(href);
            }}
          >
            <LabelList dataKey="note" content={NoteLabel} />
            {stacked ? (
              <LabelList
                dataKey="label"
                content={(props: LabelProps) => <TopLabel {...props} maxWidth={width - 12} />}
              />
            ) : null}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** A category's name above its bar (phones), cut to the chart's width. */
function TopLabel({ x, y, value, maxWidth }: LabelProps & { maxWidth: number }) {
  const text = String(value ?? '');
  return (
    <text x={Number(x ?? 0)} y={Number(y ?? 0) - 5} className="recharts-cartesian-axis-tick-value">
      <title>{text}</title>
      {fitText(text, maxWidth)}
    </text>
  );
}

/** The note right of a bar, on one line (recharts' own label wraps once it runs out of room). */
function NoteLabel({ x, y, width, height, value }: LabelProps) {
  const [left, top, across, tall] = [x, y, width, height].map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
  ];
  return (
    <text x={left + across + 8} y={top + tall / 2} dy={4} className="recharts-label-list-note">
      {String(value ?? '')}
    </text>
  );
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
