import * as c from '#shared/modules/academia/contract.ts';
import {
  internEvaluationInput,
  internEvaluationList,
  internEvaluationView,
} from '#shared/modules/academia/evaluation-contract.ts';
import { internRetentionSettings, internRetentionView } from '#shared/modules/academia/retention-contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../platform/http/typed.ts';
import { yesNo } from '../../platform/i18n/index.ts';
import { academiaWord } from './messages.ts';
import type { AcademiaModule } from './module.ts';

const tags = ['academia'];

/** Routes of interns (and the hires they became) and scholarships. */
export function registerAcademiaPeopleRoutes(app: TypedApp, academia: AcademiaModule) {
  const { interns } = academia;
  app.get(
    '/api/academia/interns',
    {
      config: { access: 'academia.read' },
      schema: { tags, summary: 'Interns', querystring: c.internListQuery, response: { 200: c.internPage } },
    },
    async (request) => interns.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/academia/interns',
    access: 'academia.read',
    tags,
    name: 'academia-interns',
    querystring: c.internListQuery,
    list: (actor, q) => interns.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (i) => i.siteCode },
      { header: { en: 'Name', 'zh-TW': '姓名' }, value: (i) => i.fullName, width: 24 },
      { header: { en: 'School', 'zh-TW': '學校' }, value: (i) => i.partnerName, width: 32 },
      {
        header: { en: 'Program', 'zh-TW': '計畫' },
        value: (i) => academiaWord('academia.internProgram', i.program),
      },
      {
        header: { en: 'Institute', 'zh-TW': '研究所' },
        value: (i) => (i.institute ? academiaWord('academia.collegeInstitute', i.institute) : null),
        width: 32,
      },
      { header: { en: 'Sponsored', 'zh-TW': '公司資助' }, value: (i) => yesNo(i.sponsored) },
      { header: { en: 'Study started', 'zh-TW': '修業開始' }, value: (i) => i.studyStartedOn },
      { header: { en: 'Study ended', 'zh-TW': '修業結束' }, value: (i) => i.studyEndedOn },
      { header: { en: 'Started', 'zh-TW': '開始' }, value: (i) => i.startedOn },
      { header: { en: 'Ended', 'zh-TW': '結束' }, value: (i) => i.endedOn },
      { header: { en: 'Hours', 'zh-TW': '時數' }, value: (i) => i.hours },
      {
        header: { en: 'Outcome', 'zh-TW': '結果' },
        value: (i) => academiaWord('academia.internOutcome', i.outcome),
      },
      { header: { en: 'Hired on', 'zh-TW': '錄用日' }, value: (i) => i.hiredOn },
      { header: { en: 'Anonymised on', 'zh-TW': '去識別化日' }, value: (i) => i.anonymisedOn },
    ],
  });
  app.get(
    '/api/academia/interns/cohorts',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary:
          'A year’s study-then-internship cohorts: students by program and institute, and those sponsored',
        querystring: c.cohortQuery,
        response: { 200: c.cohortFigures },
      },
    },
    async (request) => interns.cohorts(actorOf(request), request.query.year),
  );
  app.get(
    '/api/academia/interns/:id',
    {
      config: { access: 'academia.read' },
      schema: { tags, summary: 'One intern', params: idParams, response: { 200: c.internView } },
    },
    async (request) => interns.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/academia/interns',
    {
      config: { access: 'academia.manage' },
      schema: { tags, summary: 'Record an intern', body: c.internInput, response: { 201: c.internView } },
    },
    async (request, reply) => reply.status(201).send(await interns.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/academia/interns/:id',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Change an intern, record the outcome, or link the employee record the intern became',
        params: idParams,
        body: c.internPatch,
        response: { 200: c.internView },
      },
    },
    async (request) => interns.update(actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/academia/interns/:id/evaluations',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: "The internship's evaluations by the mentor and by the student",
        params: idParams,
        response: { 200: internEvaluationList },
      },
    },
    async (request) => academia.internEvaluations.list(actorOf(request), request.params.id),
  );
  app.post(
    '/api/academia/interns/:id/evaluations',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Record an evaluation of the internship, by the mentor or by the student',
        params: idParams,
        body: internEvaluationInput,
        response: { 201: internEvaluationView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await academia.internEvaluations.add(actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/academia/scholarships',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'Scholarship awards',
        querystring: c.scholarshipListQuery,
        response: { 200: c.scholarshipPage },
      },
    },
    async (request) => interns.listScholarships(actorOf(request), request.query),
  );
  app.post(
    '/api/academia/scholarships',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Award a scholarship',
        body: c.scholarshipInput,
        response: { 201: c.scholarshipView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await interns.createScholarship(actorOf(request), request.body)),
  );
  registerListExport(app, {
    url: '/api/academia/scholarships',
    access: 'academia.read',
    tags,
    name: 'academia-scholarships',
    querystring: c.scholarshipListQuery,
    list: (actor, q) => interns.listScholarships(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (s) => s.siteCode },
      { header: { en: 'Recipient', 'zh-TW': '受獎人' }, value: (s) => s.recipientName, width: 24 },
      { header: { en: 'School', 'zh-TW': '學校' }, value: (s) => s.partnerName, width: 32 },
      { header: { en: 'Scholarship', 'zh-TW': '獎學金' }, value: (s) => s.program, width: 32 },
      { header: { en: 'Awarded on', 'zh-TW': '頒發日' }, value: (s) => s.awardedOn },
      { header: { en: 'Amount', 'zh-TW': '金額' }, value: (s) => s.amountMinor / 100 },
      { header: { en: 'Currency', 'zh-TW': '幣別' }, value: (s) => s.currency },
      { header: { en: 'Condition', 'zh-TW': '條件' }, value: (s) => s.condition, width: 32 },
      { header: { en: 'Anonymised on', 'zh-TW': '去識別化日' }, value: (s) => s.anonymisedOn },
    ],
  });
  app.get(
    '/api/academia/scholarships/:id',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'One scholarship award',
        params: idParams,
        response: { 200: c.scholarshipView },
      },
    },
    async (request) => interns.scholarshipById(actorOf(request), request.params.id),
  );
  app.patch(
    '/api/academia/scholarships/:id',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Correct a scholarship award (a name the retention schedule erased stays erased)',
        params: idParams,
        body: c.scholarshipPatch,
        response: { 200: c.scholarshipView },
      },
    },
    async (request) => interns.updateScholarship(actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/academia/retention-settings',
    {
      config: { access: 'academia.read', setting: 'academia.retention' },
      schema: {
        tags,
        summary: "How many years after a student's last period the name and contact details are erased",
        response: { 200: internRetentionView },
      },
    },
    async (request) => academia.retentionSettings.get(actorOf(request)),
  );
  app.put(
    '/api/academia/retention-settings',
    {
      config: { access: 'academia.manage', setting: 'academia.retention' },
      schema: {
        tags,
        summary: "Change the retention of students' personal data (group-wide program owner)",
        body: internRetentionSettings,
        response: { 200: internRetentionView },
      },
    },
    async (request) => academia.retentionSettings.set(actorOf(request), request.body),
  );
}
