import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The secret that seals values we must be able to show again (intake keys). From env
 * APP_SECRET when set; otherwise generated once into `app-secret` beside the database (mode 0600),
 * so a copy of the database alone never reveals a key.
 */
export function getAppSecret(databaseFile: string): Buffer {
  const fromEnv = process.env.APP_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('APP_SECRET must be at least 32 characters long.');
    return crypto.createHash('sha256').update(fromEnv).digest();
  }
  const file = path.join(/*turbopackIgnore: true*/ path.dirname(path.resolve(databaseFile)), 'app-secret');
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = crypto.randomBytes(32);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, secret.toString('hex'), { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
    }
    throw error;
  }
}
