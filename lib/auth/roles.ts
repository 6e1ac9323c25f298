// The roles, in one place. Permissions derive from them in lib/auth/permissions.ts.

/** People: a rep works their own and unassigned leads; a manager all leads; an admin also runs the workspace. */
export const USER_ROLES = ['rep', 'manager', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Integrations: a reader key only reads; a manager key may also change leads. */
export const API_KEY_ROLES = ['reader', 'manager'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

export const USER_ROLE_LABELS: Record<UserRole, string> = { rep: 'Rep', manager: 'Manager', admin: 'Admin' };
export const API_KEY_ROLE_LABELS: Record<ApiKeyRole, string> = { reader: 'Read only', manager: 'Manager' };

export const isUserRole = (value: unknown): value is UserRole => USER_ROLES.includes(value as UserRole);
export const isApiKeyRole = (value: unknown): value is ApiKeyRole => API_KEY_ROLES.includes(value as ApiKeyRole);
