import { z } from 'zod';
import * as c from '#shared/modules/infosec/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../platform/http/typed.ts';
import { yesNo } from '../../platform/i18n/index.ts';
import { registerAdvisoryRoutes } from './advisories/routes.ts';
import { registerBoardRoutes } from './board/routes.ts';
import { registerCsfRoutes } from './csf/routes.ts';
import { registerPhishingRoutes } from './drills/phishing-routes.ts';
import { registerDrillRoutes } from './drills/routes.ts';
import { registerFindingsRoutes } from './findings/routes.ts';
import { registerGovernanceRoutes } from './governance/routes.ts';
import { registerInsuranceRoutes } from './material/insurance-routes.ts';
import { registerMaterialRoutes } from './material/routes.ts';
import { infosecWord } from './messages.ts';
import type { InfosecModule } from './module.ts';
import { registerResponseRoutes } from './response/routes.ts';
import { registerSupplierAssessmentRoutes } from './suppliers/assessment-routes.ts';
import { registerSupplierRoutes } from './suppliers/routes.ts';

const tags = ['infosec'];

export function registerInfosecRoutes(app: TypedApp, infosec: InfosecModule) {
  const { systems, incidents, rules } = infosec;
  registerCsfRoutes(app, infosec.csf);
  registerFindingsRoutes(app, infosec.findings);
  registerDrillRoutes(app, infosec.drills);
  registerPhishingRoutes(app, infosec.phishing);
  registerAdvisoryRoutes(app, infosec.advisories);
  registerSupplierRoutes(app, infosec.suppliers);
  registerSupplierAssessmentRoutes(app, infosec.supplierAssessments);
  registerMaterialRoutes(app, infosec.material);
  registerResponseRoutes(app, infosec.response);
  registerBoardRoutes(app, infosec.board);
  registerInsuranceRoutes(app, infosec.insurance);
  registerGovernanceRoutes(app, infosec.governance);

  // ---- Systems register
  app.get(
    '/api/infosec/systems',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'Critical information systems and OT assets at the sites in your scope',
        querystring: c.systemListQuery,
        response: { 200: c.systemPage },
      },
    },
    async (request) => systems.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/infosec/systems',
    access: 'infosec.read',
    tags,
    name: 'systems',
    querystring: c.systemListQuery,
    list: (actor, q) => systems.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (s) => s.siteCode },
      { header: { en: 'Name', 'zh-TW': '名稱' }, value: (s) => s.name, width: 30 },
      {
        header: { en: 'IT or OT', 'zh-TW': 'IT 或 OT' },
        value: (s) => infosecWord('infosec.domain', s.domain),
      },
      {
        header: { en: 'Criticality', 'zh-TW': '重要性' },
        value: (s) => infosecWord('infosec.criticality', s.criticality),
      },
      { header: { en: 'Owner', 'zh-TW': '負責人' }, value: (s) => s.ownerName, width: 20 },
      {
        header: { en: 'RTO (hours)', 'zh-TW': 'RTO（小時）' },
        value: (s) => s.rtoHours,
        numberFormat: '0.##',
      },
      {
        header: { en: 'RPO (hours)', 'zh-TW': 'RPO（小時）' },
        value: (s) => s.rpoHours,
        numberFormat: '0.##',
      },
      { header: { en: 'Backup', 'zh-TW': '備份' }, value: (s) => s.backup, width: 30 },
      { header: { en: 'Vendor', 'zh-TW': '供應商' }, value: (s) => s.vendor },
      { header: { en: 'Product', 'zh-TW': '產品' }, value: (s) => s.product },
      { header: { en: 'Version', 'zh-TW': '版本' }, value: (s) => s.productVersion },
      { header: { en: 'CPE', 'zh-TW': 'CPE' }, value: (s) => s.cpe, width: 40 },
    ],
  });
  app.get(
    '/api/infosec/systems/:id',
    {
      config: { access: 'infosec.read' },
      schema: { tags, summary: 'One registered system', params: idParams, response: { 200: c.systemView } },
    },
    async (request) => systems.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/infosec/systems',
    {
      config: { access: 'infosec.manage' },
      schema: { tags, summary: 'Register a system', body: c.systemInput, response: { 201: c.systemView } },
    },
    async (request, reply) => reply.status(201).send(await systems.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/infosec/systems/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Change a registered system',
        params: idParams,
        body: c.systemPatch,
        response: { 200: c.systemView },
      },
    },
    async (request) => systems.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/infosec/systems/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Remove a system registered in error (not one that incidents name)',
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await systems.remove(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  // ---- Incidents
  app.get(
    '/api/infosec/incidents',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Security incidents in your scope (mine=true: the ones you reported)',
        querystring: c.incidentListQuery,
        response: { 200: c.incidentPage },
      },
    },
    async (request) => incidents.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/infosec/incidents',
    access: 'infosec.read',
    tags,
    name: 'security-incidents',
    querystring: c.incidentListQuery,
    list: (actor, q) => incidents.list(actor, q),
    columns: [
      { header: { en: 'Reference', 'zh-TW': '編號' }, value: (i) => i.reference, width: 18 },
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (i) => i.siteCode },
      { header: { en: 'Title', 'zh-TW': '標題' }, value: (i) => i.title, width: 40 },
      { header: { en: 'Aware at', 'zh-TW': '知悉時間' }, value: (i) => i.awareAt, width: 22 },
      { header: { en: 'Level', 'zh-TW': '等級' }, value: (i) => i.level, numberFormat: '0' },
      {
        header: { en: 'Status', 'zh-TW': '狀態' },
        value: (i) => infosecWord('infosec.incidentStatus', i.status),
      },
      { header: { en: 'Next due', 'zh-TW': '下一期限' }, value: (i) => i.nextDueAt, width: 22 },
      { header: { en: 'Overdue', 'zh-TW': '逾期' }, value: (i) => yesNo(i.overdue) },
    ],
  });
  app.get(
    '/api/infosec/incidents/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'One security incident with its clocks and timeline',
        params: idParams,
        response: { 200: c.incidentView },
      },
    },
    async (request) => incidents.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/infosec/incidents',
    {
      config: { access: 'infosec.report' },
      schema: {
        tags,
        summary: 'Report a suspected security incident',
        body: c.incidentReport,
        response: { 201: c.incidentView },
      },
    },
    async (request, reply) => reply.status(201).send(await incidents.report(actorOf(request), request.body)),
  );
  app.put(
    '/api/infosec/incidents/:id/classification',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Classify an incident: impact, level (1–4) and NIST SP 800-61 attributes',
        params: idParams,
        body: c.classificationInput,
        response: { 200: c.incidentView },
      },
    },
    async (request) => incidents.classify(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/infosec/incidents/:id/events',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Record an event that starts or stops a clock (reported to the CISO office, recovered…)',
        params: idParams,
        body: c.eventInput,
        response: { 200: c.incidentView },
      },
    },
    async (request) => incidents.recordEvent(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/infosec/incidents/:id/timeline',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Add a note to the incident timeline',
        params: idParams,
        body: c.noteInput,
        response: { 201: c.incidentView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await incidents.addNote(actorOf(request), request.params.id, request.body)),
  );

  // ---- Clock rules (a group setting)
  app.get(
    '/api/infosec/clock-rules',
    {
      config: { access: 'infosec.read', setting: 'infosec.clock_rules' },
      schema: {
        tags,
        summary: 'The incident clocks by level, in hours, and whether the reader may change them',
        response: { 200: c.clockRulesView },
      },
    },
    async (request) => rules.get(actorOf(request)),
  );
  app.put(
    '/api/infosec/clock-rules',
    {
      config: { access: 'infosec.manage', setting: 'infosec.clock_rules' },
      schema: {
        tags,
        summary: 'Change the incident clocks (group-wide security managers)',
        body: c.clockRulesBody,
        response: { 200: c.clockRulesInput },
      },
    },
    async (request) => rules.set(actorOf(request), request.body),
  );
}
