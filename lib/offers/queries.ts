import { desc, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { offers } from '@/db/schema';

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
      leadCount: offers.leadCount,
    })
    .from(offers)
    .orderBy(desc(sql`max(coalesce(${offers.lastLeadAt}, 0), coalesce(${offers.lastTestLeadAt}, 0))`))
    .all()
    .map((offer) => ({ ...offer, state: connectionState(offer, now) }));
}
