// GET /api/health/live — is the process up and serving? (A liveness probe: no database, no auth;
// readiness, with the database, is GET /api/health.) Also the benchmark's "trivial handler": the
// framework's cost of one request, against which the webhook's own work is measured.
import { methodNotAllowed } from '@/lib/errors';
import { withRequestLog } from '@/lib/log/request-log';

export const dynamic = 'force-dynamic';

export const GET = withRequestLog(async (): Promise<Response> =>
  Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } }),
);

const notAllowed = () => methodNotAllowed(['GET']);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
