import 'server-only';
// The zone a viewer's times are shown in: their personal setting when they chose one, otherwise
// the browser's zone (kept in the `tz` cookie by components/time/time-provider.tsx), otherwise UTC.
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getDb, type Db } from '@/db';
import { getPreferences } from './queries';
import { getSessionViewer } from '@/lib/auth/viewer';
import { DEFAULT_TIME_ZONE, normalizeTimeZone, TIME_ZONE_COOKIE } from '@/lib/time/zone';

export type TimeZoneSource = 'setting' | 'browser' | 'default';
export type ViewerTimeZone = { timeZone: string; source: TimeZoneSource };

/** The person's chosen zone, or null when they follow the browser (or chose one Intl no longer knows). */
export function getUserTimeZone(db: Db, userId: string): string | null {
  return normalizeTimeZone(getPreferences(db, userId).timeZone);
}

/** Setting ?? browser cookie ?? UTC; an invalid cookie counts as none. */
export function resolveTimeZone(setting: string | null, cookie: string | undefined): ViewerTimeZone {
  if (setting) return { timeZone: setting, source: 'setting' };
  const browser = normalizeTimeZone(cookie);
  return browser ? { timeZone: browser, source: 'browser' } : { timeZone: DEFAULT_TIME_ZONE, source: 'default' };
}

/** The zone of this request's viewer; memoised per render, so a layout and its page read it once. */
export const getViewerTimeZone = cache(async (): Promise<ViewerTimeZone> => {
  const viewer = await getSessionViewer(await headers());
  const setting = viewer?.kind === 'user' ? getUserTimeZone(getDb(), viewer.id) : null;
  return resolveTimeZone(setting, (await cookies()).get(TIME_ZONE_COOKIE)?.value);
});

/**
 * The time of this request, read once: the layout hands it to the browser as the clock's first
 * reading (see TimeProvider), so every server component of one render agrees on "now".
 */
export const getRequestNow = cache((): number => Date.now());

/** Just the zone name, for pages and server actions that format times. */
export async function viewerTimeZone(): Promise<string> {
  return (await getViewerTimeZone()).timeZone;
}
