// API keys for integrations: created by admins (or the CLI) with a label and a role, shown once,
// stored as a hash, listed by label and prefix, revocable. Accepted as `Authorization: Bearer`.
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { apiKeys, type ApiKey } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/log';
import { invalidInput } from '@/lib/auth/users';
import { API_KEY_ROLES, type ApiKeyRole } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { generateKey, hashesEqual, hashKey, keyPrefix, KEY_KINDS } from '@/lib/keys/crypto';

export const newApiKeySchema = z.object({
  label: z
    .string({ error: 'Enter a label.' })
    .trim()
    .min(1, { error: 'Enter a label, such as the integration’s name.' })
    .max(80, { error: 'Use at most 80 characters.' }),
  role: z.enum(API_KEY_ROLES, { error: 'Choose read only or manager.' }),
});

/** Last-used times are written at most this often per key, so reads stay reads. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiKeySummary = Omit<ApiKey, 'keyHash'>;

export function createApiKey(
  db: Db,
  actor: AuditActor,
  input: { label: unknown; role: unknown },
): { id: number; key: string; label: string; role: ApiKeyRole } {
  const parsed = newApiKeySchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const key = generateKey('api');
  return db.transaction((tx) => {
    const row = tx
      .insert(apiKeys)
      .values({
        label: parsed.data.label,
        role: parsed.data.role,
        keyHash: hashKey(key),
        keyPrefix: keyPrefix(key),
        createdBy: actor.type === 'user' ? actor.id : null,
        createdAt: new Date(),
      })
      .returning({ id: apiKeys.id })
      .get();
    recordAudit(tx, actor, 'api_key.created', { type: 'api_key', id: row.id }, { role: parsed.data.role });
    return { id: row.id, key, label: parsed.data.label, role: parsed.data.role };
  });
}

export function listApiKeys(db: Db): ApiKeySummary[] {
  return db
    .select({
      id: apiKeys.id,
      label: apiKeys.label,
      role: apiKeys.role,
      keyPrefix: apiKeys.keyPrefix,
      createdBy: apiKeys.createdBy,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .all();
}

export function revokeApiKey(db: Db, actor: AuditActor, id: number): void {
  const key = db.select({ id: apiKeys.id, revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.id, id)).get();
  if (!key) throw new AppError('not_found', 'No such API key.');
  if (key.revokedAt) return;
  db.transaction((tx) => {
    tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, id)).run();
    recordAudit(tx, actor, 'api_key.revoked', { type: 'api_key', id });
  });
}

export const looksLikeApiKey = (value: string): boolean => value.startsWith(KEY_KINDS.api);

/** The active key matching the presented secret, or null. A revoked key fails at once. */
export function authenticateApiKey(db: Db, presented: string): { id: number; label: string; role: ApiKeyRole } | null {
  const hash = hashKey(presented);
  const row = db
    .select({
      id: apiKeys.id,
      label: apiKeys.label,
      role: apiKeys.role,
      keyHash: apiKeys.keyHash,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hash), isNull(apiKeys.revokedAt)))
    .get();
  // The lookup is by hash; the constant-time compare guards against a mismatched index hit.
  if (!row || !hashesEqual(row.keyHash, hash)) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    db.update(apiKeys)
      .set({ lastUsedAt: new Date(now) })
      .where(eq(apiKeys.id, row.id))
      .run();
  }
  return { id: row.id, label: row.label, role: row.role };
}
