import { z } from 'zod';
import * as c from '#shared/modules/infosec/suppliers/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import type { SupplierAssessmentsService } from './assessments.ts';
import { supplierWord } from './messages.ts';

const tags = ['infosec'];

/**
 * Supplier cybersecurity assessments. Reading one and answering it are open to every signed-in user: the
 * supplier's people (outside the company) are granted their own assessments one by one; the service answers
 * 404 to everyone else.
 */
export function registerSupplierAssessmentRoutes(app: TypedApp, assessments: SupplierAssessmentsService) {
  app.get(
    '/api/infosec/supplier-assessments',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Supplier assessments of the sites in your scope, or those granted to you (mine=true)',
        querystring: c.assessmentListQuery,
        response: { 200: c.assessmentPage },
      },
    },
    async (request) => assessments.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/infosec/supplier-assessments',
    access: 'infosec.read',
    tags,
    name: 'supplier-assessments',
    querystring: c.assessmentListQuery,
    list: (actor, q) => assessments.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (a) => a.siteCode },
      { header: { en: 'Supplier', 'zh-TW': '供應商' }, value: (a) => a.supplierName, width: 30 },
      { header: { en: 'Country', 'zh-TW': '國家' }, value: (a) => a.supplierCountry },
      {
        header: { en: 'Kind', 'zh-TW': '類型' },
        value: (a) => supplierWord('infosec.supplierKind', a.kind),
      },
      {
        header: { en: 'Step', 'zh-TW': '步驟' },
        value: (a) => supplierWord('infosec.supplierStep', a.status),
      },
      { header: { en: 'Started on', 'zh-TW': '開始日期' }, value: (a) => a.startedOn, width: 12 },
      { header: { en: 'Guidance on', 'zh-TW': '輔導日期' }, value: (a) => a.guidanceOn, width: 12 },
      { header: { en: 'Confirmed on', 'zh-TW': '確認日期' }, value: (a) => a.confirmedOn, width: 12 },
      { header: { en: 'Score', 'zh-TW': '分數' }, value: (a) => a.score, numberFormat: '0.0' },
      {
        header: { en: 'Improvements', 'zh-TW': '改善項目數' },
        value: (a) => a.improvements.length,
        numberFormat: '0',
      },
      { header: { en: 'Follow-up due', 'zh-TW': '追蹤評核到期' }, value: (a) => a.followUpDueOn, width: 12 },
    ],
  });
  app.get(
    '/api/infosec/supplier-assessments/figures',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary:
          'A year’s supplier cybersecurity assessments as the report counts them (confirmed in the year)',
        querystring: c.assessmentFiguresQuery,
        response: { 200: c.assessmentFigures },
      },
    },
    async (request) => assessments.figures(actorOf(request), request.query),
  );
  app.get(
    '/api/infosec/supplier-assessments/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'One supplier assessment with its questions, answers, score and improvements',
        params: idParams,
        response: { 200: c.assessmentView },
      },
    },
    async (request) => assessments.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/infosec/supplier-assessments',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Start a supplier assessment (or the follow-up evaluation of a confirmed one)',
        body: c.assessmentInput,
        response: { 201: c.assessmentView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await assessments.create(actorOf(request), request.body)),
  );
  app.put(
    '/api/infosec/supplier-assessments/:id/answers',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Answer questions of the current situation (the supplier, or the site’s team)',
        params: idParams,
        body: c.answersInput,
        response: { 200: c.assessmentView },
      },
    },
    async (request) => assessments.answer(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/infosec/supplier-assessments/:id/guidance',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Close the current situation and give guidance; each improvement becomes an action',
        params: idParams,
        body: c.guidanceInput,
        response: { 200: c.assessmentView },
      },
    },
    async (request) => assessments.guide(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/infosec/supplier-assessments/:id/confirmation',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Confirm the results; the follow-up evaluation falls due in three years',
        params: idParams,
        body: c.confirmInput,
        response: { 200: c.assessmentView },
      },
    },
    async (request) => assessments.confirm(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/infosec/supplier-assessments/:id/respondents',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Grant the assessment to a contact’s sign-in, to answer it',
        params: idParams,
        body: c.respondentInput,
        response: { 200: c.assessmentView },
      },
    },
    async (request) => assessments.addRespondent(actorOf(request), request.params.id, request.body.contactId),
  );
  app.delete(
    '/api/infosec/supplier-assessments/:id/respondents/:userId',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Take the assessment back from a respondent',
        params: idParams.extend({ userId: z.string().uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await assessments.removeRespondent(actorOf(request), request.params.id, request.params.userId);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/api/infosec/supplier-assessments/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Remove an assessment recorded in error (not one followed up or with actions)',
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await assessments.remove(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
}
