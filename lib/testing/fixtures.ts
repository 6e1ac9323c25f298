import fs from 'node:fs';
import path from 'node:path';

// The intake fixtures every intake test must pass (e2e/fixtures/marketplace: a copy of the team's
// shared sample deliveries, kept in the repository so a clone anywhere runs its own tests).
export type IntakeFixture = {
  name: string;
  description: string;
  /** The exact bytes to POST. */
  body: Buffer;
  expect: { status: number; lead?: Record<string, unknown> };
};

export function fixturesDir(): string {
  return path.resolve(process.env.INTAKE_FIXTURES_DIR ?? path.join(process.cwd(), 'e2e', 'fixtures', 'marketplace'));
}

export function loadIntakeFixtures(): IntakeFixture[] {
  const dir = fixturesDir();
  const files = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new Error(`No intake fixtures found in ${dir}`);
  return files.map((file) => {
    const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
      description?: string;
      body?: unknown;
      rawBody?: string;
      expect: IntakeFixture['expect'];
    };
    const body =
      data.rawBody !== undefined ? Buffer.from(data.rawBody, 'utf8') : Buffer.from(JSON.stringify(data.body), 'utf8');
    return { name: file, description: data.description ?? file, body, expect: data.expect };
  });
}
