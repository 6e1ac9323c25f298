import { describe, expect, it } from 'vitest';
import { formatRelative, personName } from './format';

describe('format', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it('formats relative times', () => {
    expect(formatRelative(new Date('2026-11-23T11:59:30Z'), now)).toBe('just now');
    expect(formatRelative(new Date('2026-11-23T09:00:00Z'), now)).toBe('3 hours ago');
    expect(formatRelative(new Date('2026-11-22T12:00:00Z'), now)).toBe('yesterday');
    expect(formatRelative(null, now)).toBe('never');
  });
  it('names a person by name, then email', () => {
    expect(personName({ firstName: 'Kovács', lastName: 'Éva', email: 'e@x' })).toBe('Kovács Éva');
    expect(personName({ firstName: null, lastName: null, email: 'e@x' })).toBe('e@x');
    expect(personName({ firstName: null, lastName: null, email: null })).toBe('Unnamed lead');
  });
});
