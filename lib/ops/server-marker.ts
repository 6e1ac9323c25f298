// "A server is using this database": a small file beside the database, written when the server
// starts and removed when it stops. Tools that must not run under a live server (restore) read
// it; a marker left by a killed server names a process that no longer exists and is ignored.
import fs from 'node:fs';
import os from 'node:os';

type Marker = { pid: number; host: string; startedAt: string };

export const markerPath = (databaseFile: string): string => `${databaseFile}.server`;

/** Writes the marker for this process and removes it when the process exits. */
export function writeServerMarker(databaseFile: string): void {
  const file = markerPath(databaseFile);
  const marker: Marker = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  fs.writeFileSync(file, JSON.stringify(marker));
  process.once('exit', () => {
    try {
      const current = JSON.parse(fs.readFileSync(file, 'utf8')) as Marker;
      if (current.pid === process.pid) fs.rmSync(file, { force: true });
    } catch {
      // Already gone, or replaced by another server: nothing to clean up.
    }
  });
}

/** The live server using this database, or null (no marker, or its process is gone). */
export function liveServer(databaseFile: string): Marker | null {
  let marker: Marker;
  try {
    marker = JSON.parse(fs.readFileSync(markerPath(databaseFile), 'utf8')) as Marker;
  } catch {
    return null;
  }
  if (!Number.isSafeInteger(marker.pid) || marker.pid <= 0) return null;
  // Another machine's process cannot be checked from here: assume it is alive.
  if (marker.host !== os.hostname()) return marker;
  try {
    process.kill(marker.pid, 0);
    return marker;
  } catch (error) {
    // EPERM: it exists but belongs to someone else. ESRCH: it is gone.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? marker : null;
  }
}
