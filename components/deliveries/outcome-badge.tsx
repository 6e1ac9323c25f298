import { Badge } from '@/components/ui/badge';
import { DELIVERY_OUTCOME_LABELS, type DeliveryOutcome } from '@/lib/deliveries/vocabulary';

const TONES = { accepted: 'success', duplicate: 'neutral', rejected: 'danger' } as const;

/** What became of a delivery; a rejected one that was replayed says so. */
export function OutcomeBadge({ outcome, replayed = false }: { outcome: DeliveryOutcome; replayed?: boolean }) {
  if (outcome === 'rejected' && replayed) return <Badge tone="warning">Rejected · replayed</Badge>;
  return <Badge tone={TONES[outcome]}>{DELIVERY_OUTCOME_LABELS[outcome]}</Badge>;
}
