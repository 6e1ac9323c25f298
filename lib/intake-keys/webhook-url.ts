export const INTAKE_PATH = '/api/intake/marketplace';

/**
 * Where Partner Center reaches us: PUBLIC_URL when set (the address behind any proxy), else the
 * host the request came in on, else localhost and PORT.
 */
export function publicBaseUrl(requestHeaders?: Headers): string {
  const configured = process.env.PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  const host = requestHeaders?.get('x-forwarded-host') ?? requestHeaders?.get('host');
  if (host && /^[a-z0-9.\-:[\]]+$/i.test(host)) {
    const proto = requestHeaders?.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
    return `${proto}://${host}`;
  }
  return `http://localhost:${process.env.PORT || 3000}`;
}

export function webhookUrl(baseUrl: string, key: string): string {
  return `${baseUrl}${INTAKE_PATH}?key=${encodeURIComponent(key)}`;
}
