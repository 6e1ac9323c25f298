'use client';
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/actions/result';

type FormAction<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * A server action behind a form. Submits through onSubmit rather than `<form action>`, because
 * React resets a form after every action and a person correcting one field would lose the rest.
 * The form is cleared after a success only; after a failure, focus moves to the first bad field.
 * The submitted form is remembered from the submit event, so callers pass no ref (a ref in the
 * returned object would make every field of it a ref to React's compiler).
 */
export function useFormAction<T>(action: FormAction<T>) {
  const [state, dispatch, pending] = useActionState(action, null);
  const submitted = useRef<HTMLFormElement | null>(null);

  useEffect(() => {
    const form = submitted.current;
    if (!state || !form) return;
    if (state.ok) {
      form.reset();
    } else {
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submitted.current = event.currentTarget;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }

  const fieldErrors: Record<string, string> = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return { state, pending, onSubmit, fieldErrors };
}
