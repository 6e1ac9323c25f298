// Scans server log text for what must never be in it: known secret and personal values (exact,
// and URL-encoded), and anything shaped like an email address, one of our keys, a session cookie,
// a Bearer token or a `key=` query value that escaped scrubbing. Used by `npm run test:logs`
// on the e2e server's log. Findings never repeat the value they found.
import { KEY_KINDS } from '@/lib/keys/kinds';
import { EMAIL_PATTERN, REDACTED } from './scrub';

export type Literal = { kind: string; value: string };
export type LeakFinding = { kind: string; file: string; line: number; excerpt: string };
export type LogScan = {
  lines: number;
  jsonLines: number;
  requestLines: number;
  requestsWithActor: number;
  /** Request lines of the webhook (which logs its own, with the delivery's outcome). */
  intakeLines: number;
  findings: LeakFinding[];
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const notRedacted = `(?!${escapeRegExp(REDACTED)})`;

/** Shapes that would be a leak wherever they appear in a scrubbed log. */
export const LEAK_SHAPES: { kind: string; pattern: RegExp }[] = [
  { kind: 'email-shaped string', pattern: new RegExp(EMAIL_PATTERN.source, 'gi') },
  { kind: 'issued key', pattern: new RegExp(`\\b(?:${Object.values(KEY_KINDS).join('|')})[A-Za-z0-9_-]{6,}`, 'g') },
  { kind: 'session cookie', pattern: new RegExp(`better-auth\\.[A-Za-z0-9_.-]+=${notRedacted}[^;\\s"',]+`, 'g') },
  { kind: 'bearer token', pattern: new RegExp(`\\bBearer\\s+${notRedacted}[A-Za-z0-9._~+/=-]{6,}`, 'gi') },
  { kind: 'key in a query string', pattern: new RegExp(`[?&](?:key|token)=${notRedacted}[^&\\s"]+`, 'gi') },
];

/** The line with every hit replaced by <HIT> (so no excerpt shows another hit), cut to 240 characters. */
function mask(line: string, hits: { start: number; end: number }[]): string {
  const sorted = [...hits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const hit of sorted) {
    if (hit.end <= at) continue;
    out += line.slice(at, Math.max(at, hit.start)) + '<HIT>';
    at = hit.end;
  }
  out += line.slice(at);
  return out.length > 240 ? `${out.slice(0, 240)}…` : out;
}

/** Literal values to look for, with their URL-encoded forms; empty and very short values are skipped. */
export function expandLiterals(literals: Literal[]): Literal[] {
  const out = new Map<string, Literal>();
  for (const literal of literals) {
    if (!literal.value || literal.value.length < 6) continue;
    for (const value of [literal.value, encodeURIComponent(literal.value)]) {
      if (!out.has(value)) out.set(value, { kind: literal.kind, value });
    }
  }
  return [...out.values()];
}

export function scanLog(file: string, text: string, literals: Literal[], scan: LogScan = emptyScan()): LogScan {
  // Case-insensitive, like an address typed in another case.
  const literalPatterns = expandLiterals(literals).map((literal) => ({
    kind: literal.kind,
    pattern: new RegExp(escapeRegExp(literal.value), 'gi'),
  }));
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((line, index) => {
    scan.lines += 1;
    if (line.startsWith('{')) {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        scan.jsonLines += 1;
        if (entry.msg === 'request' && typeof entry.status === 'number' && typeof entry.requestId === 'string') {
          scan.requestLines += 1;
          if (typeof entry.actor === 'string') scan.requestsWithActor += 1;
          if (typeof entry.outcome === 'string') scan.intakeLines += 1;
        }
      } catch {
        // Not JSON after all: still scanned below.
      }
    }
    const hits: { kind: string; start: number; end: number }[] = [];
    for (const shape of [...literalPatterns, ...LEAK_SHAPES]) {
      for (const match of line.matchAll(shape.pattern)) {
        hits.push({ kind: shape.kind, start: match.index, end: match.index + match[0].length });
      }
    }
    if (hits.length === 0) return;
    const excerpt = mask(line, hits);
    for (const kind of new Set(hits.map((hit) => hit.kind)))
      scan.findings.push({ kind, file, line: index + 1, excerpt });
  });
  return scan;
}

export function emptyScan(): LogScan {
  return { lines: 0, jsonLines: 0, requestLines: 0, requestsWithActor: 0, intakeLines: 0, findings: [] };
}

/** Every email address written in some text (fixtures, test sources), lower-cased and unique. */
export function emailsIn(text: string): string[] {
  return [
    ...new Set([...text.matchAll(new RegExp(EMAIL_PATTERN.source, 'gi'))].map((match) => match[0].toLowerCase())),
  ];
}
