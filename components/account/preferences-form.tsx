'use client';
import { Monitor, Moon, Sun } from 'lucide-react';
import { startTransition, useActionState, useState, useSyncExternalStore, type FormEvent } from 'react';
import { savePreferences } from '@/app/(workspace)/account/actions';
import { Button } from '@/components/ui/button';
import { FormError, FormSuccess, SelectField } from '@/components/ui/form';
import type { Preferences } from '@/lib/preferences/queries';
import { THEMES, type Theme } from '@/lib/preferences/vocabulary';
import { cn } from '@/lib/utils';

const THEME_CHOICES: Record<Theme, { label: string; icon: typeof Sun }> = {
  system: { label: 'System', icon: Monitor },
  light: { label: 'Light', icon: Sun },
  dark: { label: 'Dark', icon: Moon },
};

// The browser's own zone, known only once running in the browser (null while rendering on the server).
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const noZone = () => null;
const subscribeNever = () => () => {};

/** Time zone and theme. The controls hold what is chosen; saving sends both. */
export function PreferencesForm({ saved, zones }: { saved: Preferences; zones: readonly string[] }) {
  const [state, dispatch, pending] = useActionState(savePreferences, null);
  const [timeZone, setTimeZone] = useState(saved.timeZone ?? '');
  const [theme, setTheme] = useState<Theme>(saved.theme);
  const detected = useSyncExternalStore(subscribeNever, browserZone, noZone);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <SelectField
        label="Time zone"
        name="timeZone"
        value={timeZone}
        onChange={(event) => setTimeZone(event.target.value)}
        hint="Times in the app are shown in this zone."
        error={errors.timeZone}
        className="max-w-md"
      >
        <option value="">Automatic (browser&apos;s zone{detected ? `: ${detected}` : ''})</option>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll('_', ' ')}
          </option>
        ))}
      </SelectField>
      <fieldset className="flex flex-col gap-1.5" aria-describedby={errors.theme ? 'theme-error' : 'theme-hint'}>
        <legend className="mb-1.5 text-sm font-medium">Theme</legend>
        <div className="inline-flex w-fit rounded-md border border-slate-300 p-0.5 dark:border-slate-700">
          {THEMES.map((value) => {
            const { label, icon: Icon } = THEME_CHOICES[value];
            return (
              <label
                key={value}
                className={cn(
                  'flex cursor-pointer items-center gap-1.5 rounded px-3 py-1.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500',
                  theme === value
                    ? 'bg-brand-600 text-white'
                    : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
                )}
              >
                <input
                  type="radio"
                  name="theme"
                  value={value}
                  checked={theme === value}
                  onChange={() => setTheme(value)}
                  className="sr-only"
                />
                <Icon className="size-4" aria-hidden />
                {label}
              </label>
            );
          })}
        </div>
        {errors.theme ? (
          <p id="theme-error" className="text-xs text-red-600 dark:text-red-400">
            {errors.theme}
          </p>
        ) : (
          <p id="theme-hint" className="text-xs text-slate-500 dark:text-slate-400">
            System follows your device&apos;s light or dark setting.
          </p>
        )}
      </fieldset>
      {state && !state.ok ? <FormError>{state.message}</FormError> : null}
      {state?.ok ? <FormSuccess>{state.message}</FormSuccess> : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save preferences'}
        </Button>
      </div>
    </form>
  );
}
