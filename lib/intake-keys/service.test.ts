import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, intakeKeys } from '@/db/schema';
import type { AuditActor } from '@/lib/audit/log';
import { AppError } from '@/lib/errors';
import { createTempDb } from '@/lib/testing/temp-db';
import { generateKey, hashKey, seal, unseal } from '@/lib/keys/crypto';
import {
  authenticateIntakeKey,
  createIntakeKey,
  createLabelledIntakeKey,
  ENV_KEY_LABEL,
  ensureIntakeKey,
  getDisplayableIntakeKey,
  INTAKE_KEY_LABEL_MAX_LENGTH,
  listIntakeKeys,
  revealIntakeKeys,
  revokeIntakeKey,
  rotateIntakeKey,
} from './service';

let temp: ReturnType<typeof createTempDb>;
const secret = crypto.randomBytes(32);
beforeEach(() => {
  temp = createTempDb();
});
afterEach(() => temp.cleanup());

describe('intake key crypto', () => {
  it('generates URL-safe keys with at least 128 bits of randomness', () => {
    const key = generateKey('intake');
    expect(key).toMatch(/^mlk_[A-Za-z0-9_-]{32}$/);
    expect(new Set(Array.from({ length: 100 }, generateKey)).size).toBe(100);
  });

  it('seals and unseals, and refuses another secret or a tampered value', () => {
    const sealed = seal('mlk_secret', secret);
    expect(sealed).not.toContain('mlk_secret');
    expect(unseal(sealed, secret)).toBe('mlk_secret');
    expect(unseal(sealed, crypto.randomBytes(32))).toBeNull();
    const [iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(unseal([iv, tag, flipped.toString('base64url')].join('.'), secret)).toBeNull();
    expect(unseal('garbage', secret)).toBeNull();
  });
});

describe('intake key service', () => {
  it('generates a key on first start only, and stores only its hash and a sealed copy', () => {
    const first = ensureIntakeKey(temp.db, { secret });
    expect(first.generatedKey).toMatch(/^mlk_/);
    expect(ensureIntakeKey(temp.db, { secret }).generatedKey).toBeNull();
    const rows = temp.db.select().from(intakeKeys).all();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(first.generatedKey!);
    expect(rows[0]!.keyHash).toBe(hashKey(first.generatedKey!));
    expect(getDisplayableIntakeKey(temp.db, { secret })?.key).toBe(first.generatedKey);
  });

  it('authenticates active keys only', () => {
    const { generatedKey } = ensureIntakeKey(temp.db, { secret });
    expect(authenticateIntakeKey(temp.db, generatedKey)).toMatchObject({ label: 'Default' });
    expect(authenticateIntakeKey(temp.db, generatedKey + 'x')).toBeNull();
    expect(authenticateIntakeKey(temp.db, '')).toBeNull();
    expect(authenticateIntakeKey(temp.db, null)).toBeNull();
    createIntakeKey(temp.db, { label: 'New', secret, revokeOthers: true });
    expect(authenticateIntakeKey(temp.db, generatedKey)).toBeNull();
  });

  it('uses INTAKE_KEY when set, and retires it when it changes', () => {
    const envKey = 'env-key-0123456789abcdef';
    expect(ensureIntakeKey(temp.db, { secret, envKey }).generatedKey).toBeNull();
    expect(authenticateIntakeKey(temp.db, envKey)).toMatchObject({ label: 'INTAKE_KEY environment variable' });
    expect(getDisplayableIntakeKey(temp.db, { secret, envKey })?.key).toBe(envKey);
    ensureIntakeKey(temp.db, { secret, envKey: 'another-env-key-0123456789' });
    expect(authenticateIntakeKey(temp.db, envKey)).toBeNull();
    expect(authenticateIntakeKey(temp.db, 'another-env-key-0123456789')).not.toBeNull();
    // Switching back revives the first key rather than failing on its unique hash.
    ensureIntakeKey(temp.db, { secret, envKey });
    expect(authenticateIntakeKey(temp.db, envKey)).not.toBeNull();
  });

  it('refuses a short INTAKE_KEY with a clear message', () => {
    expect(() => ensureIntakeKey(temp.db, { secret, envKey: 'short' })).toThrow(/at least 16 characters/);
  });

  it('shows the newest key when several are active', () => {
    const old = createIntakeKey(temp.db, { label: 'Old', secret, now: new Date('2026-01-01') });
    const fresh = createIntakeKey(temp.db, { label: 'New', secret, now: new Date('2026-02-01') });
    expect(getDisplayableIntakeKey(temp.db, { secret })?.key).toBe(fresh.key);
    expect(authenticateIntakeKey(temp.db, old.key)).not.toBeNull();
  });
});

const admin: AuditActor = {
  type: 'user',
  id: 'admin-1',
  label: 'admin@example.com',
  ip: '203.0.113.9',
  userAgent: 'test',
};
const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

function auditRows() {
  return temp.db.select().from(auditLog).all();
}

describe('labelled intake keys', () => {
  it('creates a key with a trimmed label and audits it without the secret', () => {
    const created = createLabelledIntakeKey(
      temp.db,
      admin,
      { label: '  Contoso offer  ' },
      { secret, now: at('2026-03-01T10:00:00Z') },
    );
    expect(created.label).toBe('Contoso offer');
    expect(authenticateIntakeKey(temp.db, created.key)).toEqual({ id: created.id, label: 'Contoso offer' });
    const [entry] = auditRows();
    expect(entry).toMatchObject({
      action: 'intake_key.created',
      actorType: 'user',
      actorId: 'admin-1',
      targetType: 'intake_key',
      targetId: String(created.id),
      ip: '203.0.113.9',
      details: { label: 'Contoso offer' },
    });
    expect(JSON.stringify(auditRows())).not.toContain(created.key);
  });

  it.each([
    ['', /Enter a label/],
    ['   ', /Enter a label/],
    ['x'.repeat(INTAKE_KEY_LABEL_MAX_LENGTH + 1), /at most/],
    [ENV_KEY_LABEL, /reserved/],
    [42, /Enter a label/],
  ])('refuses the label %j with a field error', (label, message) => {
    let caught: unknown;
    try {
      createLabelledIntakeKey(temp.db, admin, { label }, { secret });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('invalid_input');
    expect((caught as AppError).details?.[0]).toMatchObject({
      field: 'label',
      message: expect.stringMatching(message),
    });
    expect(temp.db.select().from(intakeKeys).all()).toHaveLength(0);
    expect(auditRows()).toHaveLength(0);
  });

  it('accepts a label of exactly the maximum length', () => {
    const label = 'x'.repeat(INTAKE_KEY_LABEL_MAX_LENGTH);
    expect(createLabelledIntakeKey(temp.db, admin, { label }, { secret }).label).toBe(label);
  });
});

describe('rotating an intake key', () => {
  const start = at('2026-03-01T10:00:00Z');

  it('keeps the old key working until the grace period ends, then refuses it', () => {
    const old = createLabelledIntakeKey(temp.db, admin, { label: 'Production' }, { secret, now: start });
    const rotated = rotateIntakeKey(temp.db, admin, old.id, { graceHours: 24, secret, now: start });

    expect(rotated.label).toBe('Production');
    expect(rotated.key).not.toBe(old.key);
    expect(rotated.oldKeyWorksUntil).toEqual(new Date(start.getTime() + 24 * HOUR));

    const justBefore = { now: new Date(start.getTime() + 24 * HOUR - 1) };
    const atTheEnd = { now: new Date(start.getTime() + 24 * HOUR) };
    expect(authenticateIntakeKey(temp.db, old.key, justBefore)).toMatchObject({ id: old.id });
    expect(authenticateIntakeKey(temp.db, old.key, atTheEnd)).toBeNull();
    expect(authenticateIntakeKey(temp.db, rotated.key, atTheEnd)).toMatchObject({
      id: rotated.id,
      label: 'Production',
    });
  });

  it('lists the old key as expiring during the grace period and revoked after it', () => {
    const old = createLabelledIntakeKey(temp.db, admin, { label: 'Production' }, { secret, now: start });
    const rotated = rotateIntakeKey(temp.db, admin, old.id, { graceHours: '1', secret, now: start });

    const during = listIntakeKeys(temp.db, new Date(start.getTime() + 30 * 60_000));
    expect(during.map((key) => [key.id, key.state])).toEqual([
      [rotated.id, 'active'],
      [old.id, 'expiring'],
    ]);
    expect(during[1]!.revokedAt).toEqual(new Date(start.getTime() + HOUR));
    const listed = JSON.stringify(during);
    expect(listed).not.toContain(old.key);
    expect(listed).not.toContain(rotated.key);
    expect(listed).not.toMatch(/sealed|keyHash/);

    const after = listIntakeKeys(temp.db, new Date(start.getTime() + 2 * HOUR));
    expect(after.map((key) => key.state)).toEqual(['active', 'revoked']);
  });

  it('with no grace period stops the old key at once', () => {
    const old = createLabelledIntakeKey(temp.db, admin, { label: 'Staging' }, { secret, now: start });
    rotateIntakeKey(temp.db, admin, old.id, { graceHours: 0, secret, now: start });
    expect(authenticateIntakeKey(temp.db, old.key, { now: start })).toBeNull();
  });

  it('shows the new key rather than the one in its grace period, and both while both work', () => {
    const old = createLabelledIntakeKey(temp.db, admin, { label: 'Production' }, { secret, now: start });
    const rotated = rotateIntakeKey(temp.db, admin, old.id, { graceHours: 168, secret, now: start });
    const later = new Date(start.getTime() + HOUR);
    expect(getDisplayableIntakeKey(temp.db, { secret, now: later })).toMatchObject({
      key: rotated.key,
      revokedAt: null,
    });
    expect([...revealIntakeKeys(temp.db, { secret, now: later })]).toEqual(
      expect.arrayContaining([
        [old.id, old.key],
        [rotated.id, rotated.key],
      ]),
    );
    // Once only the old key is left it is still shown, with when it stops.
    revokeIntakeKey(temp.db, admin, rotated.id, { now: later });
    expect(getDisplayableIntakeKey(temp.db, { secret, now: later })).toMatchObject({
      key: old.key,
      revokedAt: new Date(start.getTime() + 168 * HOUR),
    });
  });

  it('audits the rotation with the grace period and the new key, never a secret', () => {
    const old = createLabelledIntakeKey(temp.db, admin, { label: 'Production' }, { secret, now: start });
    const rotated = rotateIntakeKey(temp.db, admin, old.id, { graceHours: 720, secret, now: start });
    const entry = auditRows().find((row) => row.action === 'intake_key.rotated');
    expect(entry).toMatchObject({
      targetType: 'intake_key',
      targetId: String(old.id),
      details: { label: 'Production', newKeyId: rotated.id, graceHours: 720 },
    });
    expect(JSON.stringify(auditRows())).not.toContain(rotated.key);
  });

  it.each([[2], ['24h'], [''], [null], [-1], [1.5]])('refuses the grace period %j', (graceHours) => {
    const old = createLabelledIntakeKey(temp.db, admin, { label: 'Production' }, { secret, now: start });
    expect(() => rotateIntakeKey(temp.db, admin, old.id, { graceHours, secret, now: start })).toThrow(
      expect.objectContaining({ code: 'invalid_input', details: [expect.objectContaining({ field: 'graceHours' })] }),
    );
    expect(temp.db.select().from(intakeKeys).all()).toHaveLength(1);
    expect(authenticateIntakeKey(temp.db, old.key, { now: start })).not.toBeNull();
  });

  it('refuses to rotate a key twice, a revoked key, or an unknown one', () => {
    const old = createLabelledIntakeKey(temp.db, admin, { label: 'Production' }, { secret, now: start });
    rotateIntakeKey(temp.db, admin, old.id, { graceHours: 24, secret, now: start });
    expect(() => rotateIntakeKey(temp.db, admin, old.id, { graceHours: 24, secret, now: start })).toThrow(
      /already rotated/,
    );
    const later = new Date(start.getTime() + 25 * HOUR);
    expect(() => rotateIntakeKey(temp.db, admin, old.id, { graceHours: 24, secret, now: later })).toThrow(
      /already revoked/,
    );
    expect(() => rotateIntakeKey(temp.db, admin, 9999, { graceHours: 24, secret, now: start })).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    expect(temp.db.select().from(intakeKeys).all()).toHaveLength(2);
  });
});

describe('revoking an intake key', () => {
  const start = at('2026-03-01T10:00:00Z');

  it('stops the key at once and audits it once', () => {
    const key = createLabelledIntakeKey(temp.db, admin, { label: 'Leaked' }, { secret, now: start });
    const other = createLabelledIntakeKey(temp.db, admin, { label: 'Other' }, { secret, now: start });
    revokeIntakeKey(temp.db, admin, key.id, { now: start });
    expect(authenticateIntakeKey(temp.db, key.key, { now: start })).toBeNull();
    expect(authenticateIntakeKey(temp.db, other.key, { now: start })).not.toBeNull();
    expect(listIntakeKeys(temp.db, start).find((row) => row.id === key.id)?.state).toBe('revoked');

    revokeIntakeKey(temp.db, admin, key.id, { now: start });
    expect(auditRows().filter((row) => row.action === 'intake_key.revoked')).toEqual([
      expect.objectContaining({ targetId: String(key.id), details: { label: 'Leaked', wasInGracePeriod: false } }),
    ]);
  });

  it('cuts a grace period short', () => {
    const old = createLabelledIntakeKey(temp.db, admin, { label: 'Production' }, { secret, now: start });
    rotateIntakeKey(temp.db, admin, old.id, { graceHours: 168, secret, now: start });
    const later = new Date(start.getTime() + HOUR);
    revokeIntakeKey(temp.db, admin, old.id, { now: later });
    expect(authenticateIntakeKey(temp.db, old.key, { now: new Date(later.getTime() + 1) })).toBeNull();
    expect(temp.db.select().from(intakeKeys).where(eq(intakeKeys.id, old.id)).get()?.revokedAt).toEqual(later);
  });

  it('--revoke-others also ends keys in a grace period', () => {
    const old = createLabelledIntakeKey(temp.db, admin, { label: 'Production' }, { secret, now: start });
    const rotated = rotateIntakeKey(temp.db, admin, old.id, { graceHours: 24, secret, now: start });
    const fresh = createIntakeKey(temp.db, { label: 'CLI', secret, revokeOthers: true, now: start });
    const soon = { now: new Date(start.getTime() + 1) };
    expect(authenticateIntakeKey(temp.db, old.key, soon)).toBeNull();
    expect(authenticateIntakeKey(temp.db, rotated.key, soon)).toBeNull();
    expect(authenticateIntakeKey(temp.db, fresh.key, soon)).not.toBeNull();
  });
});

describe('the INTAKE_KEY environment key', () => {
  const envKey = 'env-key-0123456789abcdef';

  it('cannot be rotated or revoked here, and says to change the variable', () => {
    ensureIntakeKey(temp.db, { secret, envKey });
    const [row] = listIntakeKeys(temp.db);
    expect(row).toMatchObject({ origin: 'env', state: 'active' });
    expect(() => rotateIntakeKey(temp.db, admin, row!.id, { graceHours: 24, secret })).toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/INTAKE_KEY.*restart/) }),
    );
    expect(() => revokeIntakeKey(temp.db, admin, row!.id)).toThrow(/environment variable/);
    expect(authenticateIntakeKey(temp.db, envKey)).not.toBeNull();
    expect(temp.db.select().from(intakeKeys).all()).toHaveLength(1);
    expect(auditRows()).toHaveLength(0);
  });

  it('is shown with its URL only while the variable still holds it', () => {
    ensureIntakeKey(temp.db, { secret, envKey });
    const [row] = listIntakeKeys(temp.db);
    expect(revealIntakeKeys(temp.db, { secret, envKey }).get(row!.id)).toBe(envKey);
    expect(revealIntakeKeys(temp.db, { secret }).has(row!.id)).toBe(false);
  });
});
