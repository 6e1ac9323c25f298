// Runs once per server start: migrations, the intake key and (when configured) the first admin
// are ready before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { bootstrapIntake } = await import('./lib/intake-keys/bootstrap');
  bootstrapIntake();
  const { bootstrapAdmin } = await import('./lib/auth/bootstrap');
  await bootstrapAdmin();
  // Tells `npm run restore` that this database is in use while the server runs.
  const [{ databasePath }, { writeServerMarker }] = await Promise.all([import('./db'), import('./lib/ops/server-marker')]);
  writeServerMarker(databasePath());
  // Deletes delivery receipts and test leads past the retention an admin set, hourly.
  const [{ getDb }, { scheduleRetention }] = await Promise.all([import('./db'), import('./lib/ops/retention')]);
  scheduleRetention(getDb, (error) =>
    console.error(JSON.stringify({ level: 'error', msg: 'retention run failed', name: error instanceof Error ? error.name : typeof error })),
  );
}
