import * as c from '#shared/modules/infosec/findings/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { importJobView } from '#shared/platform/imports/contract.ts';
import { registerListExport } from '../../../platform/exports/list-export.ts';
import { ValidationError } from '../../../platform/http/errors.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { yesNo } from '../../../platform/i18n/index.ts';
import { infosecWord } from '../messages.ts';
import { type FindingsService, SARIF_MAX_BYTES } from './service.ts';

const tags = ['infosec'];

export function registerFindingsRoutes(app: TypedApp, findings: FindingsService) {
  // ---- Engagements
  app.get(
    '/api/infosec/engagements',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'Audits, scans, penetration tests and OT assessments at the sites in your scope',
        querystring: c.engagementListQuery,
        response: { 200: c.engagementPage },
      },
    },
    async (request) => findings.listEngagements(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/infosec/engagements',
    access: 'infosec.read',
    tags,
    name: 'engagements',
    querystring: c.engagementListQuery,
    list: (actor, q) => findings.listEngagements(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (e) => e.siteCode },
      { header: { en: 'Reference', 'zh-TW': '編號' }, value: (e) => e.reference, width: 18 },
      {
        header: { en: 'Kind', 'zh-TW': '類型' },
        value: (e) => infosecWord('infosec.engagementKind', e.kind),
      },
      { header: { en: 'Vendor', 'zh-TW': '執行廠商' }, value: (e) => e.vendor, width: 24 },
      { header: { en: 'Scope', 'zh-TW': '範圍' }, value: (e) => e.scope, width: 40 },
      { header: { en: 'Starts', 'zh-TW': '開始' }, value: (e) => e.startsOn },
      { header: { en: 'Ends', 'zh-TW': '結束' }, value: (e) => e.endsOn },
      {
        header: { en: 'Open findings', 'zh-TW': '未結發現' },
        value: (e) => e.openFindings,
        numberFormat: '0',
      },
    ],
  });
  app.get(
    '/api/infosec/engagements/:id',
    {
      config: { access: 'infosec.read' },
      schema: { tags, summary: 'One engagement', params: idParams, response: { 200: c.engagementView } },
    },
    async (request) => findings.getEngagement(actorOf(request), request.params.id),
  );
  app.post(
    '/api/infosec/engagements',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Record an engagement',
        body: c.engagementInput,
        response: { 201: c.engagementView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await findings.createEngagement(actorOf(request), request.body)),
  );
  app.patch(
    '/api/infosec/engagements/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Change an engagement',
        params: idParams,
        body: c.engagementPatch,
        response: { 200: c.engagementView },
      },
    },
    async (request) => findings.updateEngagement(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/infosec/engagements/:id/sarif',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary:
          'Upload a SARIF 2.1.0 log (multipart field "file") as an import of the engagement’s findings',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: importJobView },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new ValidationError('Send the file as multipart/form-data in the field "file".');
      const file = await request.file({ limits: { fileSize: SARIF_MAX_BYTES + 1 } });
      if (file?.fieldname !== 'file')
        throw new ValidationError('Send the file in the multipart field "file".', [
          { path: 'file', message: 'Required' },
        ]);
      const job = await findings.uploadSarif(actorOf(request), request.params.id, {
        filename: file.filename,
        stream: file.file,
      });
      return reply.status(201).send(job);
    },
  );

  // ---- Findings
  app.get(
    '/api/infosec/findings',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'Findings of audits, scans and tests at the sites in your scope',
        querystring: c.findingListQuery,
        response: { 200: c.findingPage },
      },
    },
    async (request) => findings.listFindings(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/infosec/findings',
    access: 'infosec.read',
    tags,
    name: 'findings',
    querystring: c.findingListQuery,
    list: (actor, q) => findings.listFindings(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (f) => f.siteCode },
      { header: { en: 'Engagement', 'zh-TW': '案件' }, value: (f) => f.engagementReference, width: 18 },
      { header: { en: 'Title', 'zh-TW': '標題' }, value: (f) => f.title, width: 40 },
      {
        header: { en: 'Severity', 'zh-TW': '嚴重度' },
        value: (f) => infosecWord('infosec.severity', f.severity),
      },
      { header: { en: 'CVSS', 'zh-TW': 'CVSS' }, value: (f) => f.cvssScore, numberFormat: '0.0' },
      { header: { en: 'CVSS vector', 'zh-TW': 'CVSS 向量' }, value: (f) => f.cvssVector, width: 40 },
      { header: { en: 'Tool', 'zh-TW': '工具' }, value: (f) => f.tool },
      { header: { en: 'Rule', 'zh-TW': '規則' }, value: (f) => f.ruleId },
      { header: { en: 'Location', 'zh-TW': '位置' }, value: (f) => f.location, width: 30 },
      { header: { en: 'System', 'zh-TW': '系統' }, value: (f) => f.systemName },
      {
        header: { en: 'Status', 'zh-TW': '狀態' },
        value: (f) => infosecWord('infosec.findingStatus', f.status),
      },
      { header: { en: 'Opened', 'zh-TW': '開立日' }, value: (f) => f.openedOn },
      { header: { en: 'Due', 'zh-TW': '期限' }, value: (f) => f.dueOn },
      { header: { en: 'Overdue', 'zh-TW': '逾期' }, value: (f) => yesNo(f.overdue) },
      { header: { en: 'Accepted until', 'zh-TW': '風險接受至' }, value: (f) => f.acceptedUntil },
    ],
  });
  app.get(
    '/api/infosec/findings/ageing',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'Open findings by site, severity and age',
        querystring: c.openAgeingQuery,
        response: { 200: c.openAgeingView },
      },
    },
    async (request) => findings.openAgeing(actorOf(request), request.query),
  );
  app.get(
    '/api/infosec/findings/sla',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'SLA compliance over the last twelve months, by the month findings fell due',
        querystring: c.openAgeingQuery,
        response: { 200: c.slaView },
      },
    },
    async (request) => findings.slaCompliance(actorOf(request), request.query),
  );
  app.get(
    '/api/infosec/findings/:id',
    {
      config: { access: 'infosec.read' },
      schema: { tags, summary: 'One finding', params: idParams, response: { 200: c.findingView } },
    },
    async (request) => findings.getFinding(actorOf(request), request.params.id),
  );
  app.patch(
    '/api/infosec/findings/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Link a finding to a system of its site',
        params: idParams,
        body: c.findingPatch,
        response: { 200: c.findingView },
      },
    },
    async (request) => findings.updateFinding(actorOf(request), request.params.id, request.body),
  );
  app.put(
    '/api/infosec/findings/:id/acceptance',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Accept the risk of an open finding until an expiry date, naming the approver',
        params: idParams,
        body: c.acceptanceInput,
        response: { 200: c.findingView },
      },
    },
    async (request) => findings.acceptRisk(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/infosec/findings/:id/verification',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Record a retest that found the finding fixed, with its evidence (closes it)',
        params: idParams,
        body: c.verificationInput,
        response: { 200: c.findingView },
      },
    },
    async (request) => findings.verifyFixed(actorOf(request), request.params.id, request.body),
  );

  // ---- Due-date policy (a group setting)
  app.get(
    '/api/infosec/finding-due-policy',
    {
      config: { access: 'infosec.read', setting: 'infosec.finding_due_policy' },
      schema: {
        tags,
        summary: 'Days to remediate a finding, by severity',
        response: { 200: c.duePolicyInput },
      },
    },
    async (request) => findings.duePolicy(actorOf(request)),
  );
  app.put(
    '/api/infosec/finding-due-policy',
    {
      config: { access: 'infosec.manage', setting: 'infosec.finding_due_policy' },
      schema: {
        tags,
        summary: 'Change the days to remediate a finding (group-wide security managers)',
        body: c.duePolicyInput,
        response: { 200: c.duePolicyInput },
      },
    },
    async (request) => findings.setDuePolicy(actorOf(request), request.body),
  );
}
