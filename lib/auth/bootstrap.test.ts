import { eq } from 'drizzle-orm';
import { verifyPassword } from 'better-auth/crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accounts, auditLog, sessions, users } from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/audit/log';
import { ensureSeedReps } from '@/lib/seed/work';
import { createTempDb } from '@/lib/testing/temp-db';
import { ensureScriptedAdmin } from './bootstrap';
import {
  assertSetupOpen,
  countUsers,
  createUser,
  disableUser,
  findUserByEmail,
  firstSignInHint,
  generateTemporaryPassword,
  hasUsableAccount,
  hasUsableAdmin,
  recordPasswordChanged,
  resetPassword,
} from './users';

// Password hashing (scrypt) is slow on purpose; a busy machine needs more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

let temp: ReturnType<typeof createTempDb>;
beforeEach(() => {
  temp = createTempDb();
});
afterEach(() => temp.cleanup());

const ADMIN_ENV = { email: 'Boss@X.example ', password: 'scripted-admin-password', name: 'Boss' };
const passwordOf = (userId: string) =>
  temp.db.select({ password: accounts.password }).from(accounts).where(eq(accounts.userId, userId)).get()?.password;
const actions = () =>
  temp.db
    .select({ action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .all()
    .map((row) => row.action);

describe('first run: someone can always become admin', () => {
  it('an empty database has no usable admin, and setup is open', () => {
    expect(hasUsableAdmin(temp.db)).toBe(false);
    expect(hasUsableAccount(temp.db)).toBe(false);
    expect(() => assertSetupOpen(temp.db)).not.toThrow();
  });

  it('seeded reps (no password) do not count: the scripted admin is still created', async () => {
    ensureSeedReps(temp.db);
    expect(countUsers(temp.db)).toBe(8);
    expect(hasUsableAccount(temp.db)).toBe(false);
    const outcome = await ensureScriptedAdmin(temp.db, ADMIN_ENV);
    expect(outcome.result).toBe('created');
    const admin = findUserByEmail(temp.db, 'boss@x.example')!;
    expect(admin.role).toBe('admin');
    expect(await verifyPassword({ hash: passwordOf(admin.id)!, password: ADMIN_ENV.password })).toBe(true);
    expect(hasUsableAdmin(temp.db)).toBe(true);
    expect(() => assertSetupOpen(temp.db)).toThrow('Setup is already complete');
    // A second start changes nothing.
    expect((await ensureScriptedAdmin(temp.db, ADMIN_ENV)).result).toBe('skipped');
    expect(countUsers(temp.db)).toBe(9);
  });

  it('does nothing without both variables, or once an admin can sign in', async () => {
    expect((await ensureScriptedAdmin(temp.db, { email: 'a@x.example' })).result).toBe('skipped');
    expect((await ensureScriptedAdmin(temp.db, { password: 'long-enough-pass' })).result).toBe('skipped');
    await createUser(
      temp.db,
      { email: 'first@x.example', name: 'First', role: 'admin', password: 'first-admin-pass' },
      SYSTEM_ACTOR,
      { setup: true },
    );
    expect((await ensureScriptedAdmin(temp.db, ADMIN_ENV)).result).toBe('skipped');
    expect(findUserByEmail(temp.db, ADMIN_ENV.email)).toBeUndefined();
  });

  it('a rep with a password is no admin: setup and ADMIN_EMAIL still work', async () => {
    await createUser(
      temp.db,
      { email: 'rep@x.example', name: 'Rep', role: 'rep', password: 'rep-password-1' },
      SYSTEM_ACTOR,
    );
    expect(hasUsableAccount(temp.db)).toBe(true);
    expect(hasUsableAdmin(temp.db)).toBe(false);
    expect((await ensureScriptedAdmin(temp.db, ADMIN_ENV)).result).toBe('created');
  });

  it('ADMIN_EMAIL naming an existing seeded rep makes them an active admin with that password', async () => {
    const [rep] = ensureSeedReps(temp.db);
    temp.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, rep!.id)).run();
    const outcome = await ensureScriptedAdmin(temp.db, { ...ADMIN_ENV, email: rep!.email });
    expect(outcome).toEqual({ result: 'restored', userId: rep!.id });
    const after = findUserByEmail(temp.db, rep!.email)!;
    expect(after.role).toBe('admin');
    expect(after.disabledAt).toBeNull();
    expect(await verifyPassword({ hash: passwordOf(rep!.id)!, password: ADMIN_ENV.password })).toBe(true);
    expect(hasUsableAdmin(temp.db)).toBe(true);
    expect(actions()).toContain('auth.setup');
  });

  it('a bad ADMIN_PASSWORD is refused naming the field, and creates nobody', async () => {
    await expect(ensureScriptedAdmin(temp.db, { email: 'a@x.example', password: 'short' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: [{ field: 'password', message: 'Use at least 10 characters.' }],
    });
    expect(countUsers(temp.db)).toBe(0);
  });

  it('setup creation is refused once an admin can sign in, before looking at the input', async () => {
    await createUser(
      temp.db,
      { email: 'first@x.example', name: 'First', role: 'admin', password: 'first-admin-pass' },
      SYSTEM_ACTOR,
      { setup: true },
    );
    // Even an invalid form gets the same "complete" answer.
    await expect(
      createUser(temp.db, { email: 'nope', name: '', role: 'admin', password: '' }, SYSTEM_ACTOR, { setup: true }),
    ).rejects.toThrow('Setup is already complete. Sign in instead.');
  });

  it('a disabled admin does not count as one who can sign in', async () => {
    const first = await createUser(
      temp.db,
      { email: 'first@x.example', name: 'First', role: 'admin', password: 'first-admin-pass' },
      SYSTEM_ACTOR,
      { setup: true },
    );
    temp.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, first.id)).run();
    expect(hasUsableAdmin(temp.db)).toBe(false);
    expect(() => assertSetupOpen(temp.db)).not.toThrow();
  });
});

