'use client';
import { Keyboard } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { LEAD_SHORTCUTS, shortcutFor, type LeadShortcut } from './shortcut-keys';

/**
 * Where each shortcut sends focus, first match wins; the controls carry these ids (see the lead
 * page's components). "Log a touch" lands on the chosen kind.
 */
const SHORTCUT_TARGETS = {
  status: ['#lead-status'],
  touch: ['#log-touch input[name="kind"]:checked', '#log-touch input[name="kind"]'],
  note: ['#note-body'],
} as const satisfies Partial<Record<LeadShortcut, readonly string[]>>;

const KEY_NAMES: Record<string, string> = { ArrowRight: '→', ArrowLeft: '←' };

function focusTarget(selectors: readonly string[]): boolean {
  const element = selectors.map((selector) => document.querySelector<HTMLElement>(selector)).find(Boolean);
  if (!element || (element as HTMLInputElement).disabled) return false;
  element.scrollIntoView({ block: 'center', behavior: 'smooth' });
  element.focus({ preventScroll: true });
  return true;
}

/**
 * Keyboard shortcuts for the lead page, and the `?` dialog that lists them. Keys are ignored while
 * the person types in a field, with Ctrl/Cmd/Alt held, or while a dialog is open.
 */
export function LeadShortcuts({ previousHref, nextHref }: { previousHref: string | null; nextHref: string | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (open || document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      const action = shortcutFor(event);
      if (!action) return;
      const go = (href: string | null, none: string) => {
        if (href) router.push(href);
        else setNotice(none);
      };
      switch (action) {
        case 'next':
          go(nextHref, 'This is the last lead in the list.');
          break;
        case 'previous':
          go(previousHref, 'This is the first lead in the list.');
          break;
        case 'help':
          setOpen(true);
          break;
        default:
          if (!focusTarget(SHORTCUT_TARGETS[action])) setNotice('You cannot do that on this lead.');
      }
      event.preventDefault();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open, nextHref, previousHref, router]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), 3000);
    return () => clearTimeout(timer);
  }, [notice]);

  return (
    <>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button type="button" variant="ghost" size="sm" aria-keyshortcuts="?">
            <Keyboard aria-hidden />
            <span className="hidden sm:inline">Shortcuts</span>
            <span className="sr-only sm:hidden">Keyboard shortcuts</span>
          </Button>
        </DialogTrigger>
        <DialogContent>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>They work anywhere on the lead page except while you type in a field.</DialogDescription>
          <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
            {LEAD_SHORTCUTS.map((shortcut) => (
              <div key={shortcut.action} className="contents">
                <dt className="flex gap-1">
                  {shortcut.keys.map((key) => (
                    <kbd
                      key={key}
                      className="min-w-7 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-center font-mono text-xs dark:border-slate-700 dark:bg-slate-800"
                    >
                      {KEY_NAMES[key] ?? key}
                    </kbd>
                  ))}
                </dt>
                <dd>{shortcut.label}</dd>
              </div>
            ))}
          </dl>
        </DialogContent>
      </Dialog>
      <p role="status" aria-live="polite" className={notice ? 'text-xs text-slate-600 dark:text-slate-400' : 'sr-only'}>
        {notice}
      </p>
    </>
  );
}
