// npm run test:logs — after the e2e run: the servers' logs (.e2e-data/**/*.log, written by
// playwright.config.ts's webServer and the first-run spec) must hold none of the run's personal
// data or secrets, and must really be the request log (so this cannot pass on an empty file).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fixturesDir } from '@/lib/testing/fixtures';
import { emailsIn, emptyScan, scanLog, type Literal } from '@/lib/log/leak-scan';
import { E2E_INTAKE_KEY } from '../playwright.config';
import { ADMIN, ADMIN_STATE, E2E_DATA, PASSWORD, PEOPLE } from './support/accounts';

function filesUnder(dir: string, test: (file: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, test);
    return test(full) ? [full] : [];
  });
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

function literals(): Literal[] {
  const found: Literal[] = [
    { kind: 'intake key (E2E_INTAKE_KEY)', value: E2E_INTAKE_KEY },
    { kind: 'password', value: ADMIN.password },
    { kind: 'password', value: PASSWORD },
    { kind: 'e2e account email', value: ADMIN.email },
    ...Object.values(PEOPLE).map((person) => ({ kind: 'e2e account email', value: person.email })),
  ];
  // Every address the tests send: the shared fixtures and the e2e sources.
  for (const file of [
    ...filesUnder(fixturesDir(), () => true),
    ...filesUnder(path.resolve('e2e'), (f) => f.endsWith('.ts')),
  ]) {
    for (const email of emailsIn(fs.readFileSync(file, 'utf8')))
      found.push({ kind: 'email from the tests', value: email });
  }
  // The API keys the setup made.
  const keys = readJson<Record<string, unknown>>(path.join(E2E_DATA, 'api-keys.json')) ?? {};
  for (const value of Object.values(keys)) if (typeof value === 'string') found.push({ kind: 'API key', value });
  // The admin's session cookie, whole and as its token.
  const state = readJson<{ cookies: { name: string; value: string }[] }>(ADMIN_STATE);
  for (const cookie of state?.cookies ?? []) {
    found.push({ kind: 'session cookie', value: cookie.value });
    found.push({ kind: 'session token', value: decodeURIComponent(cookie.value).split('.')[0] ?? '' });
  }
  // Every session and person the run created.
  const dbFile = path.join(E2E_DATA, 'leads.db');
  if (fs.existsSync(dbFile)) {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      for (const token of db.prepare('select token from sessions').pluck().all() as string[])
        found.push({ kind: 'session token', value: token });
      for (const email of db.prepare('select email from users').pluck().all() as string[])
        found.push({ kind: 'user email', value: email });
    } finally {
      db.close();
    }
  }
  return found;
}

const logFiles = filesUnder(E2E_DATA, (file) => file.endsWith('.log'));
if (logFiles.length === 0) {
  console.error(`test:logs: no server log under ${E2E_DATA} — run the e2e suite first (npm run test:e2e).`);
  process.exit(1);
}

const checked = literals();
const scan = emptyScan();
for (const file of logFiles) scanLog(path.relative(process.cwd(), file), fs.readFileSync(file, 'utf8'), checked, scan);

const problems: string[] = [];
if (scan.lines === 0) problems.push('the server log is empty');
if (scan.requestLines === 0) problems.push('the server log has no request lines (is the request log on?)');
if (scan.requestsWithActor === 0) problems.push('no request line names its actor');
if (scan.intakeLines === 0)
  problems.push('no webhook delivery was logged (the intake route logs its own request line)');
for (const finding of scan.findings.slice(0, 50)) {
  problems.push(`${finding.file}:${finding.line}: ${finding.kind}: ${finding.excerpt}`);
}
if (scan.findings.length > 50) problems.push(`… and ${scan.findings.length - 50} more findings`);

console.log(
  `test:logs: ${logFiles.length} log file(s), ${scan.lines} lines (${scan.jsonLines} JSON), ` +
    `${scan.requestLines} request lines (${scan.requestsWithActor} with an actor, ${scan.intakeLines} webhook deliveries); ` +
    `checked ${new Set(checked.map((literal) => literal.value)).size} known values and every email, key, cookie and token shape: ` +
    `${scan.findings.length} hit(s).`,
);
if (problems.length) {
  console.error(problems.map((problem) => `  ✗ ${problem}`).join('\n'));
  process.exit(1);
}
