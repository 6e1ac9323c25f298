// Run-time settings an admin changes: the retention periods. One JSON value per key in
// app_settings; a missing key means the default.
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { appSettings } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/log';
import { AppError } from '@/lib/errors';

import { MAX_RETENTION_DAYS } from './constants';

export { MAX_RETENTION_DAYS };

const days = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number of days.` })
    .int(`${label} must be a whole number of days.`)
    .min(1, `${label} must be at least 1 day.`)
    .max(MAX_RETENTION_DAYS, `${label} can be at most ${MAX_RETENTION_DAYS} days (ten years).`);

export const retentionSchema = z.object({
  /** Receipts in the delivery log older than this are deleted. */
  deliveryLogDays: days('The delivery log retention'),
  /** Partner Center test leads older than this are deleted, with their journey. */
  testLeadDays: days('The test lead retention'),
});
export type Retention = z.infer<typeof retentionSchema>;

export const DEFAULT_RETENTION: Retention = { deliveryLogDays: 90, testLeadDays: 30 };

const KEYS = { deliveryLogDays: 'retention.delivery_log_days', testLeadDays: 'retention.test_lead_days' } as const;

export function getRetention(db: Pick<Db, 'select'>): Retention {
  const rows = db
    .select({ key: appSettings.key, value: appSettings.value })
    .from(appSettings)
    .where(inArray(appSettings.key, Object.values(KEYS)))
    .all();
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  const retention = { ...DEFAULT_RETENTION };
  for (const name of Object.keys(KEYS) as (keyof Retention)[]) {
    // A value that no longer validates (edited by hand) falls back to the default.
    const parsed = retentionSchema.shape[name].safeParse(stored.get(KEYS[name]));
    if (parsed.success) retention[name] = parsed.data;
  }
  return retention;
}

/** Validates and stores the retention periods; audited with the old and new values. */
export function setRetention(db: Db, actor: AuditActor, input: unknown, now = new Date()): Retention {
  const parsed = retentionSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('invalid_input', 'Some fields need attention.', {
      details: parsed.error.issues.map((issue) => ({
        field: issue.path.join('.') || '(input)',
        message: issue.message,
      })),
    });
  }
  const next = parsed.data;
  return db.transaction((tx) => {
    const previous = getRetention(tx);
    for (const name of Object.keys(KEYS) as (keyof Retention)[]) {
      tx.insert(appSettings)
        .values({ key: KEYS[name], value: next[name], updatedAt: now, updatedBy: actor.id })
        .onConflictDoUpdate({
          target: appSettings.key,
          set: { value: next[name], updatedAt: now, updatedBy: actor.id },
        })
        .run();
    }
    recordAudit(tx, actor, 'settings.retention_changed', null, { from: previous, to: next }, now);
    return next;
  });
}
