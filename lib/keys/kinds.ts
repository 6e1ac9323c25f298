// What each kind of key we issue looks like. Apart from lib/keys/crypto.ts so code that must not
// pull in node:crypto (the log scrubber, used by the proxy and shared code) can recognise keys.

/** What each kind of key starts with, so a leaked key is recognisable (and scannable) at a glance. */
export const KEY_KINDS = { intake: 'mlk_', api: 'mla_' } as const;
export type KeyKind = keyof typeof KEY_KINDS;
