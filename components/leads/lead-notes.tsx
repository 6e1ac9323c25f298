'use client';
import { addNoteAction } from '@/app/(workspace)/leads/[id]/actions';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form';
import { useFormAction } from '@/lib/actions/use-form-action';
import { formatDateTime } from '@/lib/format';
import type { LeadNote } from '@/lib/leads/queries';
import { NOTE_MAX_LENGTH } from '@/lib/leads/nurture';

/** Notes as plain text (line breaks kept, never HTML), newest first, with a form when the viewer works the lead. */
export function LeadNotes({ leadId, notes, canWrite }: { leadId: number; notes: LeadNote[]; canWrite: boolean }) {
  const { state, pending, onSubmit, formRef, fieldErrors } = useFormAction(addNoteAction);
  return (
    <div className="flex flex-col gap-4">
      {canWrite ? (
        <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-2" noValidate>
          <input type="hidden" name="leadId" value={leadId} />
          <label htmlFor="note-body" className="text-sm font-medium">
            Add a note
          </label>
          <textarea
            id="note-body"
            name="body"
            rows={3}
            maxLength={NOTE_MAX_LENGTH}
            aria-keyshortcuts="n"
            aria-invalid={fieldErrors.body ? true : undefined}
            aria-describedby={fieldErrors.body ? 'note-body-error' : undefined}
            className="min-h-20 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid]:border-red-500 dark:border-slate-700 dark:bg-slate-950"
          />
          {fieldErrors.body ? (
            <p id="note-body-error" className="text-xs text-red-600 dark:text-red-400">
              {fieldErrors.body}
            </p>
          ) : null}
          {state && !state.ok && !fieldErrors.body ? <FormError>{state.message}</FormError> : null}
          <Button type="submit" variant="secondary" className="self-start" disabled={pending}>
            {pending ? 'Saving…' : 'Add note'}
          </Button>
        </form>
      ) : null}
      {notes.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No notes yet.</p>
      ) : (
        <ol className="flex flex-col gap-3" aria-label="Notes">
          {notes.map((note) => (
            <li key={note.id} className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
              <p className="whitespace-pre-wrap break-words">{note.body}</p>
              <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
                {note.authorLabel} · {formatDateTime(note.createdAt)}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
