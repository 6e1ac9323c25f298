'use client';
// The viewer's time zone and a shared clock for every client component that shows a time.
// Hydration renders with the zone and `now` the server used, so the markup matches; right after,
// the browser's own zone (unless the person chose one in their settings) and its live clock take
// over, and the clock ticks on the half-minute while the page is visible.
import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { normalizeTimeZone, TIME_ZONE_COOKIE } from '@/lib/time/zone';

export const TICK_MS = 30_000;

type TimeContextValue = { timeZone: string; serverNow: number };

const TimeContext = createContext<TimeContextValue>({ timeZone: 'UTC', serverNow: 0 });

// ── The clock: one timer for the whole page, paused while the tab is hidden ─────────────────────
let current = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function schedule() {
  clearTimeout(timer);
  if (document.visibilityState === 'hidden') return;
  // Aligned to the half-minute, so every countdown on the page changes together.
  timer = setTimeout(tick, TICK_MS - (Date.now() % TICK_MS) + 50);
}

function tick() {
  current = Date.now();
  for (const listener of listeners) listener();
  schedule();
}

function onVisibility() {
  if (document.visibilityState === 'hidden') clearTimeout(timer);
  else tick();
}

function subscribeClock(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) {
    current = Date.now();
    document.addEventListener('visibilitychange', onVisibility);
    schedule();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    }
  };
}

function clockSnapshot() {
  if (!current) current = Date.now();
  return current;
}

// ── The browser's zone ───────────────────────────────────────────────────────────────────────
const noSubscription = () => () => {};
const browserZone = () => normalizeTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone) ?? 'UTC';
const noBrowserZone = () => null;
let refreshed = false;

export function TimeProvider({
  timeZone,
  followsBrowser,
  serverNow,
  children,
}: {
  timeZone: string;
  /** False when the person chose a zone in their settings: the browser's zone is ignored. */
  followsBrowser: boolean;
  serverNow: number;
  children: ReactNode;
}) {
  const router = useRouter();
  const browser = useSyncExternalStore(noSubscription, browserZone, noBrowserZone);
  const shown = followsBrowser && browser ? browser : timeZone;

  useEffect(() => {
    if (!browser) return;
    const secure = window.location.protocol === 'https:' ? '; secure' : '';
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(browser)}; path=/; max-age=31536000; samesite=lax${secure}`;
    // The server rendered in another zone (first visit, or the laptop travelled): render its
    // parts again once the cookie is there. Once per page load, so a refused cookie cannot loop.
    if (followsBrowser && browser !== timeZone && !refreshed && document.cookie.includes(`${TIME_ZONE_COOKIE}=`)) {
      refreshed = true;
      router.refresh();
    }
  }, [browser, followsBrowser, timeZone, router]);

  return <TimeContext value={{ timeZone: shown, serverNow }}>{children}</TimeContext>;
}

/** The zone to show times in. */
export function useTimeZone(): string {
  return useContext(TimeContext).timeZone;
}

/** Now, as the server saw it during hydration and then the browser's ticking clock. */
export function useNow(): Date {
  const { serverNow } = useContext(TimeContext);
  const ms = useSyncExternalStore(subscribeClock, clockSnapshot, () => serverNow);
  return new Date(ms);
}
