import { z } from 'zod';
import * as c from '#shared/modules/infosec/csf/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { userDirectory, userDirectoryQuery } from '#shared/platform/users/contract.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { sendReport } from '../../../platform/reports/routes.ts';
import { CONTENT_TYPES } from '../../../platform/reports/service.ts';
import type { CsfRollups } from './rollups.ts';
import type { CsfService } from './service.ts';

const tags = ['infosec'];

/**
 * The NIST CSF assessment's routes. Assessments are read by `infosec.read` at their site and by their
 * assessor, who may be a person outside the company granted the record alone: those routes are open to
 * every signed-in user and the service decides (404 to anyone else).
 */
export function registerCsfRoutes(app: TypedApp, csf: CsfService & CsfRollups) {
  app.get(
    '/api/infosec/csf/catalogues/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'A NIST CSF catalogue version: functions, categories and subcategories in your language',
        params: idParams,
        response: { 200: c.catalogueView },
      },
    },
    async (request) => csf.catalogue(actorOf(request), request.params.id),
  );
  app.get(
    '/api/infosec/csf/campaigns',
    {
      config: { access: 'infosec.read' },
      schema: { tags, summary: 'Yearly assessment campaigns', response: { 200: c.campaignList } },
    },
    async (request) => csf.campaigns(actorOf(request)),
  );
  app.post(
    '/api/infosec/csf/campaigns',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: "Open a year's campaign: the sites and domains (IT, OT) to assess",
        body: c.campaignInput,
        response: { 201: z.object({ id: z.string().uuid() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ id: await csf.createCampaign(actorOf(request), request.body) }),
  );
  app.post(
    '/api/infosec/csf/campaigns/:id/scope',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Add sites or domains to a campaign (group-wide security managers)',
        params: idParams,
        body: c.campaignScopeInput,
        response: { 200: z.object({ id: z.string().uuid(), added: z.number().int() }) },
      },
    },
    async (request) => csf.extendCampaign(actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/infosec/csf/assessments',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Assessments of the sites in your scope, and those you assess',
        querystring: c.assessmentListQuery,
        response: { 200: c.assessmentPage },
      },
    },
    async (request) => csf.list(actorOf(request), request.query),
  );
  app.get(
    '/api/infosec/csf/assessments/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'One assessment with its answers, scores and the steps open to you',
        params: idParams,
        response: { 200: c.assessmentView },
      },
    },
    async (request) => csf.get(actorOf(request), request.params.id),
  );
  app.patch(
    '/api/infosec/csf/assessments/:id/assessor',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Name the assessor (staff, or a consultant outside the company)',
        params: idParams,
        body: c.assessorInput,
        response: { 200: c.assessmentView },
      },
    },
    async (request) => csf.setAssessor(actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/infosec/csf/assessments/:id/outside-assessors',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Find consultants outside the company to name as the assessor, by name or email',
        params: idParams,
        querystring: userDirectoryQuery,
        response: { 200: userDirectory },
      },
    },
    async (request) => csf.outsideAssessors(actorOf(request), request.params.id, request.query),
  );
  app.put(
    '/api/infosec/csf/assessments/:id/answers',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: "Save the assessor's answers (levels, not applicable, targets, notes) of a draft",
        params: idParams,
        body: c.answersInput,
        response: { 200: c.assessmentView },
      },
    },
    async (request) => csf.saveAnswers(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/infosec/csf/assessments/:id/steps',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Submit, return, review, sign off or approve an assessment',
        params: idParams,
        body: c.stepInput,
        response: { 200: c.assessmentView },
      },
    },
    async (request) => csf.step(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/infosec/csf/assessments/:id/corrections',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Correct an approved assessment: a new revision with its reason',
        params: idParams,
        body: c.correctionInput,
        response: { 201: c.assessmentView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await csf.correct(actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/infosec/csf/assessments/:id/oscal.json',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'The assessment as OSCAL 1.0.4 assessment results (JSON)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const { fileName, document } = await csf.oscal(actorOf(request), request.params.id);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(JSON.stringify(document, null, 2));
    },
  );
  const localeQuery = z.object({ locale: z.enum(['en', 'zh-TW']).optional() }).strict();
  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/api/infosec/csf/assessments/:id/report.${format}`,
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: `One site's assessment as ${format.toUpperCase()}`,
          params: idParams,
          querystring: localeQuery,
          produces: [CONTENT_TYPES[format]],
        },
      },
      async (request, reply) =>
        sendReport(
          reply,
          await csf.siteReport(
            actorOf(request),
            request.params.id,
            format,
            request.query.locale ?? actorOf(request).locale,
          ),
        ),
    );
    app.get(
      `/api/infosec/csf/reports/board.${format}`,
      {
        config: { access: 'infosec.read' },
        schema: {
          tags,
          summary: `The year's cybersecurity maturity report to the Board as ${format.toUpperCase()}`,
          querystring: localeQuery.extend({ year: z.coerce.number().int().min(2000).max(2200) }),
          produces: [CONTENT_TYPES[format]],
        },
      },
      async (request, reply) =>
        sendReport(
          reply,
          await csf.boardReport(
            actorOf(request),
            request.query.year,
            format,
            request.query.locale ?? actorOf(request).locale,
          ),
        ),
    );
  }
  app.get(
    '/api/infosec/csf/heatmap',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'Maturity of each site by function for a year, with subsidiary and group means',
        querystring: c.heatMapQuery,
        response: { 200: c.heatMapView },
      },
    },
    async (request) => csf.heatMap(actorOf(request), request.query),
  );
  app.get(
    '/api/infosec/csf/trend',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'Maturity year over year, for the group or one site, with the industry benchmark',
        querystring: c.trendQuery,
        response: { 200: c.trendView },
      },
    },
    async (request) => csf.trend(actorOf(request), request.query),
  );
  app.get(
    '/api/infosec/csf/gaps',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'The largest gaps to target across the group',
        querystring: c.gapsQuery,
        response: { 200: c.gapsView },
      },
    },
    async (request) => csf.gaps(actorOf(request), request.query),
  );
  app.get(
    '/api/infosec/csf/scale',
    {
      config: { access: 'infosec.read', setting: 'infosec.csf_scale' },
      schema: {
        tags,
        summary: "The maturity levels' names and the function weights of the roll-up",
        response: { 200: c.scaleInput },
      },
    },
    async (request) => csf.scale(actorOf(request)),
  );
  app.put(
    '/api/infosec/csf/scale',
    {
      config: { access: 'infosec.manage', setting: 'infosec.csf_scale' },
      schema: {
        tags,
        summary: 'Rename the maturity levels or reweigh the functions (group-wide security managers)',
        body: c.scaleInput,
        response: { 200: c.scaleInput },
      },
    },
    async (request) => csf.setScale(actorOf(request), request.body),
  );
  app.put(
    '/api/infosec/csf/benchmarks',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: "The industry benchmark per function for a year (the program owner's entry)",
        body: c.benchmarkInput,
        response: { 200: z.object({ year: z.number().int(), scores: z.record(z.string(), z.number()) }) },
      },
    },
    async (request) => csf.setBenchmark(actorOf(request), request.body),
  );
}
