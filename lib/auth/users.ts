// People who can sign in: creation (setup page, admins, CLI, ADMIN_EMAIL), roles, disabling,
// password resets. Passwords are hashed with better-auth's own hasher, so its sign-in verifies them.
import crypto from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { and, asc, count, eq, isNotNull, isNull, max, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { accounts, leads, sessions, users, type User } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/log';
import { AppError, type ErrorDetail } from '@/lib/errors';
import { USER_ROLES, type UserRole } from './roles';

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './limits';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

/** The password rules (lib/auth/limits.ts) as a schema, for new, changed and reset passwords. */
export const passwordSchema = z
  .string({ error: 'Enter a password.' })
  .min(PASSWORD_MIN_LENGTH, { error: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  .max(PASSWORD_MAX_LENGTH, { error: `Use at most ${PASSWORD_MAX_LENGTH} characters.` });

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
  password: passwordSchema,
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

/** Whether some active person (an active admin, with `admin`) has a password to sign in with. */
function firstWhoCanSignIn(db: Pick<Db, 'select'>, admin: boolean): { email: string } | undefined {
  return db
    .select({ email: users.email })
    .from(users)
    .innerJoin(
      accounts,
      and(eq(accounts.userId, users.id), eq(accounts.providerId, 'credential'), isNotNull(accounts.password)),
    )
    .where(and(isNull(users.disabledAt), admin ? eq(users.role, 'admin') : undefined))
    .orderBy(asc(users.createdAt))
    .limit(1)
    .get();
}

/**
 * True once an admin can sign in: an active admin with a password. Seeded reps (no password) and
 * disabled admins do not count, so a seeded database still offers /setup and ADMIN_EMAIL.
 */
export const hasUsableAdmin = (db: Pick<Db, 'select'>): boolean => firstWhoCanSignIn(db, true) !== undefined;

/** True once anyone at all can sign in; until then every page leads to /setup. */
export const hasUsableAccount = (db: Pick<Db, 'select'>): boolean => firstWhoCanSignIn(db, false) !== undefined;

/**
 * How to get into this database, for operators (printed by `npm run seed`): the admin to sign in
 * as, or the ways to make one. Never a password.
 */
export function firstSignInHint(db: Pick<Db, 'select'>, env: { ADMIN_EMAIL?: string } = {}): string {
  const admin = firstWhoCanSignIn(db, true);
  if (admin) return `Sign in as ${admin.email} (an admin).`;
  const scripted = env.ADMIN_EMAIL?.trim();
  if (scripted) return `No admin can sign in yet: start the app (npm start) and it makes ${scripted} the admin.`;
  return (
    'No admin can sign in yet: start the app (npm start) and open /setup to create the first admin, ' +
    'or set ADMIN_EMAIL and ADMIN_PASSWORD before starting. The seeded reps have no password.'
  );
}

const SETUP_CLOSED = 'Setup is already complete. Sign in instead.';

/** The setup page works only while no admin can sign in; afterwards every attempt gets this one answer. */
export function assertSetupOpen(db: Pick<Db, 'select'>): void {
  if (hasUsableAdmin(db)) throw new AppError('conflict', SETUP_CLOSED);
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
  // Once an admin can sign in, setup answers the same whatever was sent, before any hashing.
  if (options.setup) assertSetupOpen(db);
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
    // The setup page may only create an admin while none can sign in, even if two browsers race.
    if (options.setup) assertSetupOpen(tx);
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

// Readable temporary passwords: no 0/O, 1/l/I, so they survive being read out or retyped.
const TEMPORARY_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A temporary password from the CSPRNG: 20 characters in groups of 5 (about 116 bits). */
export function generateTemporaryPassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 5 }, () => TEMPORARY_ALPHABET[crypto.randomInt(TEMPORARY_ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Sets the credential password, adding the credential account for people without one (seeded reps). */
function setCredentialPassword(tx: Tx, userId: string, passwordHash: string, now: Date): void {
  const updated = tx
    .update(accounts)
    .set({ password: passwordHash, updatedAt: now })
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')))
    .run();
  if (updated.changes > 0) return;
  tx.insert(accounts)
    .values({
      id: crypto.randomUUID(),
      accountId: userId,
      providerId: 'credential',
      userId,
      password: passwordHash,
      createdAt: now,
      updatedAt: now,
    })
    .run();
}

/**
 * An admin's reset of someone else's password: a fresh temporary password (returned once, never
 * stored in clear), every session of theirs ended, and a new password required at next sign-in.
 */
export async function resetPassword(
  db: Db,
  actor: AuditActor,
  userId: string,
): Promise<{ user: User; temporaryPassword: string }> {
  const user = requireUser(db, userId);
  if (actor.type === 'user' && actor.id === userId) {
    throw new AppError('conflict', 'Change your own password on your account page.');
  }
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const updated = db.transaction((tx) => {
    const now = new Date();
    setCredentialPassword(tx, userId, passwordHash, now);
    const row = tx
      .update(users)
      .set({ mustChangePassword: true, updatedAt: now })
      .where(eq(users.id, userId))
      .returning()
      .get();
    const ended = tx.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
    recordAudit(tx, actor, 'user.password_reset', { type: 'user', id: userId }, { sessionsEnded: ended });
    return row;
  });
  return { user: updated ?? user, temporaryPassword };
}

/** After a person set their own password: a reset's must-change flag is lifted, and it is audited. */
export function recordPasswordChanged(db: Db, actor: AuditActor, userId: string): void {
  db.transaction((tx) => {
    const now = new Date();
    tx.update(users).set({ mustChangePassword: false, updatedAt: now }).where(eq(users.id, userId)).run();
    recordAudit(tx, actor, 'user.password_changed', { type: 'user', id: userId });
  });
}

/**
 * ADMIN_EMAIL naming someone who already exists (a seeded rep, a disabled admin) while no admin
 * can sign in: they become an active admin with ADMIN_PASSWORD, and are signed out elsewhere.
 */
export async function restoreAdmin(db: Db, actor: AuditActor, userId: string, password: string): Promise<User> {
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) {
    throw new AppError('invalid_input', 'Some fields need attention.', {
      details: parsed.error.issues.map((issue) => ({ field: 'password', message: issue.message })),
    });
  }
  requireUser(db, userId);
  const passwordHash = await hashPassword(parsed.data);
  return db.transaction((tx) => {
    assertSetupOpen(tx);
    const now = new Date();
    setCredentialPassword(tx, userId, passwordHash, now);
    tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    const row = tx
      .update(users)
      .set({ role: 'admin', disabledAt: null, mustChangePassword: false, updatedAt: now })
      .where(eq(users.id, userId))
      .returning()
      .get();
    recordAudit(tx, actor, 'auth.setup', { type: 'user', id: userId }, { role: 'admin', existingUser: true });
    return row;
  });
}
