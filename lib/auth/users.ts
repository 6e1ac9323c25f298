// People who can sign in: creation (setup page, admins, CLI, ADMIN_EMAIL), roles, disabling.
// Passwords are hashed with better-auth's own hasher, so its sign-in verifies them.
import crypto from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { and, asc, count, eq, isNull, max, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { accounts, leads, sessions, users, type User } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/log';
import { AppError, type ErrorDetail } from '@/lib/errors';
import { USER_ROLES, type UserRole } from './roles';

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './limits';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

export const newUserSchema = z.object({
  email: z
    .string({ error: 'Enter an email address.' })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'Enter a valid email address.' })),
  name: z
    .string({ error: 'Enter a name.' })
    .trim()
    .min(1, { error: 'Enter a name.' })
    .max(100, { error: 'Use at most 100 characters.' }),
  role: z.enum(USER_ROLES, { error: 'Choose rep, manager or admin.' }),
  password: z
    .string({ error: 'Enter a password.' })
    .min(PASSWORD_MIN_LENGTH, { error: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
    .max(PASSWORD_MAX_LENGTH, { error: `Use at most ${PASSWORD_MAX_LENGTH} characters.` }),
});
export type NewUser = z.input<typeof newUserSchema>;

export type UserSummary = Pick<User, 'id' | 'name' | 'email' | 'role' | 'disabledAt' | 'createdAt'> & {
  lastSignInAt: Date | null;
};

/** Turns a zod failure into the app's error with one detail per field. */
export function invalidInput(error: z.ZodError, message = 'Some fields need attention.'): AppError {
  const details: ErrorDetail[] = error.issues.map((issue) => ({
    field: issue.path.join('.') || '(input)',
    message: issue.message,
  }));
  return new AppError('invalid_input', message, { details });
}

export function countUsers(db: Db): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0;
}

export function getUser(db: Db, id: string): User | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export function findUserByEmail(db: Db, email: string): User | undefined {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export async function createUser(
  db: Db,
  input: NewUser,
  actor: AuditActor,
  options: { setup?: boolean } = {},
): Promise<User> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { email, name, role, password } = parsed.data;
  if (findUserByEmail(db, email)) {
    throw new AppError('conflict', 'A user with this email already exists.', {
      details: [{ field: 'email', message: 'This email is already taken.' }],
    });
  }
  const passwordHash = await hashPassword(password);
  const now = new Date();
  const id = crypto.randomUUID();
  return db.transaction((tx) => {
    // The setup page may only ever create the first user, even if two browsers race.
    if (options.setup && (tx.select({ n: count() }).from(users).get()?.n ?? 0) > 0) {
      throw new AppError('conflict', 'Setup is already complete. Sign in instead.');
    }
    const user = tx
      .insert(users)
      .values({ id, name, email, role, emailVerified: false, createdAt: now, updatedAt: now })
      .returning()
      .get();
    tx.insert(accounts)
      .values({
        id: crypto.randomUUID(),
        accountId: id,
        providerId: 'credential',
        userId: id,
        password: passwordHash,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    recordAudit(tx, actor, options.setup ? 'auth.setup' : 'user.created', { type: 'user', id }, { role });
    return user;
  });
}

export function listUsers(db: Db): UserSummary[] {
  const rows = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.name), asc(users.email))
    .all();
  // Sessions are created at sign-in: the newest one per person is their last sign-in.
  const lastSignIns = new Map(
    db
      .select({ userId: sessions.userId, at: max(sessions.createdAt) })
      .from(sessions)
      .groupBy(sessions.userId)
      .all()
      .map((row) => [row.userId, row.at]),
  );
  return rows.map((row) => ({ ...row, lastSignInAt: lastSignIns.get(row.id) ?? null }));
}

/** Active users who can own leads, for assignment menus. */
export function listAssignableUsers(db: Db): Pick<User, 'id' | 'name' | 'email' | 'role'>[] {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(isNull(users.disabledAt))
    .orderBy(asc(users.name))
    .all();
}

function otherActiveAdmins(db: Db, userId: string): number {
  return (
    db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, userId)))
      .get()?.n ?? 0
  );
}

function requireUser(db: Db, userId: string): User {
  const user = getUser(db, userId);
  if (!user) throw new AppError('not_found', 'No such user.');
  return user;
}

export function setUserRole(db: Db, actor: AuditActor, userId: string, role: UserRole): User {
  if (!USER_ROLES.includes(role)) {
    throw new AppError('invalid_input', 'Unknown role.', {
      details: [{ field: 'role', message: 'Choose rep, manager or admin.' }],
    });
  }
  const user = requireUser(db, userId);
  if (user.role === role) return user;
  if (user.role === 'admin' && otherActiveAdmins(db, userId) === 0) {
    throw new AppError('conflict', 'This is the only active admin: make someone else an admin first.');
  }
  return db.transaction((tx) => {
    const updated = tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId)).returning().get();
    recordAudit(tx, actor, 'user.role_changed', { type: 'user', id: userId }, { from: user.role, to: role });
    return updated;
  });
}

/**
 * Disables a user: they are signed out everywhere at once and cannot sign in. Their leads stay
 * assigned to them, visible to managers.
 */
export function disableUser(db: Db, actor: AuditActor, userId: string): User {
  const user = requireUser(db, userId);
  if (actor.type === 'user' && actor.id === userId) throw new AppError('conflict', 'You cannot disable yourself.');
  if (user.disabledAt) return user;
  if (user.role === 'admin' && otherActiveAdmins(db, userId) === 0) {
    throw new AppError('conflict', 'This is the only active admin and cannot be disabled.');
  }
  return db.transaction((tx) => {
    const now = new Date();
    const updated = tx
      .update(users)
      .set({ disabledAt: now, updatedAt: now })
      .where(eq(users.id, userId))
      .returning()
      .get();
    tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    const owned = tx.select({ n: count() }).from(leads).where(eq(leads.ownerId, userId)).get()?.n ?? 0;
    recordAudit(tx, actor, 'user.disabled', { type: 'user', id: userId }, { ownedLeads: owned });
    return updated;
  });
}

export function enableUser(db: Db, actor: AuditActor, userId: string): User {
  const user = requireUser(db, userId);
  if (!user.disabledAt) return user;
  return db.transaction((tx) => {
    const updated = tx
      .update(users)
      .set({ disabledAt: null, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning()
      .get();
    recordAudit(tx, actor, 'user.enabled', { type: 'user', id: userId });
    return updated;
  });
}
