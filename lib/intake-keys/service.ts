// Intake keys authenticate the Marketplace webhook. Several may work at once (one per offer or
// environment); admins create, rotate (the old key keeps working for a grace period) and revoke
// them. `revoked_at` is when a key stops working: now for a revoke, later for a rotation.
import type Database from 'better-sqlite3';
import { and, asc, desc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { intakeKeys, type IntakeKey } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/log';
import type { DeliveryKeyState } from '@/lib/deliveries/vocabulary';
import { AppError } from '@/lib/errors';
import { generateKey, hashesEqual, hashKey, keyPrefix, seal, unseal } from '@/lib/keys/crypto';

export const MIN_ENV_KEY_LENGTH = 16;
export const ENV_KEY_LABEL = 'INTAKE_KEY environment variable';
export const INTAKE_KEY_LABEL_MAX_LENGTH = 80;

/** How long a rotated key keeps working, in hours: enough to update Partner Center. */
export const INTAKE_KEY_GRACE_HOURS = [0, 1, 24, 168, 720] as const;
export type GraceHours = (typeof INTAKE_KEY_GRACE_HOURS)[number];
export const GRACE_PERIOD_LABELS: Record<GraceHours, string> = {
  0: 'None: the old key stops at once',
  1: '1 hour',
  24: '24 hours',
  168: '7 days',
  720: '30 days',
};
export const DEFAULT_GRACE_HOURS: GraceHours = 24;

/** active: works; expiring: works until `revokedAt` (a rotation's grace); revoked: refused. */
export const INTAKE_KEY_STATES = ['active', 'expiring', 'revoked'] as const;
export type IntakeKeyState = (typeof INTAKE_KEY_STATES)[number];

const HOUR_MS = 3_600_000;

type Clock = { now?: Date };
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const intakeKeyLabelSchema = z
  .string({ error: 'Enter a label.' })
  .trim()
  .min(1, { error: 'Enter a label, such as the offer or environment it is for.' })
  .max(INTAKE_KEY_LABEL_MAX_LENGTH, { error: `Use at most ${INTAKE_KEY_LABEL_MAX_LENGTH} characters.` })
  .refine((label) => label !== ENV_KEY_LABEL, {
    error: 'This label is reserved for the INTAKE_KEY environment variable.',
  });

export const newIntakeKeySchema = z.object({ label: intakeKeyLabelSchema });

export const rotateIntakeKeySchema = z.object({
  // Form values arrive as strings; anything but one of the listed periods is refused.
  graceHours: z.preprocess(
    (value) => (typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value),
    z.literal(INTAKE_KEY_GRACE_HOURS, { error: 'Choose a grace period from the list.' }),
  ),
});

export type IntakeKeySummary = Pick<
  IntakeKey,
  'id' | 'label' | 'origin' | 'keyPrefix' | 'createdAt' | 'lastUsedAt' | 'revokedAt'
> & { state: IntakeKeyState };

export function intakeKeyState(revokedAt: Date | null, now: Date): IntakeKeyState {
  if (!revokedAt) return 'active';
  return revokedAt.getTime() > now.getTime() ? 'expiring' : 'revoked';
}

/** Keys that still authenticate at `now`: never revoked, or in a rotation's grace period. */
const working = (now: Date) => or(isNull(intakeKeys.revokedAt), gt(intakeKeys.revokedAt, now));

function insertGeneratedKey(
  tx: Pick<Db, 'insert'>,
  label: string,
  secret: Buffer,
  now: Date,
): { id: number; key: string } {
  const key = generateKey('intake');
  const row = tx
    .insert(intakeKeys)
    .values({
      label,
      origin: 'generated',
      keyHash: hashKey(key),
      keyPrefix: keyPrefix(key),
      sealedKey: seal(key, secret),
      createdAt: now,
    })
    .returning({ id: intakeKeys.id })
    .get();
  return { id: row.id, key };
}

// Not lib/auth/users' invalidInput: that module pulls the password hasher into the webhook's path.
function invalid(error: z.ZodError): AppError {
  return new AppError('invalid_input', 'Some fields need attention.', {
    details: error.issues.map((issue) => ({ field: issue.path.join('.') || '(input)', message: issue.message })),
  });
}

/**
 * Creates a key, stores its hash (and a sealed copy for admins), and returns the key once. For
 * the CLI and first start; people go through createLabelledIntakeKey, which validates and audits.
 */
export function createIntakeKey(
  db: Db,
  options: { label: string; secret: Buffer; revokeOthers?: boolean } & Clock,
): { id: number; key: string } {
  const now = options.now ?? new Date();
  return db.transaction((tx) => {
    if (options.revokeOthers) {
      // Cuts short any grace period too: "others" means every key that still works.
      tx.update(intakeKeys).set({ revokedAt: now }).where(working(now)).run();
    }
    return insertGeneratedKey(tx, options.label, options.secret, now);
  });
}

/** An admin creates a key with a label of their choosing. */
export function createLabelledIntakeKey(
  db: Db,
  actor: AuditActor,
  input: { label: unknown },
  options: { secret: Buffer } & Clock,
): { id: number; key: string; label: string } {
  const parsed = newIntakeKeySchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const now = options.now ?? new Date();
  const { label } = parsed.data;
  return db.transaction((tx) => {
    const created = insertGeneratedKey(tx, label, options.secret, now);
    recordAudit(tx, actor, 'intake_key.created', { type: 'intake_key', id: created.id }, { label }, now);
    return { ...created, label };
  });
}

function requireManageableKey(tx: Tx, id: number, verb: 'rotated' | 'revoked'): IntakeKey {
  const row = tx.select().from(intakeKeys).where(eq(intakeKeys.id, id)).get();
  if (!row) throw new AppError('not_found', 'No such intake key.');
  if (row.origin === 'env') {
    throw new AppError(
      'conflict',
      `This key comes from the INTAKE_KEY environment variable and cannot be ${verb} here. ` +
        'Set a new value for INTAKE_KEY (or remove it) and restart the server.',
    );
  }
  return row;
}

/**
 * Replaces a key with a new one under the same label. The old key keeps working for the grace
 * period, so deliveries do not fail while Partner Center is updated with the new URL.
 */
export function rotateIntakeKey(
  db: Db,
  actor: AuditActor,
  id: number,
  input: { graceHours: unknown; secret: Buffer } & Clock,
): { id: number; key: string; label: string; oldKeyWorksUntil: Date } {
  const parsed = rotateIntakeKeySchema.safeParse({ graceHours: input.graceHours });
  if (!parsed.success) throw invalid(parsed.error);
  const now = input.now ?? new Date();
  const { graceHours } = parsed.data;
  const worksUntil = new Date(now.getTime() + graceHours * HOUR_MS);
  return db.transaction((tx) => {
    const old = requireManageableKey(tx, id, 'rotated');
    const state = intakeKeyState(old.revokedAt, now);
    if (state === 'revoked') throw new AppError('conflict', 'This key is already revoked. Create a new key instead.');
    if (state === 'expiring') {
      throw new AppError(
        'conflict',
        'This key was already rotated and is in its grace period. Revoke it to stop it sooner.',
      );
    }
    tx.update(intakeKeys).set({ revokedAt: worksUntil }).where(eq(intakeKeys.id, id)).run();
    const created = insertGeneratedKey(tx, old.label, input.secret, now);
    recordAudit(
      tx,
      actor,
      'intake_key.rotated',
      { type: 'intake_key', id },
      { label: old.label, newKeyId: created.id, graceHours, oldKeyWorksUntil: worksUntil.toISOString() },
      now,
    );
    return { ...created, label: old.label, oldKeyWorksUntil: worksUntil };
  });
}

/** Stops a key at once, including one in a grace period. Revoking a revoked key changes nothing. */
export function revokeIntakeKey(db: Db, actor: AuditActor, id: number, options: Clock = {}): void {
  const now = options.now ?? new Date();
  db.transaction((tx) => {
    const row = requireManageableKey(tx, id, 'revoked');
    const state = intakeKeyState(row.revokedAt, now);
    if (state === 'revoked') return;
    tx.update(intakeKeys).set({ revokedAt: now }).where(eq(intakeKeys.id, id)).run();
    recordAudit(
      tx,
      actor,
      'intake_key.revoked',
      { type: 'intake_key', id },
      { label: row.label, wasInGracePeriod: state === 'expiring' },
      now,
    );
  });
}

/** Every key for the admin list: working keys first (newest first), then revoked ones. */
export function listIntakeKeys(db: Db, now: Date = new Date()): IntakeKeySummary[] {
  const rows = db
    .select({
      id: intakeKeys.id,
      label: intakeKeys.label,
      origin: intakeKeys.origin,
      keyPrefix: intakeKeys.keyPrefix,
      createdAt: intakeKeys.createdAt,
      lastUsedAt: intakeKeys.lastUsedAt,
      revokedAt: intakeKeys.revokedAt,
    })
    .from(intakeKeys)
    .orderBy(
      asc(
        sql`case when ${intakeKeys.revokedAt} is null then 0 when ${intakeKeys.revokedAt} > ${now.getTime()} then 1 else 2 end`,
      ),
      desc(intakeKeys.createdAt),
      desc(intakeKeys.id),
    )
    .all();
  return rows.map((row) => ({ ...row, state: intakeKeyState(row.revokedAt, now) }));
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
        .where(and(eq(intakeKeys.origin, 'env'), ne(intakeKeys.keyHash, hash), working(now)))
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

type KeyRow = { id: number; label: string; key_hash: string; revoked_at: number | null };
// Every webhook request reads the keys: a prepared statement, not the query builder (which costs
// more per call than the query).
const keyLists = new WeakMap<Database.Database, Database.Statement<[], KeyRow>>();
function keyListFor(db: Db): Database.Statement<[], KeyRow> {
  let statement = keyLists.get(db.$client);
  if (!statement) {
    statement = db.$client.prepare('select id, label, key_hash, revoked_at from intake_keys');
    keyLists.set(db.$client, statement);
  }
  return statement;
}

export type KeyIdentity = {
  state: DeliveryKeyState;
  /** The key the request presented, when we know it (a working or a revoked one). */
  key: { id: number; label: string } | null;
};

/**
 * Which key a request presented and whether it still works. Every key is compared (in constant
 * time, never stopping at the first match), so a revoked key is told apart from an unknown one
 * for the delivery log without timing revealing anything.
 */
export function identifyIntakeKey(db: Db, presented: string | null | undefined, options: Clock = {}): KeyIdentity {
  if (!presented) return { state: 'missing', key: null };
  const hash = hashKey(presented);
  const now = options.now ?? new Date();
  const candidates = keyListFor(db).all();
  let match: KeyRow | null = null;
  for (const candidate of candidates) {
    if (hashesEqual(candidate.key_hash, hash) && !match) match = candidate;
  }
  if (!match) return { state: 'unknown', key: null };
  const key = { id: match.id, label: match.label };
  const revokedAt = match.revoked_at === null ? null : new Date(match.revoked_at);
  return { state: intakeKeyState(revokedAt, now) === 'revoked' ? 'revoked' : 'valid', key };
}

/** The key a request presented, when it still works (never revoked, or in a rotation's grace period). */
export function authenticateIntakeKey(
  db: Db,
  presented: string | null | undefined,
  options: Clock = {},
): { id: number; label: string } | null {
  const identity = identifyIntakeKey(db, presented, options);
  return identity.state === 'valid' ? identity.key : null;
}

type RevealOptions = { envKey?: string; secret: Buffer };

/** The secret of a key, when it can be shown: a generated key we can unseal, or the environment's. */
function revealKey(row: Pick<IntakeKey, 'origin' | 'keyHash' | 'sealedKey'>, options: RevealOptions): string | null {
  if (row.origin === 'env') {
    const envKey = options.envKey?.trim();
    return envKey && hashesEqual(hashKey(envKey), row.keyHash) ? envKey : null;
  }
  return row.sealedKey ? unseal(row.sealedKey, options.secret) : null;
}

/** The secrets of every working key that can be shown, by key id, for the admin screens. */
export function revealIntakeKeys(db: Db, options: RevealOptions & Clock): Map<number, string> {
  const rows = db
    .select({
      id: intakeKeys.id,
      origin: intakeKeys.origin,
      keyHash: intakeKeys.keyHash,
      sealedKey: intakeKeys.sealedKey,
    })
    .from(intakeKeys)
    .where(working(options.now ?? new Date()))
    .all();
  const revealed = new Map<number, string>();
  for (const row of rows) {
    const key = revealKey(row, options);
    if (key) revealed.set(row.id, key);
  }
  return revealed;
}

/**
 * The key whose webhook URL the admin screens show: the newest active key whose secret can be
 * shown, else the newest one still in a grace period (then `revokedAt` says when it stops).
 */
export function getDisplayableIntakeKey(
  db: Db,
  options: RevealOptions & Clock,
): { id: number; label: string; key: string; createdAt: Date; revokedAt: Date | null } | null {
  const now = options.now ?? new Date();
  const rows = db
    .select()
    .from(intakeKeys)
    .where(working(now))
    .orderBy(desc(sql`${intakeKeys.revokedAt} is null`), desc(intakeKeys.createdAt), desc(intakeKeys.id))
    .all();
  for (const row of rows) {
    const key = revealKey(row, options);
    if (key) return { id: row.id, label: row.label, key, createdAt: row.createdAt, revokedAt: row.revokedAt };
  }
  return null;
}
