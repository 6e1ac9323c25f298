// Runs before pages, server actions and API routes (not the webhook, see the matcher): gives
// every request an id, and sends signed-out visitors of pages to the sign-in page.
// The id: a well-formed incoming X-Request-Id is kept, anything else replaced by a new UUID; it is
// forwarded to the handler (handlers read it with requestIdOf) and returned as X-Request-Id.
// The sign-in redirect is an optimistic first gate that only looks at the cookie; every page,
// handler and action still checks the session and the role itself (lib/auth/viewer.ts).
import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';
import { acceptRequestId, newRequestId, REQUEST_ID_HEADER } from '@/lib/log/request-id';

const PUBLIC_PAGES = ['/sign-in', '/setup'];

export function proxy(request: NextRequest) {
  const requestId = acceptRequestId(request.headers.get(REQUEST_ID_HEADER)) ?? newRequestId();
  const { pathname, search } = request.nextUrl;
  // API routes answer 401 themselves.
  if (pathname.startsWith('/api/') || PUBLIC_PAGES.includes(pathname) || getSessionCookie(request)) {
    const headers = new Headers(request.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    const response = NextResponse.next({ request: { headers } });
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  }
  const url = request.nextUrl.clone();
  url.pathname = '/sign-in';
  url.search = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
  const response = NextResponse.redirect(url);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Not the webhook: a proxy makes Next buffer the request body in memory before the handler
  // runs, which would defeat the webhook's bounded streaming read and cost every delivery a copy.
  // The webhook reads its id with requestIdOf and sets X-Request-Id itself. Assets and the
  // app icon need neither an id nor a gate (the sign-in page shows the icon too).
  // The liveness probe skips it too: it answers before anything else, like the webhook.
  matcher: ['/((?!api/intake/|api/health/live|_next/|favicon\\.ico|icon\\.svg|robots\\.txt).*)'],
};
