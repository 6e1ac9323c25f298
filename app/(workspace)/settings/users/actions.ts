'use server';
// Users: add, change role, disable, enable, reset a password. Admins only; each action checks that itself.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { USER_ROLES } from '@/lib/auth/roles';
import {
  createUser,
  disableUser,
  enableUser,
  invalidInput,
  resetPassword,
  setUserRole,
  type NewUser,
} from '@/lib/auth/users';
import { requireActionViewer } from '@/lib/auth/viewer';

const USERS_PATH = '/settings/users';

const userIdSchema = z.string({ error: 'No user was given.' }).min(1).max(200);
const roleChangeSchema = z.object({
  userId: userIdSchema,
  role: z.enum(USER_ROLES, { error: 'Choose rep, manager or admin.' }),
});

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

export type AddedUser = { name: string; email: string };

export async function addUser(
  _previous: ActionResult<AddedUser> | null,
  form: FormData,
): Promise<ActionResult<AddedUser>> {
  return runAction(async () => {
    const { actor } = await requireActionViewer('workspace:admin');
    // createUser validates every field (newUserSchema) and names the ones that fail.
    const input = {
      name: String(form.get('name') ?? ''),
      email: String(form.get('email') ?? ''),
      role: String(form.get('role') ?? '') as NewUser['role'],
      password: String(form.get('password') ?? ''),
    };
    const user = await createUser(getDb(), input, actor);
    revalidatePath(USERS_PATH);
    return { name: user.name, email: user.email };
  });
}

export async function changeUserRole(input: { userId: string; role: string }): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer, actor } = await requireActionViewer('workspace:admin');
    const { userId, role } = parse(roleChangeSchema, input);
    setUserRole(getDb(), actor, userId, role);
    revalidatePath(USERS_PATH);
    // Admins who step down lose this page: take them somewhere they may still go.
    if (userId === viewer.id && role !== 'admin') redirect('/');
  }, 'Role changed.');
}

export async function disableUserAccount(userId: string): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireActionViewer('workspace:admin');
    disableUser(getDb(), actor, parse(userIdSchema, userId));
    revalidatePath(USERS_PATH);
  }, 'User disabled.');
}

export async function enableUserAccount(userId: string): Promise<ActionResult> {
  return runAction(async () => {
    const { actor } = await requireActionViewer('workspace:admin');
    enableUser(getDb(), actor, parse(userIdSchema, userId));
    revalidatePath(USERS_PATH);
  }, 'User enabled.');
}

export type ResetResult = { name: string; temporaryPassword: string };

/** The temporary password goes back to the admin's browser once and is stored only as a hash. */
export async function resetUserPassword(userId: string): Promise<ActionResult<ResetResult>> {
  return runAction(async () => {
    const { actor } = await requireActionViewer('workspace:admin');
    const { user, temporaryPassword } = await resetPassword(getDb(), actor, parse(userIdSchema, userId));
    revalidatePath(USERS_PATH);
    return { name: user.name, temporaryPassword };
  });
}
