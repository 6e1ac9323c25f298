// GET /api/health — is the app up, its database answering and its schema the one this build expects?
import { getDb } from '@/db';
import { methodNotAllowed } from '@/lib/errors';
import { getDatabaseHealth } from '@/lib/health/queries';
import { logger } from '@/lib/log/logger';
import { withRequestLog } from '@/lib/log/request-log';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

// 503 when the database cannot be read or its migrations are not the ones this build ships:
// either way this server should not be sent traffic.
export const GET = withRequestLog(async (_request: Request): Promise<Response> => {
  try {
    const database = getDatabaseHealth(getDb());
    if (!database.schema.upToDate) {
      logger.error({ schema: database.schema }, 'health check: database schema does not match this build');
      return Response.json({ status: 'error', database }, { status: 503, headers: NO_STORE });
    }
    return Response.json({ status: 'ok', database }, { headers: NO_STORE });
  } catch (error) {
    logger.error({ err: error }, 'health check failed');
    return Response.json(
      { status: 'error', database: { ok: false, error: 'The database is not reachable.' } },
      { status: 503, headers: NO_STORE },
    );
  }
});

const notAllowed = withRequestLog(async (_request: Request) => methodNotAllowed(['GET']));
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
