import type { Theme } from '@/lib/preferences/vocabulary';

// Runs in <head> before the first paint when the theme follows the device, so a dark device never
// flashes a light page. Kept tiny and dependency-free: it is inlined into every such page.
const FOLLOW_DEVICE = `(function(){try{var d=window.matchMedia('(prefers-color-scheme: dark)').matches;document.documentElement.classList.toggle('dark',d)}catch(e){}})()`;

export function ThemeScript({ theme }: { theme: Theme }) {
  if (theme !== 'system') return null;
  return <script dangerouslySetInnerHTML={{ __html: FOLLOW_DEVICE }} />;
}

/** The class the server puts on <html>: only a chosen dark theme; "system" is decided in the browser. */
export function themeClass(theme: Theme): string | undefined {
  return theme === 'dark' ? 'dark' : undefined;
}
