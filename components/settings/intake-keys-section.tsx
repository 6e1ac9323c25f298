import { KeyRound } from 'lucide-react';
import { WebhookUrl } from '@/components/home/webhook-url';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { LocalTime } from '@/components/time/time';
import type { IntakeKeyForDisplay } from '@/lib/intake-keys/queries';
import { FreshWebhookNotice, FreshWebhookProvider } from './fresh-webhook';
import { CreateIntakeKeyForm, IntakeKeyActions, type GraceOption } from './intake-key-controls';
import { RelativeTime, ScrollTable, TBody, Td, Th, THead, TimeCell } from './table';

type Props = {
  keys: IntakeKeyForDisplay[];
  graceOptions: GraceOption[];
  defaultGraceHours: number;
  labelMaxLength: number;
};

export function IntakeKeysSection({ keys, graceOptions, defaultGraceHours, labelMaxLength }: Props) {
  const working = keys.filter((key) => key.state !== 'revoked');
  const revoked = keys.filter((key) => key.state === 'revoked');
  return (
    <Card aria-labelledby="intake-keys-title">
      <CardHeader>
        <CardTitle id="intake-keys-title" className="flex items-center gap-2">
          <KeyRound className="size-4 text-brand-600" aria-hidden />
          Webhook (intake) keys
        </CardTitle>
        <CardDescription>
          Microsoft posts each lead to a webhook URL; the key in it proves the delivery is yours. Use one key per offer
          or environment, so one can be rotated or revoked without touching the others.
        </CardDescription>
      </CardHeader>
      <FreshWebhookProvider>
        <CardContent className="flex flex-col gap-5">
          <FreshWebhookNotice />
          {working.length === 0 ? (
            <p
              role="status"
              className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-200"
            >
              No key works right now, so every delivery from Microsoft is refused. Create a key below and paste its URL
              into Partner Center.
            </p>
          ) : (
            <ul className="flex flex-col gap-3" aria-label="Working webhook keys">
              {working.map((key) => (
                <IntakeKeyItem
                  key={key.id}
                  intakeKey={key}
                  graceOptions={graceOptions}
                  defaultGraceHours={defaultGraceHours}
                />
              ))}
            </ul>
          )}
          <div className="border-t border-slate-100 pt-5 dark:border-slate-800">
            <CreateIntakeKeyForm maxLength={labelMaxLength} />
          </div>
        </CardContent>
      </FreshWebhookProvider>
      {revoked.length > 0 ? <RevokedIntakeKeys keys={revoked} /> : null}
    </Card>
  );
}

function IntakeKeyItem({
  intakeKey: key,
  graceOptions,
  defaultGraceHours,
}: {
  intakeKey: IntakeKeyForDisplay;
  graceOptions: GraceOption[];
  defaultGraceHours: number;
}) {
  const fromEnv = key.origin === 'env';
  const titleId = `intake-key-${key.id}`;
  return (
    <li
      aria-labelledby={titleId}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1.5">
          <h3 id={titleId} className="font-medium break-words">
            {key.label}
          </h3>
          <div className="flex flex-wrap items-center gap-2">
            {key.state === 'expiring' && key.revokedAt ? (
              <Badge tone="warning">
                Works until <LocalTime date={key.revokedAt} />
              </Badge>
            ) : (
              <Badge tone="success">Active</Badge>
            )}
            <Badge tone="neutral">{fromEnv ? 'Environment variable' : 'Generated'}</Badge>
          </div>
        </div>
        {fromEnv ? null : (
          <IntakeKeyActions
            id={key.id}
            label={key.label}
            expiring={key.state === 'expiring'}
            graceOptions={graceOptions}
            defaultGraceHours={defaultGraceHours}
          />
        )}
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">Key starts with</dt>
          <dd className="font-mono">{key.keyPrefix}…</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">Created</dt>
          <dd>
            <TimeCell date={key.createdAt} />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500 dark:text-slate-400">Last used</dt>
          <dd>
            <RelativeTime date={key.lastUsedAt} />
          </dd>
        </div>
      </dl>
      {key.webhook ? (
        <WebhookUrl url={key.webhook.url} maskedUrl={key.webhook.maskedUrl} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {fromEnv
            ? 'The URL cannot be shown: INTAKE_KEY on the server no longer holds this key.'
            : 'The URL cannot be shown: this key was sealed with another app secret. Rotate it to get a URL you can copy.'}
        </p>
      )}
      {key.state === 'expiring' ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Replaced by a newer key. Deliveries with this one are accepted until the time above, then refused.
        </p>
      ) : null}
      {fromEnv ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Set by the INTAKE_KEY environment variable, so it cannot be rotated or revoked here: set a new value (or
          remove it) and restart the server.
        </p>
      ) : null}
    </li>
  );
}

function RevokedIntakeKeys({ keys }: { keys: IntakeKeyForDisplay[] }) {
  return (
    <details className="group border-t border-slate-100 dark:border-slate-800">
      <summary className="cursor-pointer px-5 py-3 text-sm font-medium text-slate-700 hover:bg-slate-50 dark:text-slate-300 dark:hover:bg-slate-800/50">
        Revoked keys ({keys.length})
      </summary>
      <ScrollTable label="Revoked webhook keys" minWidth="min-w-[40rem]">
        <THead>
          <tr>
            <Th>Label</Th>
            <Th>Key starts with</Th>
            <Th>Created</Th>
            <Th>Last used</Th>
            <Th>Stopped working</Th>
          </tr>
        </THead>
        <TBody>
          {keys.map((key) => (
            <tr key={key.id} className="text-slate-600 dark:text-slate-400">
              <Td className="break-words">{key.label}</Td>
              <Td className="font-mono">{key.keyPrefix}…</Td>
              <Td>
                <TimeCell date={key.createdAt} />
              </Td>
              <Td>
                <RelativeTime date={key.lastUsedAt} />
              </Td>
              <Td>
                <TimeCell date={key.revokedAt} />
              </Td>
            </tr>
          ))}
        </TBody>
      </ScrollTable>
    </details>
  );
}
