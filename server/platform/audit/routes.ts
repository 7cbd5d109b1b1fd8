import { auditListQuery, auditPage, verifyReportView } from '#shared/platform/audit/contract.ts';
import { registerListExport } from '../exports/list-export.ts';
import { actorOf, type TypedApp } from '../http/typed.ts';
import type { PlatformServices as Services } from '../modules/platform-services.ts';

const tags = ['audit'];

export function registerAuditRoutes(app: TypedApp, { audit }: Services) {
  app.get(
    '/api/audit/events',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'The audit log, newest first, filtered',
        querystring: auditListQuery,
        response: { 200: auditPage },
      },
    },
    async (request) => audit.list(actorOf(request), request.query),
  );
  app.get(
    '/api/audit/verify',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'Verify every hash chain of the audit log',
        response: { 200: verifyReportView },
      },
    },
    async (request) => audit.verify(actorOf(request)),
  );
  registerListExport(app, {
    url: '/api/audit/events',
    access: 'audit.read',
    tags,
    name: 'audit-log',
    querystring: auditListQuery,
    list: (actor, q) => audit.list(actor, q),
    columns: [
      { header: { en: 'Time (UTC)', 'zh-TW': '時間 (UTC)' }, value: (e) => e.occurredAt, width: 24 },
      { header: { en: 'Actor', 'zh-TW': '操作者' }, value: (e) => e.actorLabel, width: 32 },
      { header: { en: 'Action', 'zh-TW': '動作' }, value: (e) => e.action, width: 22 },
      { header: { en: 'Record type', 'zh-TW': '紀錄類型' }, value: (e) => e.entityType },
      { header: { en: 'Record', 'zh-TW': '紀錄' }, value: (e) => e.entityId, width: 38 },
      { header: { en: 'Summary', 'zh-TW': '摘要' }, value: (e) => e.summary, width: 40 },
      { header: { en: 'Chain', 'zh-TW': '鏈' }, value: (e) => e.chainKey, width: 38 },
      { header: { en: 'Sequence', 'zh-TW': '序號' }, value: (e) => e.seq, numberFormat: '0' },
      { header: { en: 'Hash', 'zh-TW': '雜湊' }, value: (e) => e.hash, width: 66 },
    ],
  });
}
