import 'server-only';
// Resolving the viewer of a request: a session cookie (people) or a Bearer API key (integrations).
// Pages and API handlers call these first, then ask lib/auth/permissions what the viewer may do.
import { eq } from 'drizzle-orm';
import { cookies, headers as requestHeaders } from 'next/headers';
import { cache } from 'react';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { sessions } from '@/db/schema';
import { authenticateApiKey, looksLikeApiKey } from '@/lib/api-keys/service';
import type { AuditActor } from '@/lib/audit/log';
import { AppError } from '@/lib/errors';
import { noteRequestActor } from '@/lib/log/request-context';
import { getAuth } from './auth';
import { SESSION_ABSOLUTE_MS } from './config';
import { can, type Permission, type Viewer } from './permissions';
import { requestInfo } from './request-info';
import { hasUsableAccount } from './users';
import { isUserRole } from './roles';

/** A signed-in person; `mustChangePassword` is set by an admin's reset until they choose a new one. */
export type SessionViewer = Viewer & { kind: 'user'; mustChangePassword: boolean };

export const PASSWORD_CHANGE_PATH = '/change-password';
const MUST_CHANGE_MESSAGE = 'Choose a new password before you continue.';

/**
 * The signed-in person behind these headers, or null (no session, expired, or disabled). The
 * session and its user are read from the database on every request (better-auth's cookie cache is
 * off), so a role change or a disable applies to the very next request.
 */
async function readSessionViewer(headers: Headers): Promise<SessionViewer | null> {
  const found = await getAuth().api.getSession({ headers });
  if (!found) return null;
  // Absolute expiry: a session ends 30 days after sign-in however active it is.
  if (Date.now() - new Date(found.session.createdAt).getTime() > SESSION_ABSOLUTE_MS) {
    getDb().delete(sessions).where(eq(sessions.id, found.session.id)).run();
    return null;
  }
  const { user } = found;
  if (user.disabledAt || !isUserRole(user.role)) return null;
  return {
    kind: 'user',
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    mustChangePassword: user.mustChangePassword === true,
  };
}

/** Memoised per server render, so a layout and its page look the session up once. */
export const getSessionViewer = cache(readSessionViewer);

/**
 * The request's headers with its cookies as they are now. A server action that replaced the
 * session cookie (a password change ends the old session) renders the page again in the same
 * request: with the incoming Cookie header it would find the old, deleted session.
 */
const currentHeaders = cache(async (): Promise<Headers> => {
  const [incoming, jar] = await Promise.all([requestHeaders(), cookies()]);
  const current = new Headers(incoming);
  current.set('cookie', jar.toString());
  return current;
});

/** Pages, layouts and server actions: the signed-in person of this request, or null. */
export async function getCurrentViewer(): Promise<SessionViewer | null> {
  return getSessionViewer(await currentHeaders());
}

function bearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '');
  return match?.[1] ?? null;
}

/** For API routes: a Bearer API key when one is presented, otherwise the session. */
export async function getRequestViewer(headers: Headers): Promise<Viewer | null> {
  const token = bearerToken(headers);
  if (token) {
    if (!looksLikeApiKey(token)) return null;
    const key = authenticateApiKey(getDb(), token);
    return key ? { kind: 'api_key', ...key } : null;
  }
  return getSessionViewer(headers);
}

/**
 * API routes: the viewer, or a 401 (no valid credentials) / 403 (credentials without the
 * permission) AppError.
 */
export async function requireApiViewer(request: Request, permission: Permission): Promise<Viewer> {
  const viewer = await getRequestViewer(request.headers);
  if (!viewer) {
    throw new AppError('unauthorized', 'Sign in, or send an API key as "Authorization: Bearer <key>".', {
      headers: { 'WWW-Authenticate': 'Bearer realm="leadline"' },
    });
  }
  // For the request's log line: who asked, by id.
  noteRequestActor(viewer.kind === 'user' ? `user:${viewer.id}` : `api_key:${viewer.id}`);
  if (viewer.kind === 'user' && 'mustChangePassword' in viewer && viewer.mustChangePassword) {
    throw new AppError('forbidden', MUST_CHANGE_MESSAGE);
  }
  if (!can(viewer, permission)) throw new AppError('forbidden', 'Your role does not allow this.');
  return viewer;
}

/**
 * Pages: the signed-in person. While nobody can sign in the app leads to /setup; without a
 * session to /sign-in; after an admin's password reset to the password change, and nowhere else
 * (except with `passwordChange`); without the permission the page does not exist (404).
 */
export async function requirePageViewer(
  permission: Permission = 'leads:read',
  options: { passwordChange?: boolean } = {},
): Promise<SessionViewer> {
  const viewer = await getCurrentViewer();
  if (!viewer) {
    if (!hasUsableAccount(getDb())) redirect('/setup');
    redirect('/sign-in');
  }
  if (viewer.mustChangePassword && !options.passwordChange) redirect(PASSWORD_CHANGE_PATH);
  if (!can(viewer, permission)) notFound();
  return viewer;
}

/** The audit actor for a viewer and the request's origin. */
export function actorOf(viewer: Viewer, headers: Headers): AuditActor {
  const info = requestInfo(headers);
  return viewer.kind === 'user'
    ? { type: 'user', id: viewer.id, label: viewer.email, ...info }
    : { type: 'api_key', id: String(viewer.id), label: viewer.label, ...info };
}

/**
 * Server actions: the signed-in person with the permission, and the audit actor for the request.
 * Throws AppError 401/403, which actions turn into a message (see lib/actions/result.ts).
 */
export async function requireActionViewer(
  permission: Permission,
  options: { passwordChange?: boolean } = {},
): Promise<{ viewer: SessionViewer; actor: AuditActor }> {
  const headers = await requestHeaders();
  const viewer = await getCurrentViewer();
  if (!viewer) throw new AppError('unauthorized', 'Your session has ended. Sign in again.');
  if (viewer.mustChangePassword && !options.passwordChange) throw new AppError('forbidden', MUST_CHANGE_MESSAGE);
  if (!can(viewer, permission)) throw new AppError('forbidden', 'Your role does not allow this.');
  return { viewer, actor: actorOf(viewer, headers) };
}
