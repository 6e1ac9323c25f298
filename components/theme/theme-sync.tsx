'use client';
import { useEffect } from 'react';
import type { Theme } from '@/lib/preferences/vocabulary';

/**
 * Keeps <html class="dark"> right after the first paint: follows the device live while the theme
 * is "system", and applies a theme saved without a full page load.
 */
export function ThemeSync({ theme }: { theme: Theme }) {
  useEffect(() => {
    const root = document.documentElement;
    if (theme !== 'system') {
      root.classList.toggle('dark', theme === 'dark');
      return;
    }
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => root.classList.toggle('dark', query.matches);
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [theme]);
  return null;
}
