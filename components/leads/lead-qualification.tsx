'use client';
import Link from 'next/link';
import { useOptimistic, useState, useTransition } from 'react';
import { setQualificationAction } from '@/app/(workspace)/leads/[id]/actions';
import { Badge } from '@/components/ui/badge';
import { FormError } from '@/components/ui/form';
import { LocalTime } from '@/components/time/time';
import type { QualificationCheck } from '@/lib/leads/nurture-queries';

/**
 * The qualification checklist of a lead. A tick shows at once and is undone, with the reason, if
 * saving fails. "Qualified" needs every required item (the status change checks again).
 */
export function LeadQualification({
  leadId,
  items,
  canEdit,
  isAdmin,
}: {
  leadId: number;
  items: QualificationCheck[];
  canEdit: boolean;
  isAdmin: boolean;
}) {
  const [shown, setChecked] = useOptimistic(items, (current, change: { itemId: number; checked: boolean }) =>
    current.map((item) => (item.itemId === change.itemId ? { ...item, checked: change.checked } : item)),
  );
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  if (items.length === 0) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        The checklist is empty.{' '}
        {isAdmin ? (
          <Link
            href="/settings/qualification"
            className="font-medium text-brand-700 hover:underline dark:text-brand-100"
          >
            Add items in Settings
          </Link>
        ) : (
          'An admin can add items in Settings.'
        )}
      </p>
    );
  }

  const required = shown.filter((item) => item.required);
  const done = required.filter((item) => item.checked).length;

  function toggle(itemId: number, checked: boolean) {
    setError(null);
    startTransition(async () => {
      setChecked({ itemId, checked });
      const result = await setQualificationAction(leadId, itemId, checked);
      if (!result.ok) setError(result.message);
    });
  }

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {required.length === 0
          ? 'No item is required.'
          : done === required.length
            ? `All ${required.length} required items checked: ready to mark as qualified.`
            : `${done} of ${required.length} required items checked.`}
      </p>
      <ul className="flex flex-col gap-2" aria-label="Qualification checklist" aria-busy={pending || undefined}>
        {shown.map((item) => {
          const id = `qualification-${item.itemId}`;
          return (
            <li
              key={item.itemId}
              className="flex gap-3 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800"
            >
              <input
                id={id}
                type="checkbox"
                checked={item.checked}
                disabled={!canEdit}
                onChange={(event) => toggle(item.itemId, event.target.checked)}
                aria-describedby={`${id}-details`}
                className="mt-0.5 size-4 shrink-0 accent-brand-600"
              />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2">
                  <label htmlFor={id} className="font-medium">
                    {item.label}
                  </label>
                  {item.required ? <Badge tone="brand">Required</Badge> : <Badge>Optional</Badge>}
                </div>
                <div id={`${id}-details`} className="text-xs text-slate-500 dark:text-slate-400">
                  {item.hint ? <p className="break-words">{item.hint}</p> : null}
                  {item.checked &&
                  item.checkedAt &&
                  items.find((original) => original.itemId === item.itemId)?.checked ? (
                    <p>
                      Checked by {item.checkedByLabel} · <LocalTime date={item.checkedAt} />
                    </p>
                  ) : null}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {!canEdit ? <p className="text-xs text-slate-500 dark:text-slate-400">Claim this lead to check items.</p> : null}
      {error ? <FormError>{error}</FormError> : null}
    </div>
  );
}
