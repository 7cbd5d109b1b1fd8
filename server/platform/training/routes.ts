import { z } from 'zod';
import { idParams } from '#shared/platform/http/list.ts';
import {
  campaignProgress,
  completionInput,
  completionListQuery,
  completionPage,
  courseInput,
  courseListQuery,
  coursePage,
  coursePatch,
  courseView,
  trainingDueView,
  yearlyFigures,
  yearlyFiguresQuery,
} from '#shared/platform/training/contract.ts';
import { registerListExport } from '../exports/list-export.ts';
import { AnswerCache } from '../http/answer-cache.ts';
import { actorOf, type TypedApp } from '../http/typed.ts';
import { platformWord } from '../i18n/index.ts';
import type { PlatformServices as Services } from '../modules/platform-services.ts';

const tags = ['training'];

export function registerTrainingRoutes(app: TypedApp, { training, people }: Services) {
  // A campaign's progress is read by every site's officer and changes with each completion: answers are kept
  // under the version of their data (the service's key).
  const campaignAnswers = new AnswerCache(campaignProgress, { maxBytes: 2 * 1024 * 1024 });
  app.get(
    '/api/training/mine',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Your own training: the courses that concern you and when each is due',
        response: { 200: trainingDueView },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return training.myTraining(actor, await people.personOf(actor));
    },
  );
  app.get(
    '/api/training/employees/:id',
    {
      config: { access: 'training.read' },
      schema: {
        tags,
        summary: "An employee's training: the courses that concern them and when each is due",
        params: idParams,
        response: { 200: trainingDueView },
      },
    },
    async (request) => training.employeeTraining(actorOf(request), request.params.id),
  );
  app.get(
    '/api/training/courses',
    {
      config: { access: 'training.read' },
      schema: {
        tags,
        summary: 'Courses (group-wide and of your sites)',
        querystring: courseListQuery,
        response: { 200: coursePage },
      },
    },
    async (request) => training.listCourses(actorOf(request), request.query),
  );
  app.get(
    '/api/training/courses/:id',
    {
      config: { access: 'training.read' },
      schema: { tags, summary: 'One course', params: idParams, response: { 200: courseView } },
    },
    async (request) => training.getCourse(actorOf(request), request.params.id),
  );
  app.post(
    '/api/training/courses',
    {
      config: { access: 'training.manage' },
      schema: { tags, summary: 'Add a course', body: courseInput, response: { 201: courseView } },
    },
    async (request, reply) =>
      reply.status(201).send(await training.createCourse(actorOf(request), request.body)),
  );
  app.patch(
    '/api/training/courses/:id',
    {
      config: { access: 'training.manage' },
      schema: {
        tags,
        summary: 'Change a course',
        params: idParams,
        body: coursePatch,
        response: { 200: courseView },
      },
    },
    async (request) => training.updateCourse(actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/training/courses/:id/campaign',
    {
      config: { access: 'training.read' },
      schema: {
        tags,
        summary: 'Who of the people a course concerns holds a current completion, per site',
        params: idParams,
        response: { 200: campaignProgress },
      },
    },
    async (request, reply) => {
      const { key, compute } = await training.campaignAnswer(actorOf(request), request.params.id);
      return campaignAnswers.send(reply, key, compute);
    },
  );
  app.get(
    '/api/training/completions',
    {
      config: { access: 'training.read' },
      schema: {
        tags,
        summary: 'Training completions at the sites in your scope',
        querystring: completionListQuery,
        response: { 200: completionPage },
      },
    },
    async (request) => training.listCompletions(actorOf(request), request.query),
  );
  app.post(
    '/api/training/completions',
    {
      config: { access: 'training.manage' },
      schema: {
        tags,
        summary: 'Record one completion (files go through /api/imports)',
        body: completionInput,
        response: { 201: z.object({ id: z.number().int() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await training.recordCompletion(actorOf(request), request.body)),
  );
  app.get(
    '/api/training/figures',
    {
      config: { access: 'training.read' },
      schema: {
        tags,
        summary: 'A year of training per domain: individuals trained, hours, completions',
        querystring: yearlyFiguresQuery,
        response: { 200: yearlyFigures },
      },
    },
    async (request) => training.yearlyFigures(actorOf(request), request.query.year, request.query.siteId),
  );
  registerListExport(app, {
    url: '/api/training/completions',
    access: 'training.read',
    tags,
    name: 'training-completions',
    querystring: completionListQuery,
    list: (actor, q) => training.listCompletions(actor, q),
    columns: [
      { header: { en: 'person_no', 'zh-TW': '工號' }, value: (c) => c.personNo },
      { header: { en: 'name', 'zh-TW': '姓名' }, value: (c) => c.personName, width: 24 },
      { header: { en: 'site_code', 'zh-TW': '廠區' }, value: (c) => c.siteCode },
      { header: { en: 'course_code', 'zh-TW': '課程代碼' }, value: (c) => c.courseCode },
      { header: { en: 'completed_on', 'zh-TW': '完成日期' }, value: (c) => c.completedOn },
      { header: { en: 'hours', 'zh-TW': '時數' }, value: (c) => Number(c.hours), numberFormat: '0.00' },
      {
        header: { en: 'result', 'zh-TW': '結果' },
        value: (c) => platformWord('platform.trainingResult', c.result),
      },
    ],
  });
}
