'use client';
// Date and time typed the same way in every browser: `yyyy-mm-dd` and a 24-hour `HH:mm`, read in
// the viewer's zone (named beside the time). Native date inputs follow the browser's locale
// (mm/dd/yyyy in an en-US browser) while the app writes "3 Dec 2026", so they are not used.
import { useState, type ReactNode } from 'react';
import { controlClass } from '@/components/ui/form';
import { formatZoneName } from '@/lib/format';
import { parseDay } from '@/lib/time/zone';
import { cn } from '@/lib/utils';
import { useNow, useTimeZone } from './time-provider';

type DateTimeFieldProps = {
  id: string;
  /** Form field names: `${name}Day` and `${name}Time`. */
  name: string;
  legend: string;
  /** Prefix of each input's accessible name: "Follow-up" → "Follow-up date", "Follow-up time". */
  subject: string;
  errors?: { day?: string; time?: string };
  hint?: string;
  disabled?: boolean;
  defaultValue?: { day: string; time: string };
  /** A button kept on the inputs' row (e.g. "Set"), so an error below does not push it away. */
  action?: ReactNode;
  className?: string;
};

export function DateTimeField({
  id,
  name,
  legend,
  subject,
  errors = {},
  hint,
  disabled,
  defaultValue,
  action,
  className,
}: DateTimeFieldProps) {
  const timeZone = useTimeZone();
  const now = useNow();
  const error = errors.day ?? errors.time;
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <fieldset className={cn('flex min-w-0 flex-col gap-1.5', className)} disabled={disabled}>
      <legend className="mb-1.5 text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400">
          <span>
            <span className="sr-only">{subject} </span>Date
          </span>
          <input
            id={`${id}-day`}
            name={`${name}Day`}
            defaultValue={defaultValue?.day}
            placeholder="yyyy-mm-dd"
            inputMode="numeric"
            autoComplete="off"
            maxLength={10}
            aria-invalid={errors.day ? true : undefined}
            aria-describedby={describedBy}
            className={cn(controlClass, 'w-32 tabular-nums')}
          />
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400">
          <span>
            <span className="sr-only">{subject} </span>Time{' '}
            <span title={timeZone}>({formatZoneName(now, timeZone)})</span>
          </span>
          <input
            id={`${id}-time`}
            name={`${name}Time`}
            defaultValue={defaultValue?.time}
            placeholder="HH:mm"
            inputMode="numeric"
            autoComplete="off"
            maxLength={5}
            aria-invalid={errors.time ? true : undefined}
            aria-describedby={describedBy}
            className={cn(controlClass, 'w-20 tabular-nums')}
          />
        </label>
        {action}
      </div>
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A whole day typed as `yyyy-mm-dd`, for filters; the server reads it as a day in the viewer's zone. */
export function DayField({
  id,
  name,
  label,
  defaultValue,
  error,
  className,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue?: string;
  error?: string;
  className?: string;
}) {
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={defaultValue}
        placeholder="yyyy-mm-dd"
        inputMode="numeric"
        autoComplete="off"
        maxLength={10}
        pattern="\d{4}-\d{2}-\d{2}"
        title="A date as yyyy-mm-dd, e.g. 2026-12-03"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={cn(controlClass, 'tabular-nums')}
      />
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A day typed as `yyyy-mm-dd` that reports only complete, real dates (each keystroke would
 * otherwise reload a filtered list); emptying it reports null. Marks itself invalid on blur.
 */
export function DayInput({
  value,
  onCommit,
  className,
  ...props
}: {
  value: string;
  onCommit: (day: string | null) => void;
  className?: string;
  'aria-label'?: string;
  id?: string;
}) {
  const [draft, setDraft] = useState(value);
  const [invalid, setInvalid] = useState(false);
  const [shownValue, setShownValue] = useState(value);
  // A new value from outside (back button, "clear filters") replaces the draft.
  if (value !== shownValue) {
    setShownValue(value);
    setDraft(value);
    setInvalid(false);
  }
  const commit = (text: string) => {
    const trimmed = text.trim();
    if (!trimmed) {
      setInvalid(false);
      if (value) onCommit(null);
      return;
    }
    if (!parseDay(trimmed)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (trimmed !== value) onCommit(trimmed);
  };
  return (
    <input
      {...props}
      value={draft}
      placeholder="yyyy-mm-dd"
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      title="A date as yyyy-mm-dd, e.g. 2026-12-03"
      aria-invalid={invalid ? true : undefined}
      onChange={(event) => {
        setDraft(event.target.value);
        if (event.target.value.trim().length === 10 && parseDay(event.target.value)) commit(event.target.value);
      }}
      onBlur={(event) => commit(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit(event.currentTarget.value);
      }}
      className={cn(className, 'tabular-nums')}
    />
  );
}

/** The attributes of a plain `yyyy-mm-dd` day input in a GET form (the server names a bad one). */
export const DAY_INPUT = {
  placeholder: 'yyyy-mm-dd',
  inputMode: 'numeric',
  autoComplete: 'off',
  maxLength: 10,
  pattern: '\\d{4}-\\d{2}-\\d{2}',
  title: 'A date as yyyy-mm-dd, e.g. 2026-12-03',
} as const;
