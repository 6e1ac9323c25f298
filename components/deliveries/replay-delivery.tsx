'use client';
import { replayDeliveryAction } from '@/app/(workspace)/settings/deliveries/actions';
import { ActionDialog } from '@/components/settings/action-dialog';

/** Replays a rejected delivery after asking; the page then shows where the lead went. */
export function ReplayDelivery({ id, receivedAt }: { id: number; receivedAt: string }) {
  return (
    <div>
      <ActionDialog
        triggerLabel="Replay delivery"
        title="Replay this delivery?"
        description={
          <>
            <p>
              Its body is taken as if it had been accepted when it arrived ({receivedAt}): it becomes a lead, or joins
              the person’s existing lead for the offer.
            </p>
            <p>Fix the cause first. If the body still does not pass, you will see why and nothing changes.</p>
          </>
        }
        confirmLabel="Replay"
        pendingLabel="Replaying…"
        onConfirm={() => replayDeliveryAction(id)}
      />
    </div>
  );
}
