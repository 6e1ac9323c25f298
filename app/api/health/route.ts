// GET /api/health — is the app up and its database answering?
import { getDb } from '@/db';
import { methodNotAllowed } from '@/lib/errors';
import { getDatabaseHealth } from '@/lib/health/queries';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  try {
    const database = getDatabaseHealth(getDb());
    return Response.json({ status: 'ok', database }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    console.error(JSON.stringify({ level: 'error', msg: 'health check failed', reason }));
    return Response.json(
      { status: 'error', database: { ok: false, error: 'The database is not reachable.' } },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}

const notAllowed = () => methodNotAllowed(['GET']);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
