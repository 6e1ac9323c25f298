// Runs once per server start: migrations, the intake key and (when configured) the first admin
// are ready before the first request. Everything it reports goes through the JSON logger.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { logger } = await import('./lib/log/logger');
  try {
    const { bootstrapIntake } = await import('./lib/intake-keys/bootstrap');
    bootstrapIntake();
    const { bootstrapAdmin } = await import('./lib/auth/bootstrap');
    await bootstrapAdmin();
    const [
      { closeDb, databasePath, getDb },
      { writeServerMarker },
      { getDatabaseHealth },
      { scheduleRetention },
      { drainTimeoutFromEnv, installGracefulShutdown },
    ] = await Promise.all([
      import('./db'),
      import('./lib/ops/server-marker'),
      import('./lib/health/queries'),
      import('./lib/ops/retention'),
      import('./lib/ops/shutdown'),
    ]);
    // On SIGTERM/SIGINT Next drains the server and exits; the database is then checkpointed and
    // closed. Installed before the marker so the marker outlives the open database.
    installGracefulShutdown({
      closeDatabase: () => closeDb({ checkpoint: true }),
      drainTimeoutMs: drainTimeoutFromEnv(process.env),
      log: ({ level, msg, ...fields }) => logger[level](fields, msg),
    });
    // Tells `npm run restore` that this database is in use while the server runs.
    writeServerMarker(databasePath());
    // Planner statistics before the first request (lib/ops/statistics).
    const { refreshStatistics } = await import('./lib/ops/statistics');
    refreshStatistics(getDb().$client);
    // Deletes delivery receipts and test leads past the retention an admin set, hourly.
    scheduleRetention(getDb, (error) => logger.error({ err: error }, 'retention run failed'));
    const { schema } = getDatabaseHealth(getDb());
    logger.info({ schema }, 'server ready');
  } catch (error) {
    logger.fatal({ err: error }, 'server start-up failed');
    throw error;
  }
}
