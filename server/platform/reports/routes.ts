import { z } from 'zod';
import { actorOf, type TypedApp } from '../http/typed.ts';
import type { PlatformServices as Services } from '../modules/platform-services.ts';
import { CONTENT_TYPES, type RenderedReport, type ReportFormat } from './service.ts';

const tags = ['reports'];

export const reportQuery = z
  .object({
    /** The report's language; the reader's own by default. */
    locale: z.enum(['en', 'zh-TW']).optional(),
  })
  .strict();

function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function sendReport(reply: import('fastify').FastifyReply, report: RenderedReport) {
  return reply
    .type(report.contentType)
    .header('content-disposition', contentDisposition(report.fileName))
    .send(report.body);
}

export function registerReportRoutes(app: TypedApp, { reports }: Services) {
  for (const format of ['pdf', 'xlsx'] as const satisfies ReportFormat[]) {
    app.get(
      `/api/reports/organisation.${format}`,
      {
        config: { access: 'org.read' },
        schema: {
          tags,
          summary: `Organisation overview as ${format.toUpperCase()}: sites by subsidiary and country with active employees, in your scope`,
          querystring: reportQuery,
          produces: [CONTENT_TYPES[format]],
        },
      },
      async (request, reply) =>
        sendReport(
          reply,
          await reports.organisationOverview(
            actorOf(request),
            format,
            request.query.locale ?? actorOf(request).locale,
          ),
        ),
    );
  }
}
