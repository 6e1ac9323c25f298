'use client';
import { addNoteAction } from '@/app/(workspace)/leads/[id]/actions';
import { Button } from '@/components/ui/button';
import { FormError, TextareaField } from '@/components/ui/form';
import { useFormAction } from '@/lib/actions/use-form-action';
import { LocalTime } from '@/components/time/time';
import type { LeadNote } from '@/lib/leads/nurture-queries';
import { NOTE_MAX_LENGTH } from '@/lib/leads/nurture';

/** Notes as plain text (line breaks kept, never HTML), newest first, with a form when the viewer works the lead. */
export function LeadNotes({ leadId, notes, canWrite }: { leadId: number; notes: LeadNote[]; canWrite: boolean }) {
  const { state, pending, onSubmit, fieldErrors } = useFormAction(addNoteAction);
  return (
    <div className="flex flex-col gap-4">
      {canWrite ? (
        <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate>
          <input type="hidden" name="leadId" value={leadId} />
          <TextareaField
            id="note-body"
            label="Add a note"
            name="body"
            rows={3}
            maxLength={NOTE_MAX_LENGTH}
            aria-keyshortcuts="n"
            error={fieldErrors.body}
          />
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
                {note.authorLabel} · <LocalTime date={note.createdAt} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
