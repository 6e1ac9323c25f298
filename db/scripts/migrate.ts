// npm run db:migrate — apply committed migrations to DATABASE_PATH (the app also does this at start).
import { databasePath, openDatabase } from '../index';

const file = databasePath();
const db = openDatabase(file);
const applied = db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
db.$client.close();
console.log(`Database ${file} is up to date (${applied.n} migration(s) applied).`);
