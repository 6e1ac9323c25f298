// The retention job: deletes delivery receipts and test leads older than the periods an admin
// set (Settings → Data & privacy). Runs when the server starts and every hour after.
import type { Db } from '@/db';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '@/lib/audit/log';
import { purgeDeliveries } from '@/lib/deliveries/service';
import { purgeTestLeads } from '@/lib/privacy/service';
import { getRetention } from '@/lib/settings/service';

const DAY_MS = 86_400_000;
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

export type PurgeCounts = { deliveries: number; testLeads: number };

/** Deletes what is past its retention period; audited when anything went. */
export function runRetention(db: Db, now = new Date(), actor: AuditActor = SYSTEM_ACTOR): PurgeCounts {
  const retention = getRetention(db);
  const counts = {
    deliveries: purgeDeliveries(db, new Date(now.getTime() - retention.deliveryLogDays * DAY_MS)),
    testLeads: purgeTestLeads(db, new Date(now.getTime() - retention.testLeadDays * DAY_MS)),
  };
  if (counts.deliveries || counts.testLeads) {
    recordAudit(db, actor, 'retention.purged', null, { ...counts, ...retention }, now);
  }
  return counts;
}

/**
 * Runs the retention job soon after start and then every hour, never keeping the process alive
 * and never throwing into it (a failure is reported and retried at the next run).
 */
export function scheduleRetention(getDb: () => Db, report: (error: unknown) => void): () => void {
  const run = () => {
    try {
      runRetention(getDb());
    } catch (error) {
      report(error);
    }
  };
  const first = setTimeout(run, 5_000);
  const every = setInterval(run, RETENTION_INTERVAL_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
