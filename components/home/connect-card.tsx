import { KeyRound } from 'lucide-react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { WebhookUrl } from './webhook-url';

const STEPS = [
  'In Partner Center, open your offer and go to Offer setup → Customer leads → Connect.',
  'Choose HTTPS endpoint as the lead destination and enter a contact email for connection alerts.',
  'Paste the URL above into "HTTPS endpoint URL".',
  'Select Validate: Microsoft sends a test lead, and the offer shows as Verified below.',
  'Select Connect, then save and publish the offer.',
];

export function ConnectCard({ webhook }: { webhook: { url: string; maskedUrl: string; label: string } | null }) {
  return (
    <Card aria-labelledby="connect-title">
      <CardHeader>
        <CardTitle id="connect-title" className="flex items-center gap-2">
          <KeyRound className="size-4 text-brand-600" aria-hidden />
          Your lead webhook
        </CardTitle>
        <CardDescription>
          Microsoft posts every AppSource and Azure Marketplace lead to this URL. The key in it is the only thing that
          proves a delivery is yours: keep it secret.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-5">
        {webhook ? (
          <WebhookUrl url={webhook.url} maskedUrl={webhook.maskedUrl} />
        ) : (
          <p
            role="status"
            className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-200"
          >
            No key can be shown here. Run <code className="font-mono">npm run intake-key</code> on the server to make a
            new one; it prints the full URL.
          </p>
        )}
        <ol className="grid gap-2 text-sm text-slate-700 dark:text-slate-300">
          {STEPS.map((step, index) => (
            <li key={step} className="flex gap-3">
              <span
                aria-hidden
                className="flex size-6 shrink-0 items-center justify-center rounded-full bg-brand-50 text-xs font-semibold text-brand-700 dark:bg-brand-700/30 dark:text-brand-100"
              >
                {index + 1}
              </span>
              <span className="pt-0.5">{step}</span>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
