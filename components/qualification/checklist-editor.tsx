'use client';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { useState, useTransition } from 'react';
import {
  addQualificationItem,
  archiveQualificationItemAction,
  editQualificationItem,
  moveQualificationItemAction,
  restoreQualificationItemAction,
} from '@/app/(workspace)/settings/qualification/actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field, FormError, FormSuccess } from '@/components/ui/form';
import type { ActionResult } from '@/lib/actions/result';
import { useFormAction } from '@/lib/actions/use-form-action';
import { QUALIFICATION_HINT_MAX, QUALIFICATION_LABEL_MAX } from '@/lib/qualification/schema';

// Admin editing of the qualification checklist (Settings → Qualification).

type Item = { id: number; label: string; hint: string | null; required: boolean; archivedAt: Date | null };

/** Current items (reorder, edit, archive) or archived ones (restore). */
export function QualificationItemList({ items, empty }: { items: Item[]; empty: string }) {
  if (items.length === 0) return <p className="px-5 py-4 text-sm text-slate-600 dark:text-slate-400">{empty}</p>;
  return (
    <ol
      className="divide-y divide-slate-100 dark:divide-slate-800"
      aria-label={items[0]?.archivedAt ? 'Archived items' : 'Checklist items'}
    >
      {items.map((item, index) => (
        <ItemRow key={item.id} item={item} first={index === 0} last={index === items.length - 1} />
      ))}
    </ol>
  );
}

function ItemRow({ item, first, last }: { item: Item; first: boolean; last: boolean }) {
  const [editing, setEditing] = useState(false);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  const archived = Boolean(item.archivedAt);

  const run = (action: () => Promise<ActionResult>) =>
    startTransition(async () => {
      setResult(null);
      const outcome = await action();
      // Successful moves speak for themselves; failures always say why.
      setResult(outcome.ok && !outcome.message ? null : outcome);
    });

  return (
    <li className="flex flex-col gap-3 px-5 py-4" aria-busy={pending || undefined}>
      {editing ? (
        <EditItemForm item={item} onDone={() => setEditing(false)} />
      ) : (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium break-words">{item.label}</span>
              {item.required ? <Badge tone="brand">Required</Badge> : <Badge>Optional</Badge>}
            </div>
            {item.hint ? (
              <p className="mt-1 text-sm break-words text-slate-600 dark:text-slate-400">{item.hint}</p>
            ) : null}
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {archived ? (
              <Button
                type="button"
                variant="secondary"
                size="sm"
                disabled={pending}
                aria-label={`Restore ${item.label}`}
                onClick={() => run(() => restoreQualificationItemAction(item.id))}
              >
                Restore
              </Button>
            ) : (
              <>
                <Button
                  type="button"
                  variant="secondary"
                  size="icon"
                  className="size-8"
                  disabled={pending || first}
                  aria-label={`Move ${item.label} up`}
                  onClick={() => run(() => moveQualificationItemAction(item.id, 'up'))}
                >
                  <ArrowUp aria-hidden />
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  size="icon"
                  className="size-8"
                  disabled={pending || last}
                  aria-label={`Move ${item.label} down`}
                  onClick={() => run(() => moveQualificationItemAction(item.id, 'down'))}
                >
                  <ArrowDown aria-hidden />
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  size="sm"
                  disabled={pending}
                  aria-label={`Edit ${item.label}`}
                  onClick={() => setEditing(true)}
                >
                  Edit
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  size="sm"
                  disabled={pending}
                  aria-label={`Archive ${item.label}`}
                  onClick={() => run(() => archiveQualificationItemAction(item.id))}
                >
                  Archive
                </Button>
              </>
            )}
          </div>
        </div>
      )}
      {result && !result.ok ? <FormError>{result.message}</FormError> : null}
    </li>
  );
}

function RequiredCheckbox({ id, defaultChecked }: { id: string; defaultChecked: boolean }) {
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        name="required"
        type="checkbox"
        defaultChecked={defaultChecked}
        className="mt-0.5 size-4 accent-brand-600"
        aria-describedby={`${id}-hint`}
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium">
          Required
        </label>
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          Must be checked before a lead can be marked qualified.
        </p>
      </div>
    </div>
  );
}

function EditItemForm({ item, onDone }: { item: Item; onDone: () => void }) {
  const { state, pending, onSubmit, fieldErrors } = useFormAction(
    async (previous: ActionResult | null, form: FormData) => {
      const outcome = await editQualificationItem(previous, form);
      if (outcome.ok) onDone();
      return outcome;
    },
  );
  const prefix = `edit-${item.id}`;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={`Edit ${item.label}`}>
      <input type="hidden" name="itemId" value={item.id} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field
          id={`${prefix}-label`}
          label="Label"
          name="label"
          defaultValue={item.label}
          maxLength={QUALIFICATION_LABEL_MAX}
          required
          error={fieldErrors.label}
        />
        <Field
          id={`${prefix}-hint`}
          label="Hint"
          name="hint"
          defaultValue={item.hint ?? ''}
          maxLength={QUALIFICATION_HINT_MAX}
          error={fieldErrors.hint}
        />
      </div>
      <RequiredCheckbox id={`${prefix}-required`} defaultChecked={item.required} />
      {state && !state.ok ? <FormError>{state.message}</FormError> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? 'Saving…' : 'Save item'}
        </Button>
        <Button type="button" variant="secondary" size="sm" disabled={pending} onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function AddQualificationItemForm() {
  const { state, pending, onSubmit, fieldErrors } = useFormAction(addQualificationItem);
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="add-item-title" className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field
          id="new-item-label"
          label="Label"
          name="label"
          maxLength={QUALIFICATION_LABEL_MAX}
          required
          error={fieldErrors.label}
          hint="What the rep confirms, e.g. “Budget”."
        />
        <Field
          id="new-item-hint"
          label="Hint"
          name="hint"
          maxLength={QUALIFICATION_HINT_MAX}
          error={fieldErrors.hint}
          hint="Optional: what counts as checked."
        />
      </div>
      <RequiredCheckbox id="new-item-required" defaultChecked />
      {state && !state.ok ? <FormError>{state.message}</FormError> : null}
      {state?.ok && state.message ? <FormSuccess>{state.message}</FormSuccess> : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Adding…' : 'Add item'}
        </Button>
      </div>
    </form>
  );
}
