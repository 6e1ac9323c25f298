import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyPress } from './shortcut-keys';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: { tagName: 'BODY' } as unknown as EventTarget,
  ...extra,
});
const on = (tagName: string, isContentEditable = false, type?: string) =>
  ({ tagName, isContentEditable, type }) as unknown as EventTarget;

describe('shortcutFor', () => {
  it('maps the documented keys', () => {
    expect(['j', 'ArrowRight', 'k', 'ArrowLeft', 's', 't', 'n', '?'].map((key) => shortcutFor(press(key)))).toEqual([
      'next',
      'next',
      'previous',
      'previous',
      'status',
      'touch',
      'note',
      'help',
    ]);
    expect(shortcutFor(press('x'))).toBeNull();
    expect(shortcutFor(press('Enter'))).toBeNull();
  });

  it('never fires while typing or with a modifier', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT', 'input'])
      expect(shortcutFor(press('j', { target: on(tag) }))).toBeNull();
    expect(shortcutFor(press('n', { target: on('DIV', true) }))).toBeNull();
    expect(shortcutFor(press('j', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('k', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('ArrowLeft', { altKey: true }))).toBeNull();
    expect(shortcutFor(press('J'))).toBeNull();
    expect(shortcutFor(press('t', { defaultPrevented: true }))).toBeNull();
    expect(shortcutFor(press('s', { target: null }))).toBe('status');
  });

  it('lets letters through radios and checkboxes, but not arrows (they move between radios)', () => {
    expect(shortcutFor(press('s', { target: on('INPUT', false, 'radio') }))).toBe('status');
    expect(shortcutFor(press('n', { target: on('INPUT', false, 'checkbox') }))).toBe('note');
    expect(shortcutFor(press('ArrowRight', { target: on('INPUT', false, 'radio') }))).toBeNull();
    expect(shortcutFor(press('j', { target: on('INPUT', false, 'datetime-local') }))).toBeNull();
    expect(shortcutFor(press('j', { target: on('INPUT') }))).toBeNull();
    expect(shortcutFor(press('ArrowRight', { target: on('BUTTON') }))).toBe('next');
  });
});
