// Reading the delivery log: the admin list (filters, newest first, paged) and one receipt.
import { and, count, desc, eq, getTableColumns, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { intakeDeliveries, type IntakeDelivery } from '@/db/schema';
import { DELIVERY_OUTCOMES, type DeliveryOutcome } from './vocabulary';

export type DeliveryFilters = {
  outcome?: DeliveryOutcome;
  /** Part of the offer title, any case. */
  offer?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  page: number;
  pageSize: number;
};

/** A receipt in the list: everything but the body. */
export type DeliveryRow = Omit<IntakeDelivery, 'body'> & { hasBody: boolean };

const { body: _body, ...listColumns } = getTableColumns(intakeDeliveries);

/** LIKE with the user's text matched literally (its % and _ escaped). */
const likeLiteral = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function whereOf(filters: Omit<DeliveryFilters, 'page' | 'pageSize'>): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.outcome) conditions.push(eq(intakeDeliveries.outcome, filters.outcome));
  if (filters.offer)
    conditions.push(sql`${intakeDeliveries.offerTitle} like ${likeLiteral(filters.offer)} escape '\\'`);
  if (filters.from) conditions.push(gte(intakeDeliveries.receivedAt, filters.from));
  if (filters.to) conditions.push(lt(intakeDeliveries.receivedAt, filters.to));
  return conditions.length ? and(...conditions) : undefined;
}

export function listDeliveries(db: Db, filters: DeliveryFilters): { rows: DeliveryRow[]; total: number } {
  const where = whereOf(filters);
  const rows = db
    .select({ ...listColumns, hasBody: sql<number>`${intakeDeliveries.body} is not null` })
    .from(intakeDeliveries)
    .where(where)
    .orderBy(desc(intakeDeliveries.receivedAt), desc(intakeDeliveries.id))
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize)
    .all()
    .map((row) => ({ ...row, hasBody: Boolean(row.hasBody) }));
  const total = db.select({ n: count() }).from(intakeDeliveries).where(where).get()?.n ?? 0;
  return { rows, total };
}

export function getDelivery(db: Db, id: number): IntakeDelivery | null {
  return db.select().from(intakeDeliveries).where(eq(intakeDeliveries.id, id)).get() ?? null;
}

/** Receipts per outcome since a time: the log's summary ("12 rejected in the last 7 days"). */
export function countDeliveriesByOutcome(db: Db, since: Date): Record<DeliveryOutcome, number> {
  const counts = Object.fromEntries(DELIVERY_OUTCOMES.map((outcome) => [outcome, 0])) as Record<
    DeliveryOutcome,
    number
  >;
  const rows = db
    .select({ outcome: intakeDeliveries.outcome, n: count() })
    .from(intakeDeliveries)
    .where(gte(intakeDeliveries.receivedAt, since))
    .groupBy(intakeDeliveries.outcome)
    .all();
  for (const row of rows) counts[row.outcome] = row.n;
  return counts;
}

/** Rejected deliveries not yet replayed since a time: what needs an admin's attention. */
export function countUnresolvedRejections(db: Db, since: Date): number {
  return (
    db
      .select({ n: count() })
      .from(intakeDeliveries)
      .where(
        and(
          eq(intakeDeliveries.outcome, 'rejected'),
          gte(intakeDeliveries.receivedAt, since),
          sql`${intakeDeliveries.replayedAt} is null`,
        ),
      )
      .get()?.n ?? 0
  );
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The last seven days' receipts by outcome and the rejections not yet replayed. */
export function getLastWeekSummary(
  db: Db,
  now = new Date(),
): { week: Record<DeliveryOutcome, number>; unresolved: number } {
  const since = new Date(now.getTime() - WEEK_MS);
  return { week: countDeliveriesByOutcome(db, since), unresolved: countUnresolvedRejections(db, since) };
}
