// The qualification checklist: add, edit, reorder, archive and restore items. Admins only; every
// change is audited. Archiving keeps the checks already made, so history is never rewritten.
import { and, asc, eq, isNull, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { qualificationItems } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/log';
import { can, type Viewer } from '@/lib/auth/permissions';
import { invalidInput } from '@/lib/auth/users';
import { AppError } from '@/lib/errors';
import { qualificationItemSchema } from './schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const MOVE_DIRECTIONS = ['up', 'down'] as const;
const moveSchema = z.enum(MOVE_DIRECTIONS, { error: 'Move up or down.' });
const itemIdSchema = z.number({ error: 'No item was given.' }).int().positive({ error: 'No item was given.' });

function requireAdmin(viewer: Viewer): void {
  if (!can(viewer, 'workspace:admin')) throw new AppError('forbidden', 'Your role does not allow this.');
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

function findItem(db: Pick<Db, 'select'>, id: number) {
  const item = db.select().from(qualificationItems).where(eq(qualificationItems.id, id)).get();
  if (!item) throw new AppError('not_found', `No checklist item with id ${id}.`);
  return item;
}

function nextPosition(tx: Pick<Db, 'select'>): number {
  const row = tx
    .select({ top: max(qualificationItems.position) })
    .from(qualificationItems)
    .get();
  return (row?.top ?? 0) + 1;
}

export function createQualificationItem(db: Db, viewer: Viewer, actor: AuditActor, input: unknown): { id: number } {
  requireAdmin(viewer);
  const values = parse(qualificationItemSchema, input);
  return db.transaction((tx) => {
    const row = tx
      .insert(qualificationItems)
      .values({ ...values, position: nextPosition(tx), createdAt: new Date() })
      .returning({ id: qualificationItems.id })
      .get();
    recordAudit(
      tx,
      actor,
      'qualification.item_created',
      { type: 'qualification_item', id: row.id },
      { required: values.required },
    );
    return { id: row.id };
  });
}

export function updateQualificationItem(db: Db, viewer: Viewer, actor: AuditActor, id: unknown, input: unknown): void {
  requireAdmin(viewer);
  const itemId = parse(itemIdSchema, id);
  const values = parse(qualificationItemSchema, input);
  const item = findItem(db, itemId);
  db.transaction((tx) => {
    tx.update(qualificationItems).set(values).where(eq(qualificationItems.id, itemId)).run();
    recordAudit(
      tx,
      actor,
      'qualification.item_updated',
      { type: 'qualification_item', id: itemId },
      {
        required: { from: item.required, to: values.required },
      },
    );
  });
}

/** Swaps an item with its neighbour among the current items (positions renumbered 1..n first). */
export function moveQualificationItem(
  db: Db,
  viewer: Viewer,
  actor: AuditActor,
  id: unknown,
  direction: unknown,
): void {
  requireAdmin(viewer);
  const itemId = parse(itemIdSchema, id);
  const towards = parse(moveSchema, direction);
  const item = findItem(db, itemId);
  if (item.archivedAt) throw new AppError('conflict', 'Restore this item before moving it.');
  db.transaction((tx) => {
    const order = currentOrder(tx);
    const from = order.indexOf(itemId);
    const to = towards === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to]!, order[from]!];
    order.forEach((orderedId, index) =>
      tx
        .update(qualificationItems)
        .set({ position: index + 1 })
        .where(eq(qualificationItems.id, orderedId))
        .run(),
    );
    recordAudit(
      tx,
      actor,
      'qualification.item_moved',
      { type: 'qualification_item', id: itemId },
      { direction: towards, position: to + 1 },
    );
  });
}

function currentOrder(tx: Tx): number[] {
  return tx
    .select({ id: qualificationItems.id })
    .from(qualificationItems)
    .where(isNull(qualificationItems.archivedAt))
    .orderBy(asc(qualificationItems.position), asc(qualificationItems.id))
    .all()
    .map((row) => row.id);
}

/** Archived items no longer show on leads or count for "qualified"; checks already made are kept. */
export function archiveQualificationItem(db: Db, viewer: Viewer, actor: AuditActor, id: unknown): void {
  requireAdmin(viewer);
  const itemId = parse(itemIdSchema, id);
  findItem(db, itemId);
  db.transaction((tx) => {
    const archived = tx
      .update(qualificationItems)
      .set({ archivedAt: new Date() })
      .where(and(eq(qualificationItems.id, itemId), isNull(qualificationItems.archivedAt)))
      .run();
    if (archived.changes)
      recordAudit(tx, actor, 'qualification.item_archived', { type: 'qualification_item', id: itemId });
  });
}

/** Brings an item back, at the end of the checklist. */
export function restoreQualificationItem(db: Db, viewer: Viewer, actor: AuditActor, id: unknown): void {
  requireAdmin(viewer);
  const itemId = parse(itemIdSchema, id);
  const item = findItem(db, itemId);
  if (!item.archivedAt) return;
  db.transaction((tx) => {
    tx.update(qualificationItems)
      .set({ archivedAt: null, position: nextPosition(tx) })
      .where(eq(qualificationItems.id, itemId))
      .run();
    recordAudit(tx, actor, 'qualification.item_restored', { type: 'qualification_item', id: itemId });
  });
}
