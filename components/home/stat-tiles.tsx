import { formatCount } from '@/lib/format';

export function StatTiles({ stats }: { stats: { label: string; value: number; hint: string }[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {stats.map((stat) => (
        <div
          key={stat.label}
          className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm dark:border-slate-800 dark:bg-slate-900"
        >
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
            {stat.label}
          </dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">{formatCount(stat.value)}</dd>
          <dd className="text-xs text-slate-500 dark:text-slate-400">{stat.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
