'use server';
// The qualification checklist: add, edit, move, archive, restore. Admins only; each action checks
// that itself, and the service checks again and validates.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { requireActionViewer } from '@/lib/auth/viewer';
import {
  archiveQualificationItem,
  createQualificationItem,
  moveQualificationItem,
  restoreQualificationItem,
  updateQualificationItem,
} from '@/lib/qualification/service';

const QUALIFICATION_PATH = '/settings/qualification';

/** A checklist item from a form: label, hint, and a "required" checkbox. */
function itemFrom(form: FormData) {
  return {
    label: String(form.get('label') ?? ''),
    hint: String(form.get('hint') ?? ''),
    required: form.get('required') === 'on',
  };
}

async function admin() {
  return requireActionViewer('workspace:admin');
}

export async function addQualificationItem(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer, actor } = await admin();
    createQualificationItem(getDb(), viewer, actor, itemFrom(form));
    revalidatePath(QUALIFICATION_PATH);
  }, 'Item added.');
}

export async function editQualificationItem(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer, actor } = await admin();
    updateQualificationItem(getDb(), viewer, actor, Number(form.get('itemId')), itemFrom(form));
    revalidatePath(QUALIFICATION_PATH);
  }, 'Item saved.');
}

export async function moveQualificationItemAction(itemId: number, direction: 'up' | 'down'): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer, actor } = await admin();
    moveQualificationItem(getDb(), viewer, actor, itemId, direction);
    revalidatePath(QUALIFICATION_PATH);
  });
}

export async function archiveQualificationItemAction(itemId: number): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer, actor } = await admin();
    archiveQualificationItem(getDb(), viewer, actor, itemId);
    revalidatePath(QUALIFICATION_PATH);
  }, 'Item archived.');
}

export async function restoreQualificationItemAction(itemId: number): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer, actor } = await admin();
    restoreQualificationItem(getDb(), viewer, actor, itemId);
    revalidatePath(QUALIFICATION_PATH);
  }, 'Item restored.');
}
