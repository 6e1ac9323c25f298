// Who may do what. Every handler, server action and data function asks here; nothing is decided
// by middleware alone.
import type { ApiKeyRole, UserRole } from './roles';

/** The person or integration behind a request. */
export type Viewer =
  | { kind: 'user'; id: string; name: string; email: string; role: UserRole }
  | { kind: 'api_key'; id: number; label: string; role: ApiKeyRole };

export const PERMISSIONS = [
  /** Read leads within the viewer's scope (see leadScope). */
  'leads:read',
  /** Change status, notes and follow-ups of leads within scope. */
  'leads:work',
  /** Take an unassigned lead. */
  'leads:claim',
  /** Give a lead to anyone, or take it back. */
  'leads:assign',
  'leads:export',
  'dashboard:view',
  /** Users, intake keys, API keys, settings and the audit log. */
  'workspace:admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

type Principal = `user:${UserRole}` | `key:${ApiKeyRole}`;

const GRANTS: Record<Principal, readonly Permission[]> = {
  'user:rep': ['leads:read', 'leads:work', 'leads:claim', 'leads:export'],
  'user:manager': ['leads:read', 'leads:work', 'leads:claim', 'leads:assign', 'leads:export', 'dashboard:view'],
  'user:admin': [
    'leads:read',
    'leads:work',
    'leads:claim',
    'leads:assign',
    'leads:export',
    'dashboard:view',
    'workspace:admin',
  ],
  'key:reader': ['leads:read', 'leads:export'],
  'key:manager': ['leads:read', 'leads:work', 'leads:assign', 'leads:export', 'dashboard:view'],
};

const principal = (viewer: Viewer): Principal =>
  viewer.kind === 'user' ? `user:${viewer.role}` : `key:${viewer.role}`;

export function can(viewer: Viewer | null, permission: Permission): boolean {
  return viewer !== null && GRANTS[principal(viewer)].includes(permission);
}

/**
 * Which leads a viewer may see at all. A rep sees unassigned leads and their own; everyone else
 * with read access sees every lead. Anything outside the scope does not exist for the viewer (404).
 */
export type LeadScope = { kind: 'all' } | { kind: 'own_or_unassigned'; userId: string };

export function leadScope(viewer: Viewer): LeadScope {
  return viewer.kind === 'user' && viewer.role === 'rep'
    ? { kind: 'own_or_unassigned', userId: viewer.id }
    : { kind: 'all' };
}

/** A label for history and audit entries. */
export const viewerLabel = (viewer: Viewer): string =>
  viewer.kind === 'user' ? viewer.email : `API key "${viewer.label}"`;
