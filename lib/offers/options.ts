import { desc } from 'drizzle-orm';
import type { Db } from '@/db';
import { offers } from '@/db/schema';

export type OfferOption = { key: string; label: string; leadCount: number };

/** The catalog as filter options, busiest first (a handful of rows; counts are kept at ingest). */
export function listOfferOptions(db: Db): OfferOption[] {
  return db
    .select({ key: offers.key, title: offers.title, offerId: offers.offerId, leadCount: offers.leadCount })
    .from(offers)
    .orderBy(desc(offers.leadCount))
    .limit(500)
    .all()
    .map((offer) => ({ key: offer.key, label: offer.title ?? offer.offerId ?? offer.key, leadCount: offer.leadCount }));
}
