import * as c from '#shared/modules/ip/reassessment/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { ipWord } from '../messages.ts';
import type { KeepDropService } from './service.ts';

const tags = ['ip'];

/** Routes of the keep-or-drop decisions before each annuity and of the re-assessment scoring model. */
export function registerKeepDropRoutes(app: TypedApp, keepDrop: KeepDropService) {
  app.get(
    '/api/ip/keep-or-drop',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'Matters with a fee due in the coming months: the re-assessment and the decision taken',
        querystring: c.keepDropListQuery,
        response: { 200: c.keepDropPage },
      },
    },
    async (request) => keepDrop.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/ip/keep-or-drop',
    access: 'ip.read',
    tags,
    name: 'keep-or-drop',
    querystring: c.keepDropListQuery,
    list: (actor, q) => keepDrop.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (i) => i.siteCode },
      { header: { en: 'Subsidiary', 'zh-TW': '子公司' }, value: (i) => i.subsidiaryName, width: 24 },
      { header: { en: 'Family', 'zh-TW': '專利家族' }, value: (i) => i.familyReference },
      { header: { en: 'Title', 'zh-TW': '名稱' }, value: (i) => i.familyTitle, width: 36 },
      { header: { en: 'Office', 'zh-TW': '專利局' }, value: (i) => i.office },
      { header: { en: 'Application no.', 'zh-TW': '申請號' }, value: (i) => i.applicationNo },
      { header: { en: 'Patent no.', 'zh-TW': '證書號' }, value: (i) => i.patentNo },
      { header: { en: 'Fee year', 'zh-TW': '年費年度' }, value: (i) => i.feeYear },
      { header: { en: 'Fee due', 'zh-TW': '年費期限' }, value: (i) => i.feeDueDate },
      {
        header: { en: 'Entity size', 'zh-TW': '實體規模' },
        value: (i) => (i.entitySize ? ipWord('ip.entitySize', i.entitySize) : null),
      },
      { header: { en: 'Currency', 'zh-TW': '幣別' }, value: (i) => i.feeCurrency },
      {
        header: { en: 'Fee', 'zh-TW': '費用' },
        value: (i) => (i.feeAmountMinor === null ? null : i.feeAmountMinor / 100),
        numberFormat: '#,##0.00',
      },
      { header: { en: 'Decide by', 'zh-TW': '決策期限' }, value: (i) => i.decideBy },
      { header: { en: 'Quantity', 'zh-TW': '數量' }, value: (i) => i.assessment.goals.quantity },
      { header: { en: 'Quality', 'zh-TW': '品質' }, value: (i) => i.assessment.goals.quality },
      { header: { en: 'Value', 'zh-TW': '價值' }, value: (i) => i.assessment.goals.value },
      { header: { en: 'Score', 'zh-TW': '總分' }, value: (i) => i.assessment.overall },
      {
        header: { en: 'Recommendation', 'zh-TW': '建議' },
        value: (i) => ipWord('ip.recommendation', i.assessment.recommendation),
      },
      {
        header: { en: 'Decision', 'zh-TW': '決策' },
        value: (i) => (i.decision ? ipWord('ip.keepDropDecision', i.decision.decision) : null),
      },
      { header: { en: 'Decided on', 'zh-TW': '決策日' }, value: (i) => i.decision?.decidedOn ?? null },
      { header: { en: 'Lapses on', 'zh-TW': '失效日' }, value: (i) => i.decision?.lapsesOn ?? null },
    ],
  });
  app.get(
    '/api/ip/keep-or-drop/:id',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'One matter’s next fee with its re-assessment and the decision taken (id: the matter)',
        params: idParams,
        response: { 200: c.keepDropItem },
      },
    },
    async (request) => keepDrop.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ip/keep-or-drop/:id/decision',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Keep, drop, sell or license a matter before its next fee, with the re-assessment facts',
        params: idParams,
        body: c.keepDropDecisionInput,
        response: { 201: c.keepDropItem },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await keepDrop.decide(actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/ip/scoring-model',
    {
      config: { access: 'ip.read', setting: 'ip.scoring_model' },
      schema: {
        tags,
        summary: 'The re-assessment scoring model: indicator and goal weights, thresholds, lead time',
        response: { 200: c.scoringModel },
      },
    },
    async (request) => keepDrop.model(actorOf(request)),
  );
  app.put(
    '/api/ip/scoring-model',
    {
      config: { access: 'ip.manage', setting: 'ip.scoring_model' },
      schema: {
        tags,
        summary: 'Tune the re-assessment scoring model (group-wide IP managers)',
        body: c.scoringModel,
        response: { 200: c.scoringModel },
      },
    },
    async (request) => keepDrop.setModel(actorOf(request), request.body),
  );
}
