'use client';
// One panel's JSON from GET /api/dashboard/{panel}: fetched in the browser so the page shell
// paints at once, refetched when the query string changes, the stale request aborted.
import { useCallback, useEffect, useState } from 'react';
import type { PanelData, PanelName } from '@/lib/dashboard/panels';

export type PanelState<T extends PanelData> = {
  data: T | null;
  error: string | null;
  loading: boolean;
  retry: () => void;
};

/** The panel's URL; `query` is a serialised dashboard query string (with or without `?`). */
export function panelUrl(panel: PanelName, query: string, format?: 'csv'): string {
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  if (format) params.set('format', format);
  const search = params.toString();
  return `/api/dashboard/${panel}${search ? `?${search}` : ''}`;
}

export function usePanel<T extends PanelData>(panel: T['panel'], query: string): PanelState<T> {
  const [attempt, setAttempt] = useState(0);
  // The request the panel wants now; an answer is for one request, so "loading" is derived, and
  // the last answer stays on screen (dimmed) while the next one loads.
  const request = `${panel}?${query}#${attempt}`;
  const [answer, setAnswer] = useState<{ request: string | null; data: T | null; error: string | null }>({
    request: null,
    data: null,
    error: null,
  });

  useEffect(() => {
    const controller = new AbortController();
    fetch(panelUrl(panel, query), {
      signal: controller.signal,
      headers: { accept: 'application/json' },
      cache: 'no-store',
    })
      .then(async (response) => {
        const body: unknown = await response.json().catch(() => null);
        if (!response.ok)
          throw new Error(
            errorMessage(body) ?? `The server answered ${response.status} ${response.statusText}.`.trim(),
          );
        if (!body || typeof body !== 'object' || !Array.isArray((body as PanelData).rows)) {
          throw new Error('The server sent something that is not a dashboard panel.');
        }
        setAnswer({ request, data: body as T, error: null });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const message =
          error instanceof TypeError
            ? 'The server could not be reached. Check your connection and try again.'
            : String((error as Error)?.message ?? error);
        setAnswer({ request, data: null, error: message });
      });
    return () => controller.abort();
  }, [panel, query, request]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  const loading = answer.request !== request;
  return { data: answer.data, error: loading ? null : answer.error, loading, retry };
}

function errorMessage(body: unknown): string | null {
  const error = (body as { error?: { message?: unknown; details?: { field?: unknown; message?: unknown }[] } } | null)
    ?.error;
  if (!error || typeof error.message !== 'string') return null;
  const details = Array.isArray(error.details)
    ? error.details.map((detail) => `${String(detail.field)} ${String(detail.message)}`).join('; ')
    : '';
  return details ? `${error.message} (${details})` : error.message;
}
