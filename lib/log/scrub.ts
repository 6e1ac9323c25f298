// Free-text scrubbing for log lines: messages, error messages, URLs, header values. Structured
// fields with known names are redacted by pino (lib/log/logger.ts); this catches what hides in
// text. Pure and dependency-free so the proxy, the logger and the log check can all use it.
import { KEY_KINDS } from '@/lib/keys/kinds';

/** Anything email-shaped, including the `%40` form a URL carries. */
export const EMAIL_PATTERN =
  /[A-Za-z0-9.!#$%&'*+^_`{|}~-]+(?:@|%40)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+/gi;

/** Our issued secrets (intake `mlk_…`, API `mla_…`): a prefix and base64url (see lib/keys/crypto.ts). */
export const ISSUED_KEY_PATTERN = new RegExp(`\\b(${Object.values(KEY_KINDS).join('|')})[A-Za-z0-9_-]+`, 'g');

/** `key=…`, `token=…` and friends in query strings, form bodies and free text. */
const SECRET_PARAM_PATTERN = /\b([A-Za-z_-]*?(?:key|token|secret|password))=([^&#\s"'<>;,]+)/gi;

const BEARER_PATTERN = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;

/** better-auth's cookies (`better-auth.session_token`, `__Secure-better-auth.session_data`, …). */
const SESSION_COOKIE_PATTERN = /((?:__Secure-|__Host-)?better-auth\.[A-Za-z0-9_.-]+=)[^;\s"',]+/g;

export const REDACTED = '[redacted]';

/** Exact secret values this process knows (the env intake key, signing secrets), longest first. */
let knownSecrets: string[] = [];

/**
 * Values to scrub wherever they appear, whatever their shape: INTAKE_KEY may be any string of 16+
 * characters, so no pattern catches it.
 */
export function setKnownSecrets(values: (string | undefined | null)[]): void {
  knownSecrets = [
    ...new Set(values.map((value) => value?.trim()).filter((value): value is string => !!value && value.length >= 8)),
  ].sort((a, b) => b.length - a.length);
}

export function knownSecretsFromEnv(env: NodeJS.ProcessEnv = process.env): (string | undefined)[] {
  return [env.INTAKE_KEY, env.BETTER_AUTH_SECRET, env.APP_SECRET, env.ADMIN_PASSWORD];
}

/** Quick pre-check: most log text (paths, ids, plain messages) has none of these characters. */
const SUSPECT = /[@%=]|Bearer|Basic|better-auth|ml[ak]_/i;

export function scrubText(text: string): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret && out.includes(encoded)) out = out.split(encoded).join(REDACTED);
  }
  if (!SUSPECT.test(out)) return out;
  return out
    .replace(SESSION_COOKIE_PATTERN, `$1${REDACTED}`)
    .replace(BEARER_PATTERN, `$1 ${REDACTED}`)
    .replace(SECRET_PARAM_PATTERN, `$1=${REDACTED}`)
    .replace(ISSUED_KEY_PATTERN, `$1${REDACTED}`)
    .replace(EMAIL_PATTERN, '[email]');
}

/** Scrubs every string inside a plain value (objects, arrays), to a bounded depth. */
/** Field names whose values never reach a log line, at any depth (lower-cased). */
let redactedKeys: ReadonlySet<string> = new Set();
export function setRedactedKeys(keys: readonly string[]): void {
  redactedKeys = new Set(keys.map((key) => key.toLowerCase()));
}

export function scrubValue<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return scrubText(value) as T;
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1)) as T;
  if (value instanceof Error) return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = redactedKeys.has(key.toLowerCase()) && item !== undefined ? REDACTED : scrubValue(item, depth + 1);
  }
  return out as T;
}