describe('what `npm run seed` says at the end', () => {
  it('points to /setup, to ADMIN_EMAIL, or to the admin to sign in as — never a password', async () => {
    ensureSeedReps(temp.db);
    expect(firstSignInHint(temp.db)).toMatch(/open \/setup to create the first admin/);
    expect(firstSignInHint(temp.db, { ADMIN_EMAIL: ' boss@x.example ' })).toMatch(/makes boss@x\.example the admin/);
    await ensureScriptedAdmin(temp.db, ADMIN_ENV);
    const hint = firstSignInHint(temp.db, { ADMIN_EMAIL: ADMIN_ENV.email });
    expect(hint).toBe('Sign in as boss@x.example (an admin).');
    expect(hint).not.toContain(ADMIN_ENV.password);
  });
});

describe('password resets', () => {
  async function people() {
    const admin = await createUser(
      temp.db,
      { email: 'admin@x.example', name: 'Ada', role: 'admin', password: 'admin-password-1' },
      SYSTEM_ACTOR,
    );
    const rep = await createUser(
      temp.db,
      { email: 'rep@x.example', name: 'Rita', role: 'rep', password: 'rep-password-1' },
      SYSTEM_ACTOR,
    );
    const actor = { type: 'user' as const, id: admin.id, label: admin.email };
    return { admin, rep, actor };
  }

  it('temporary passwords are long, readable and different each time', () => {
    const seen = new Set(Array.from({ length: 200 }, generateTemporaryPassword));
    expect(seen.size).toBe(200);
    for (const password of seen) expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/);
  });

  it('sets a temporary password, ends every session and requires a new one at next sign-in', async () => {
    const { rep, actor } = await people();
    const now = new Date();
    temp.db
      .insert(sessions)
      .values(
        ['s1', 's2'].map((id) => ({
          id,
          token: `t-${id}`,
          userId: rep.id,
          expiresAt: new Date(now.getTime() + 60_000),
          createdAt: now,
          updatedAt: now,
        })),
      )
      .run();
    const { temporaryPassword, user } = await resetPassword(temp.db, actor, rep.id);
    expect(user.mustChangePassword).toBe(true);
    expect(await verifyPassword({ hash: passwordOf(rep.id)!, password: temporaryPassword })).toBe(true);
    expect(await verifyPassword({ hash: passwordOf(rep.id)!, password: 'rep-password-1' })).toBe(false);
    expect(temp.db.select().from(sessions).where(eq(sessions.userId, rep.id)).all()).toHaveLength(0);
    // Audited without the password.
    const entry = temp.db.select().from(auditLog).where(eq(auditLog.action, 'user.password_reset')).get()!;
    expect(entry.targetId).toBe(rep.id);
    expect(JSON.stringify(entry)).not.toContain(temporaryPassword);

    recordPasswordChanged(temp.db, { type: 'user', id: rep.id, label: rep.email }, rep.id);
    expect(findUserByEmail(temp.db, rep.email)!.mustChangePassword).toBe(false);
    expect(actions()).toContain('user.password_changed');
  });

  it('gives a seeded rep (no credential yet) a password they can sign in with', async () => {
    const { actor } = await people();
    const [seedRep] = ensureSeedReps(temp.db);
    const { temporaryPassword } = await resetPassword(temp.db, actor, seedRep!.id);
    expect(await verifyPassword({ hash: passwordOf(seedRep!.id)!, password: temporaryPassword })).toBe(true);
  });

  it('refuses an admin resetting their own password, and unknown people', async () => {
    const { admin, actor } = await people();
    await expect(resetPassword(temp.db, actor, admin.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(resetPassword(temp.db, actor, 'nobody')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a disabled person stays disabled after a reset', async () => {
    const { rep, actor } = await people();
    disableUser(temp.db, actor, rep.id);
    await resetPassword(temp.db, actor, rep.id);
    expect(findUserByEmail(temp.db, rep.email)!.disabledAt).not.toBeNull();
  });
});
