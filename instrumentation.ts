// Runs once per server start: migrations, the intake key and (when configured) the first admin
// are ready before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { bootstrapIntake } = await import('./lib/intake-keys/bootstrap');
  bootstrapIntake();
  const { bootstrapAdmin } = await import('./lib/auth/bootstrap');
  await bootstrapAdmin();
  const [{ closeDb, databasePath }, { writeServerMarker }, { drainTimeoutFromEnv, installGracefulShutdown }] =
    await Promise.all([import('./db'), import('./lib/ops/server-marker'), import('./lib/ops/shutdown')]);
  // On SIGTERM/SIGINT Next drains the server and exits; the database is then checkpointed and
  // closed. Installed before the marker so the marker outlives the open database.
  installGracefulShutdown({
    closeDatabase: () => closeDb({ checkpoint: true }),
    drainTimeoutMs: drainTimeoutFromEnv(process.env),
  });
  // Tells `npm run restore` that this database is in use while the server runs.
  writeServerMarker(databasePath());
}
