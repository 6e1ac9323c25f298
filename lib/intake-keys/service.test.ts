import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { intakeKeys } from '@/db/schema';
import { createTempDb } from '@/lib/testing/temp-db';
import { generateIntakeKey, hashKey, seal, unseal } from './crypto';
import { authenticateIntakeKey, createIntakeKey, ensureIntakeKey, getDisplayableIntakeKey } from './service';

let temp: ReturnType<typeof createTempDb>;
const secret = crypto.randomBytes(32);
beforeEach(() => {
  temp = createTempDb();
});
afterEach(() => temp.cleanup());

describe('intake key crypto', () => {
  it('generates URL-safe keys with at least 128 bits of randomness', () => {
    const key = generateIntakeKey();
    expect(key).toMatch(/^mlk_[A-Za-z0-9_-]{32}$/);
    expect(new Set(Array.from({ length: 100 }, generateIntakeKey)).size).toBe(100);
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
