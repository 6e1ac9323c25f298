// npx tsx db/scripts/country-migration.ts — writes db/migrations/0011_country_codes.sql from the
// country table (lib/marketplace/country.ts). Run once when the migration was made; committed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { countryMigrationSql } from '../../lib/marketplace/country-sql';

const file = path.join(import.meta.dirname, '..', 'migrations', '0011_country_codes.sql');
writeFileSync(file, countryMigrationSql());
console.log(`Wrote ${file}`);
