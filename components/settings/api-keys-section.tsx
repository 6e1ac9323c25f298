import { Plug } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { ApiKeySummary } from '@/lib/api-keys/service';
import { API_KEY_ROLE_LABELS } from '@/lib/auth/roles';
import { LocalTime } from '@/components/time/time';
import { CreateApiKeyForm, RevokeApiKeyButton } from './api-key-controls';
import { RelativeTime, ScrollTable, TBody, Td, Th, THead, TimeCell } from './table';

export function ApiKeysSection({ keys }: { keys: ApiKeySummary[] }) {
  return (
    <Card aria-labelledby="api-keys-title">
      <CardHeader>
        <CardTitle id="api-keys-title" className="flex items-center gap-2">
          <Plug className="size-4 text-brand-600" aria-hidden />
          API keys
        </CardTitle>
        <CardDescription>
          For integrations that read leads from Leadline. Send the key in a header,{' '}
          <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs dark:bg-slate-800">
            Authorization: Bearer &lt;key&gt;
          </code>
          , on{' '}
          <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs dark:bg-slate-800">GET /api/leads</code>.
          A Read only key reads and exports; a Manager key may also change leads.
        </CardDescription>
      </CardHeader>
      {keys.length === 0 ? (
        <p className="px-5 py-6 text-center text-sm text-slate-600 dark:text-slate-400">No API keys yet.</p>
      ) : (
        <ScrollTable label="API keys" minWidth="min-w-[52rem]">
          <THead>
            <tr>
              <Th>Label</Th>
              <Th>Key starts with</Th>
              <Th>Role</Th>
              <Th>Created</Th>
              <Th>Last used</Th>
              <Th>Status</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {keys.map((key) => (
              <tr key={key.id} className={key.revokedAt ? 'text-slate-500 dark:text-slate-400' : undefined}>
                <Td className="font-medium break-words">{key.label}</Td>
                <Td className="font-mono">{key.keyPrefix}…</Td>
                <Td>{API_KEY_ROLE_LABELS[key.role]}</Td>
                <Td>
                  <TimeCell date={key.createdAt} />
                </Td>
                <Td>
                  <RelativeTime date={key.lastUsedAt} />
                </Td>
                <Td>
                  {key.revokedAt ? (
                    <Badge tone="neutral">
                      Revoked <LocalTime date={key.revokedAt} />
                    </Badge>
                  ) : (
                    <Badge tone="success">Active</Badge>
                  )}
                </Td>
                <Td>{key.revokedAt ? null : <RevokeApiKeyButton id={key.id} label={key.label} />}</Td>
              </tr>
            ))}
          </TBody>
        </ScrollTable>
      )}
      <CardContent className="border-t border-slate-100 dark:border-slate-800">
        <CreateApiKeyForm />
      </CardContent>
    </Card>
  );
}
