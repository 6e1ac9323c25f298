// The lead page's keyboard shortcuts: which key does what, and when a key press is not meant
// for us (typing in a field, or a browser/OS shortcut with a modifier).

export const LEAD_SHORTCUTS = [
  { action: 'next', keys: ['j', 'ArrowRight'], label: 'Next lead' },
  { action: 'previous', keys: ['k', 'ArrowLeft'], label: 'Previous lead' },
  { action: 'status', keys: ['s'], label: 'Change the status' },
  { action: 'touch', keys: ['t'], label: 'Log a touch' },
  { action: 'note', keys: ['n'], label: 'Write a note' },
  { action: 'help', keys: ['?'], label: 'Show these shortcuts' },
] as const;
export type LeadShortcut = (typeof LEAD_SHORTCUTS)[number]['action'];

export type KeyPress = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented?: boolean;
  target: EventTarget | null;
};

/** Inputs that take no typing: letters pass through them, arrows do not (radios use arrows). */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'image']);

type ElementLike = { tagName?: string; type?: string; isContentEditable?: boolean };

const tagOf = (target: EventTarget | null) => String((target as ElementLike | null)?.tagName ?? '').toUpperCase();

/** True while the person types: in a text field, a select or any editable element. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof target !== 'object') return false;
  const element = target as ElementLike;
  if (element.isContentEditable) return true;
  const tag = tagOf(target);
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has(String(element.type ?? 'text').toLowerCase());
}

/** The shortcut a key press asks for, or null. Shift is allowed: `?` needs it on most layouts. */
export function shortcutFor(press: KeyPress): LeadShortcut | null {
  if (press.defaultPrevented || press.ctrlKey || press.metaKey || press.altKey) return null;
  if (isTypingTarget(press.target)) return null;
  if (press.key.startsWith('Arrow') && tagOf(press.target) === 'INPUT') return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  // `?` is a shifted key; a capital letter (Shift+J) is not a shortcut.
  if (press.key.length === 1 && press.key !== key && press.key !== '?') return null;
  return LEAD_SHORTCUTS.find((shortcut) => (shortcut.keys as readonly string[]).includes(key))?.action ?? null;
}
