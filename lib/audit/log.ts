// The audit log: who did what, when and from where. One writer (recordAudit) and one reader.
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { auditLog, type AuditEntry } from '@/db/schema';

export const AUDIT_ACTIONS = {
  'auth.setup': 'First admin created',
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Failed sign-in',
  'auth.sign_in_throttled': 'Sign-in throttled',
  'auth.sign_out': 'Signed out',
  'user.created': 'User created',
  'user.role_changed': 'Role changed',
  'user.disabled': 'User disabled',
  'user.enabled': 'User enabled',
  'user.password_changed': 'Password changed',
  'user.password_reset': 'Password reset',
  'api_key.created': 'API key created',
  'api_key.revoked': 'API key revoked',
  'intake_key.created': 'Intake key created',
  'intake_key.rotated': 'Intake key rotated',
  'intake_key.revoked': 'Intake key revoked',
  'lead.claimed': 'Lead claimed',
  'lead.assigned': 'Lead assigned',
  'lead.status_changed': 'Lead status changed',
  'lead.released': 'Lead released',
  'lead.touch_logged': 'Touch logged',
  'lead.follow_up_set': 'Follow-up set',
  'lead.follow_up_cleared': 'Follow-up cleared',
  'lead.qualification_changed': 'Lead qualification changed',
  'qualification.item_created': 'Qualification item added',
  'qualification.item_updated': 'Qualification item edited',
  'qualification.item_moved': 'Qualification item moved',
  'qualification.item_archived': 'Qualification item archived',
  'qualification.item_restored': 'Qualification item restored',
  'lead.exported': 'Leads exported',
  'lead.erased': 'Personal data erased',
  'delivery.replayed': 'Delivery replayed',
  'settings.retention_changed': 'Retention changed',
  'retention.purged': 'Old records purged',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const isAuditAction = (value: unknown): value is AuditAction =>
  typeof value === 'string' && Object.hasOwn(AUDIT_ACTIONS, value);

/** Whoever caused an entry, with where the request came from. */
export type AuditActor = {
  type: AuditEntry['actorType'];
  id: string | null;
  /** A label frozen at the time: an email, a key's label. */
  label: string | null;
  ip?: string | null;
  userAgent?: string | null;
};

export const SYSTEM_ACTOR: AuditActor = { type: 'system', id: null, label: 'system' };

export type AuditTarget = { type: string; id: string | number };

/**
 * Records one entry. `details` must hold no secrets and no lead personal data: ids, roles,
 * statuses and counts only.
 */
export function recordAudit(
  db: Pick<Db, 'insert'>,
  actor: AuditActor,
  action: AuditAction,
  target?: AuditTarget | null,
  details?: Record<string, unknown> | null,
  at: Date = new Date(),
): void {
  db.insert(auditLog)
    .values({
      at,
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      action,
      targetType: target?.type ?? null,
      targetId: target ? String(target.id) : null,
      details: details ?? null,
      ip: actor.ip?.slice(0, 64) ?? null,
      userAgent: actor.userAgent?.slice(0, 256) ?? null,
    })
    .run();
}

export type AuditFilters = {
  action?: AuditAction;
  actorId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
};

export function listAudit(db: Db, filters: AuditFilters): { rows: AuditEntry[]; total: number } {
  const conditions: SQL[] = [];
  if (filters.action) conditions.push(eq(auditLog.action, filters.action));
  if (filters.actorId) conditions.push(eq(auditLog.actorId, filters.actorId));
  if (filters.from) conditions.push(gte(auditLog.at, filters.from));
  if (filters.to) conditions.push(lt(auditLog.at, filters.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize)
    .all();
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  return { rows, total };
}

/** Failed sign-ins for one email since a moment: the sign-in throttle counts these. */
export function countRecent(
  db: Db,
  action: AuditAction,
  targetId: string,
  since: Date,
): { n: number; oldest: Date | null } {
  const rows = db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId), gte(auditLog.at, since)))
    .orderBy(auditLog.at)
    .all();
  return { n: rows.length, oldest: rows[0]?.at ?? null };
}
