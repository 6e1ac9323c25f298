import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '@/db';
import { intakeKeys } from '@/db/schema';
import { generateIntakeKey, hashesEqual, hashKey, keyPrefix, seal, unseal } from './crypto';

export const MIN_ENV_KEY_LENGTH = 16;
export const ENV_KEY_LABEL = 'INTAKE_KEY environment variable';

type Clock = { now?: Date };

/** Creates a key, stores its hash (and a sealed copy for admins), and returns the key once. */
export function createIntakeKey(
  db: Db,
  options: { label: string; secret: Buffer; revokeOthers?: boolean } & Clock,
): { id: number; key: string } {
  const now = options.now ?? new Date();
  const key = generateIntakeKey();
  return db.transaction((tx) => {
    if (options.revokeOthers) {
      tx.update(intakeKeys).set({ revokedAt: now }).where(isNull(intakeKeys.revokedAt)).run();
    }
    const row = tx
      .insert(intakeKeys)
      .values({
        label: options.label,
        origin: 'generated',
        keyHash: hashKey(key),
        keyPrefix: keyPrefix(key),
        sealedKey: seal(key, options.secret),
        createdAt: now,
      })
      .returning({ id: intakeKeys.id })
      .get();
    return { id: row.id, key };
  });
}

/**
 * Makes sure the webhook can be authenticated. With INTAKE_KEY set, that key is the
 * environment's key (a changed value retires the previous one). Without it, a key is generated
 * the first time and returned so the caller can show the webhook URL once.
 */
export function ensureIntakeKey(
  db: Db,
  options: { envKey?: string; secret: Buffer } & Clock,
): { generatedKey: string | null } {
  const now = options.now ?? new Date();
  const envKey = options.envKey?.trim();
  if (envKey) {
    if (envKey.length < MIN_ENV_KEY_LENGTH) {
      throw new Error(`INTAKE_KEY must be at least ${MIN_ENV_KEY_LENGTH} characters long.`);
    }
    const hash = hashKey(envKey);
    db.transaction((tx) => {
      tx.update(intakeKeys)
        .set({ revokedAt: now })
        .where(
          and(eq(intakeKeys.origin, 'env'), ne(intakeKeys.keyHash, hash), isNull(intakeKeys.revokedAt)),
        )
        .run();
      tx.insert(intakeKeys)
        .values({
          label: ENV_KEY_LABEL,
          origin: 'env',
          keyHash: hash,
          keyPrefix: keyPrefix(envKey),
          createdAt: now,
        })
        .onConflictDoUpdate({ target: intakeKeys.keyHash, set: { revokedAt: null } })
        .run();
    });
    return { generatedKey: null };
  }

  const active = db
    .select({ id: intakeKeys.id })
    .from(intakeKeys)
    .where(and(isNull(intakeKeys.revokedAt), eq(intakeKeys.origin, 'generated')))
    .limit(1)
    .get();
  if (active) return { generatedKey: null };
  const { key } = createIntakeKey(db, { label: 'Default', secret: options.secret, now });
  return { generatedKey: key };
}

/**
 * Returns the active key matching the presented secret, or null. Every active key is compared in
 * constant time, and all of them are compared, so timing tells nothing about which one is close.
 */
export function authenticateIntakeKey(
  db: Db,
  presented: string | null | undefined,
): { id: number; label: string } | null {
  if (!presented) return null;
  const hash = hashKey(presented);
  const candidates = db
    .select({ id: intakeKeys.id, label: intakeKeys.label, keyHash: intakeKeys.keyHash })
    .from(intakeKeys)
    .where(isNull(intakeKeys.revokedAt))
    .all();
  let match: { id: number; label: string } | null = null;
  for (const candidate of candidates) {
    if (hashesEqual(candidate.keyHash, hash) && !match) {
      match = { id: candidate.id, label: candidate.label };
    }
  }
  return match;
}

/**
 * The newest active key whose secret can be shown (a generated key we can unseal, or the
 * environment's key), for the webhook URL on the admin screens.
 */
export function getDisplayableIntakeKey(
  db: Db,
  options: { envKey?: string; secret: Buffer },
): { id: number; label: string; key: string; createdAt: Date } | null {
  const rows = db
    .select()
    .from(intakeKeys)
    .where(isNull(intakeKeys.revokedAt))
    .orderBy(desc(intakeKeys.createdAt), desc(intakeKeys.id))
    .all();
  const envKey = options.envKey?.trim();
  for (const row of rows) {
    const key =
      row.origin === 'env'
        ? envKey && hashesEqual(hashKey(envKey), row.keyHash)
          ? envKey
          : null
        : row.sealedKey && unseal(row.sealedKey, options.secret);
    if (key) return { id: row.id, label: row.label, key, createdAt: row.createdAt };
  }
  return null;
}
