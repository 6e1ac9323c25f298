import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { leads, offers } from '@/db/schema';

/** An offer that used to receive leads and has had none for this long needs a look. */
export const QUIET_AFTER_MS = 14 * 86_400_000;

export type ConnectionState = 'receiving' | 'quiet' | 'verified' | 'waiting';

export type OfferConnection = {
  id: number;
  key: string;
  publisherId: string | null;
  offerId: string | null;
  title: string | null;
  firstLeadAt: Date | null;
  lastLeadAt: Date | null;
  lastTestLeadAt: Date | null;
  leadCount: number;
  state: ConnectionState;
};

/** How an offer's connection looks: real leads recently, a verified test lead, or nothing yet. */
export function connectionState(
  offer: Pick<OfferConnection, 'lastLeadAt' | 'lastTestLeadAt'>,
  now: Date,
): ConnectionState {
  if (offer.lastLeadAt) {
    return now.getTime() - offer.lastLeadAt.getTime() > QUIET_AFTER_MS ? 'quiet' : 'receiving';
  }
  return offer.lastTestLeadAt ? 'verified' : 'waiting';
}

export function getOfferConnections(db: Db, now = new Date()): OfferConnection[] {
  const leadCount = db
    .select({ offerRef: leads.offerRef, n: count().as('n') })
    .from(leads)
    .where(eq(leads.isTest, false))
    .groupBy(leads.offerRef)
    .as('lead_count');
  return db
    .select({
      id: offers.id,
      key: offers.key,
      publisherId: offers.publisherId,
      offerId: offers.offerId,
      title: offers.title,
      firstLeadAt: offers.firstLeadAt,
      lastLeadAt: offers.lastLeadAt,
      lastTestLeadAt: offers.lastTestLeadAt,
      leadCount: sql<number>`coalesce(${leadCount.n}, 0)`,
    })
    .from(offers)
    .leftJoin(leadCount, and(eq(leadCount.offerRef, offers.id)))
    .orderBy(desc(sql`max(coalesce(${offers.lastLeadAt}, 0), coalesce(${offers.lastTestLeadAt}, 0))`))
    .all()
    .map((offer) => ({ ...offer, state: connectionState(offer, now) }));
}
