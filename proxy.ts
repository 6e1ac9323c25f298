// An optimistic first gate for pages: no session cookie → the sign-in page, remembering where the
// person was going. It only looks at the cookie; every page, handler and action still checks the
// session and the role itself (lib/auth/viewer.ts).
import { getSessionCookie } from 'better-auth/cookies';
import { NextResponse, type NextRequest } from 'next/server';

const PUBLIC_PAGES = ['/sign-in', '/setup'];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PAGES.includes(pathname) || getSessionCookie(request)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/sign-in';
  url.search = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: API routes answer 401 themselves; assets and the favicon stay public.
  matcher: ['/((?!api/|_next/|favicon\\.ico|robots\\.txt).*)'],
};
