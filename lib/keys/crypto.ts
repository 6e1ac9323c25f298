import crypto from 'node:crypto';
import { KEY_KINDS, type KeyKind } from './kinds';

// Secrets we issue (intake keys, API keys): generation, hashing, display prefixes, sealing.

export { KEY_KINDS, type KeyKind };

/** A new key: 192 bits of randomness, URL-safe so an intake key can sit in `?key=`. */
export function generateKey(kind: KeyKind): string {
  return KEY_KINDS[kind] + crypto.randomBytes(24).toString('base64url');
}

/**
 * Keys carry ≥128 bits of entropy, so a fast hash is as strong as a slow one here and keeps the
 * webhook cheap.
 */
export function hashKey(key: string): string {
  return crypto.createHash('sha256').update(key, 'utf8').digest('hex');
}

/** What a list may show of a key: enough to tell keys apart, too little to use. */
export function keyPrefix(key: string): string {
  const kind = Object.values(KEY_KINDS).find((prefix) => key.startsWith(prefix));
  return key.slice(0, (kind?.length ?? 0) + 4);
}

/** Constant-time comparison of two hex hashes of equal length. */
export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

/** AES-256-GCM: `iv.tag.ciphertext`, each base64url. */
export function seal(plaintext: string, secret: Buffer): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', secret, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url')).join('.');
}

/** Returns null when the value was sealed with another secret or tampered with. */
export function unseal(sealed: string, secret: Buffer): string | null {
  const [iv, tag, ciphertext] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !ciphertext) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', secret, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
