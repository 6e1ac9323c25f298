import Link from 'next/link';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import type { AuditEntry } from '@/db/schema';
import { AUDIT_ACTIONS, isAuditAction } from '@/lib/audit/log';
import { LocalTime } from '@/components/time/time';
import { ScrollTable, TBody, Td, Th, THead } from './table';

const ACTOR_TYPES: Record<AuditEntry['actorType'], string> = {
  user: 'User',
  api_key: 'API key',
  system: 'System',
  anonymous: 'Anonymous',
};

const TARGET_TYPES: Record<string, string> = {
  user: 'User',
  lead: 'Lead',
  api_key: 'API key',
  intake_key: 'Webhook key',
};

type Tone = 'neutral' | 'brand' | 'success' | 'warning' | 'danger';
const ACTION_TONES: Partial<Record<string, Tone>> = {
  'auth.sign_in_failed': 'danger',
  'auth.sign_in_throttled': 'danger',
  'user.disabled': 'warning',
  'api_key.revoked': 'warning',
  'intake_key.revoked': 'warning',
  'lead.exported': 'brand',
};

/** Names for ids the log keeps, so a row reads "User · Jane Doe" rather than a UUID. */
export type AuditNames = { users: ReadonlyMap<string, string>; apiKeys: ReadonlyMap<string, string> };

export function AuditTable({ rows, names }: { rows: AuditEntry[]; names: AuditNames }) {
  return (
    <ScrollTable label="Audit log entries" minWidth="min-w-[64rem]">
      <THead>
        <tr>
          <Th>When</Th>
          <Th>Who</Th>
          <Th>What</Th>
          <Th>Target</Th>
          <Th>From</Th>
          <Th>Details</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <tr key={row.id}>
            <Td className="whitespace-nowrap tabular-nums">
              <LocalTime date={row.at} />
            </Td>
            <Td className="max-w-56">
              <div className="flex flex-col gap-0.5">
                <span className="break-all">{row.actorLabel ?? '—'}</span>
                <span className="text-xs text-slate-500 dark:text-slate-400">
                  {ACTOR_TYPES[row.actorType] ?? row.actorType}
                </span>
              </div>
            </Td>
            <Td>
              <Badge tone={ACTION_TONES[row.action] ?? 'neutral'} title={row.action}>
                {isAuditAction(row.action) ? AUDIT_ACTIONS[row.action] : row.action}
              </Badge>
            </Td>
            <Td className="max-w-56">
              <AuditTarget type={row.targetType} id={row.targetId} names={names} />
            </Td>
            <Td className="max-w-52">
              <div className="flex flex-col gap-0.5">
                <span className="font-mono text-xs break-all">{row.ip ?? '—'}</span>
                {row.userAgent ? (
                  <span className="text-xs text-slate-500 dark:text-slate-400" title={row.userAgent}>
                    {shortUserAgent(row.userAgent)}
                  </span>
                ) : null}
              </div>
            </Td>
            <Td className="max-w-80">
              <AuditDetails details={row.details} />
            </Td>
          </tr>
        ))}
      </TBody>
    </ScrollTable>
  );
}

function AuditTarget({ type, id, names }: { type: string | null; id: string | null; names: AuditNames }) {
  if (!type && !id) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  const typeLabel = type ? (TARGET_TYPES[type] ?? type) : '';
  let target: ReactNode = id ? <span className="break-all">{id}</span> : null;
  if (type === 'lead' && id && /^\d+$/.test(id)) {
    target = (
      <Link href={`/leads/${id}`} className="text-brand-600 underline-offset-2 hover:underline dark:text-brand-100">
        #{id}
      </Link>
    );
  } else if (type === 'user' && id && names.users.has(id)) {
    target = <span title={id}>{names.users.get(id)}</span>;
  } else if (type === 'api_key' && id && names.apiKeys.has(id)) {
    target = <span title={`#${id}`}>{names.apiKeys.get(id)}</span>;
  } else if (id && /^\d+$/.test(id)) {
    target = <span>#{id}</span>;
  }
  return (
    <div className="flex flex-col gap-0.5">
      {target}
      {typeLabel ? <span className="text-xs text-slate-500 dark:text-slate-400">{typeLabel}</span> : null}
    </div>
  );
}

const MAX_VALUE_LENGTH = 60;

function detailValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

function AuditDetails({ details }: { details: Record<string, unknown> | null }) {
  const entries = details && typeof details === 'object' ? Object.entries(details) : [];
  if (entries.length === 0) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  return (
    <dl className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
      {entries.map(([key, value]) => (
        <div key={key} className="flex min-w-0 gap-1">
          <dt className="text-slate-500 dark:text-slate-400">{key}:</dt>
          <dd className="break-all">{detailValue(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/OPR\/(\d+)/, 'Opera'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/(?:Chrome|CriOS)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
  [/curl\/([\d.]+)/, 'curl'],
  [/^node(?:-fetch)?\/?([\d.]*)/i, 'Node'],
  [/python-requests\/([\d.]+)/, 'Python requests'],
  [/PowerShell\/([\d.]+)/, 'PowerShell'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/iPhone|iPad|iOS/, 'iOS'],
  [/Android/, 'Android'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** "Chrome 126 on Windows" from a user agent string; the full string is in the title. */
export function shortUserAgent(userAgent: string): string {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent));
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (!browser) return userAgent.length > 40 ? `${userAgent.slice(0, 39)}…` : userAgent;
  const version = browser[0].exec(userAgent)?.[1];
  const name = version ? `${browser[1]} ${version}` : browser[1];
  return system ? `${name} on ${system}` : name;
}
