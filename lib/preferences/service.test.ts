import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SYSTEM_ACTOR } from '@/lib/audit/log';
import { createUser } from '@/lib/auth/users';
import { AppError } from '@/lib/errors';
import { createTempDb } from '@/lib/testing/temp-db';
import { getPreferences } from './queries';
import { updatePreferences } from './service';
import { isKnownTimeZone, listTimeZones } from './time-zones';

// Each test makes a person (a scrypt hash): slow on a busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let temp: ReturnType<typeof createTempDb>;
let userId: string;

beforeEach(async () => {
  temp = createTempDb();
  const user = await createUser(
    temp.db,
    { email: 'pat@x.example', name: 'Pat', role: 'rep', password: 'a-long-password' },
    SYSTEM_ACTOR,
  );
  userId = user.id;
});
afterEach(() => temp.cleanup());

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('personal preferences', () => {
  it('start as the browser zone and the system theme', () => {
    expect(getPreferences(temp.db, userId)).toEqual({ timeZone: null, theme: 'system' });
  });

  it('save a zone and a theme, each on its own or both at once', () => {
    expect(updatePreferences(temp.db, userId, { timeZone: 'Europe/Berlin' })).toEqual({
      timeZone: 'Europe/Berlin',
      theme: 'system',
    });
    updatePreferences(temp.db, userId, { theme: 'dark' });
    expect(getPreferences(temp.db, userId)).toEqual({ timeZone: 'Europe/Berlin', theme: 'dark' });
    updatePreferences(temp.db, userId, { timeZone: 'UTC', theme: 'light' });
    expect(getPreferences(temp.db, userId)).toEqual({ timeZone: 'UTC', theme: 'light' });
  });

  it('treat an empty zone as "automatic" (null)', () => {
    updatePreferences(temp.db, userId, { timeZone: 'Asia/Tokyo' });
    updatePreferences(temp.db, userId, { timeZone: '' });
    expect(getPreferences(temp.db, userId).timeZone).toBeNull();
    updatePreferences(temp.db, userId, { timeZone: 'Asia/Tokyo' });
    updatePreferences(temp.db, userId, { timeZone: null });
    expect(getPreferences(temp.db, userId).timeZone).toBeNull();
  });

  it('refuse an unknown zone with a field error and change nothing', () => {
    updatePreferences(temp.db, userId, { timeZone: 'Europe/Paris', theme: 'dark' });
    for (const zone of ['Mars/Olympus', 'europe/paris', '+02:00', 'x'.repeat(5000)]) {
      const error = failure(() => updatePreferences(temp.db, userId, { timeZone: zone, theme: 'light' }));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toBe('time zone: unknown zone');
      expect(error.details).toEqual([{ field: 'timeZone', message: expect.stringMatching(/^Unknown zone/) }]);
    }
    expect(getPreferences(temp.db, userId)).toEqual({ timeZone: 'Europe/Paris', theme: 'dark' });
  });

  it('refuse an unknown theme naming the field', () => {
    const error = failure(() => updatePreferences(temp.db, userId, { theme: 'sepia' as 'dark' }));
    expect(error.details).toEqual([{ field: 'theme', message: 'Choose system, light or dark.' }]);
  });

  it('answer not found for someone who does not exist', () => {
    expect(failure(() => updatePreferences(temp.db, 'nobody', { theme: 'dark' })).code).toBe('not_found');
    expect(getPreferences(temp.db, 'nobody')).toEqual({ timeZone: null, theme: 'system' });
  });

  it('offer the runtime zones plus UTC, each of them accepted', () => {
    const zones = listTimeZones();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('America/New_York');
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones.every(isKnownTimeZone)).toBe(true);
  });
});
