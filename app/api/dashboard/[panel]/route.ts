// GET /api/dashboard/{panel} — one dashboard panel's numbers (JSON, or its table as CSV with format=csv)
import { getDb } from '@/db';
import { requireApiViewer } from '@/lib/auth/viewer';
import { panelCsv } from '@/lib/dashboard/csv';
import { parseDashboardParams } from '@/lib/dashboard/params';
import { PANELS, type PanelName } from '@/lib/dashboard/panels';
import { getPanel } from '@/lib/dashboard/service';
import { AppError, methodNotAllowed, toErrorResponse } from '@/lib/errors';
import { withRequestLog } from '@/lib/log/request-log';

export const GET = withRequestLog(
  async (request: Request, { params }: RouteContext<'/api/dashboard/[panel]'>): Promise<Response> => {
    try {
      await requireApiViewer(request, 'dashboard:view');
      const { panel } = await params;
      if (!(PANELS as readonly string[]).includes(panel)) {
        throw new AppError('not_found', `There is no dashboard panel "${panel}". Panels: ${PANELS.join(', ')}.`);
      }
      const query = parseDashboardParams(new URL(request.url).searchParams);
      const data = getPanel(getDb(), panel as PanelName, query);
      if (query.format === 'csv') {
        return new Response(panelCsv(data), {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="dashboard-${panel}-${new Date().toISOString().slice(0, 10)}.csv"`,
            'Cache-Control': 'no-store',
          },
        });
      }
      return Response.json(data, {
        headers: { 'Cache-Control': 'no-store', 'Server-Timing': `db;dur=${data.serverMs}` },
      });
    } catch (error) {
      return toErrorResponse(error);
    }
  },
);

const notAllowed = withRequestLog(async (_request: Request) => methodNotAllowed(['GET']));
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
