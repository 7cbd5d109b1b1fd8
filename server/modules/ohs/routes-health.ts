import { z } from 'zod';
import { idParams } from '../../platform/http/list.ts';
import { actorOf, type TypedApp } from '../../platform/http/typed.ts';
import { sendReport } from '../../platform/reports/routes.ts';
import { CONTENT_TYPES } from '../../platform/reports/service.ts';
import * as c from './contract-health.ts';
import type { OhsModule } from './module.ts';

const tags = ['ohs'];

/** Routes of health management, wellbeing and goals. */
export function registerOhsHealthRoutes(app: TypedApp, ohs: OhsModule) {
  const { health, wellbeing, goals } = ohs;

  app.get(
    '/api/ohs/health/screenings',
    {
      config: { access: 'health.individual' },
      schema: {
        tags,
        summary: 'Individual health screenings (medical staff only; every read is logged)',
        querystring: c.screeningListQuery,
        response: { 200: c.screeningPage },
      },
    },
    async (request) => health.list(actorOf(request), request.query),
  );
  app.get(
    '/api/ohs/health/screenings/:id',
    {
      config: { access: 'health.individual' },
      schema: {
        tags,
        summary: 'One screening with its follow-ups (medical staff only; the read is logged)',
        params: idParams,
        response: { 200: c.screeningView },
      },
    },
    async (request) => health.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ohs/health/screenings',
    {
      config: { access: 'health.individual' },
      schema: {
        tags,
        summary: 'Record a screening; an abnormal one opens a follow-up consultation',
        body: c.screeningInput,
        response: { 201: c.screeningView },
      },
    },
    async (request, reply) => reply.status(201).send(await health.create(actorOf(request), request.body)),
  );
  app.post(
    '/api/ohs/health/followups/:id',
    {
      config: { access: 'health.individual' },
      schema: {
        tags,
        summary: 'Record the follow-up consultation',
        params: idParams,
        body: c.followupInput,
        response: { 200: c.screeningView },
      },
    },
    async (request) => health.recordFollowup(actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/ohs/health/summary',
    {
      config: { access: 'health.read' },
      schema: {
        tags,
        summary: 'Screening counts and costs (counts under 5 shown as "<5")',
        querystring: z.object({
          year: z.coerce.number().int().min(1990).max(2100),
          siteId: z.string().uuid().optional(),
        }),
        response: { 200: c.healthSummary },
      },
    },
    async (request) => health.summary(actorOf(request), request.query.year, request.query.siteId),
  );

  app.get(
    '/api/ohs/wellbeing/programs',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'Wellbeing programs with participation',
        response: { 200: z.object({ items: z.array(c.wellbeingProgramView) }) },
      },
    },
    async (request) => ({ items: await wellbeing.list(actorOf(request)) }),
  );
  app.post(
    '/api/ohs/wellbeing/programs',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Add a wellbeing program (clinic, counselling, gym, club, group course)',
        body: c.wellbeingProgramInput,
        response: { 201: c.wellbeingProgramView },
      },
    },
    async (request, reply) => reply.status(201).send(await wellbeing.create(actorOf(request), request.body)),
  );
  app.post(
    '/api/ohs/wellbeing/programs/:id/participation',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Record participation in a program',
        params: idParams,
        body: c.participationInput,
        response: { 201: z.object({ recorded: z.number().int() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await wellbeing.participate(actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/ohs/wellbeing/summary',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'Programs and participation per kind in a year',
        querystring: z.object({ year: z.coerce.number().int().min(1990).max(2100) }),
        response: { 200: c.wellbeingSummary },
      },
    },
    async (request) => wellbeing.summary(actorOf(request), request.query.year),
  );

  app.get(
    '/api/ohs/goals',
    {
      config: { access: 'ohs.read' },
      schema: {
        tags,
        summary: 'Goals with their actual figures',
        response: { 200: z.object({ items: z.array(c.goalView) }) },
      },
    },
    async (request) => ({ items: await goals.list(actorOf(request)) }),
  );
  app.post(
    '/api/ohs/goals',
    {
      config: { access: 'ohs.manage' },
      schema: { tags, summary: 'Set a goal', body: c.goalInput, response: { 201: c.goalView } },
    },
    async (request, reply) => reply.status(201).send(await goals.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/ohs/goals/:id',
    {
      config: { access: 'ohs.manage' },
      schema: {
        tags,
        summary: 'Change a goal',
        params: idParams,
        body: c.goalPatch,
        response: { 200: c.goalView },
      },
    },
    async (request) => goals.update(actorOf(request), request.params.id, request.body),
  );
}

/** The year's OHS report to the Board, as PDF or XLSX. */
export function registerOhsReportRoutes(app: TypedApp, ohs: OhsModule) {
  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/api/ohs/reports/board.${format}`,
      {
        config: { access: 'ohs.read' },
        schema: {
          tags,
          summary: `The year's OHS report to the Board as ${format.toUpperCase()}`,
          querystring: z
            .object({
              year: z.coerce.number().int().min(1990).max(2100),
              locale: z.enum(['en', 'zh-TW']).optional(),
            })
            .strict(),
          produces: [CONTENT_TYPES[format]],
        },
      },
      async (request, reply) =>
        sendReport(
          reply,
          await ohs.reports.board(
            actorOf(request),
            request.query.year,
            format,
            request.query.locale ?? actorOf(request).locale,
          ),
        ),
    );
  }
}
