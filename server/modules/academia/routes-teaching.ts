import { z } from 'zod';
import * as c from '#shared/modules/academia/teaching-contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../platform/http/typed.ts';
import { academiaWord } from './messages.ts';
import type { AcademiaModule } from './module.ts';

const tags = ['academia'];

/** Routes of the program's teaching: courses, mentorship programs and their activities, the year's figures. */
export function registerAcademiaTeachingRoutes(app: TypedApp, academia: AcademiaModule) {
  const { courses, mentorships, teachingFigures } = academia;

  app.get(
    '/api/academia/courses',
    {
      config: { access: 'academia.read' },
      schema: { tags, summary: 'Courses', querystring: c.courseListQuery, response: { 200: c.coursePage } },
    },
    async (request) => courses.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/academia/courses',
    access: 'academia.read',
    tags,
    name: 'academia-courses',
    querystring: c.courseListQuery,
    list: (actor, q) => courses.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (x) => x.siteCode },
      { header: { en: 'Course', 'zh-TW': '課程' }, value: (x) => x.title, width: 36 },
      { header: { en: 'School', 'zh-TW': '學校' }, value: (x) => x.partnerName, width: 32 },
      {
        header: { en: 'Program', 'zh-TW': '計畫' },
        value: (x) => academiaWord('academia.courseProgram', x.program),
      },
      {
        header: { en: 'Subject', 'zh-TW': '領域' },
        value: (x) => academiaWord('academia.courseSubject', x.subject),
      },
      {
        header: { en: 'Lecturers', 'zh-TW': '講師' },
        value: (x) => x.lecturers.map((l) => l.fullName).join(', '),
        width: 28,
      },
      { header: { en: 'Starts', 'zh-TW': '開始' }, value: (x) => x.startsOn },
      { header: { en: 'Ends', 'zh-TW': '結束' }, value: (x) => x.endsOn },
      { header: { en: 'Hours', 'zh-TW': '時數' }, value: (x) => x.hours },
      { header: { en: 'Students', 'zh-TW': '學生數' }, value: (x) => x.students },
      { header: { en: 'Participation hours', 'zh-TW': '參與時數' }, value: (x) => x.participationHours },
      { header: { en: 'Feedback score', 'zh-TW': '回饋評分' }, value: (x) => x.feedbackScore },
    ],
  });
  app.get(
    '/api/academia/courses/figures',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'A year’s courses and mentorships as the report counts them',
        querystring: c.teachingFiguresQuery,
        response: { 200: c.teachingFigures },
      },
    },
    async (request) => teachingFigures.year(actorOf(request), request.query.year),
  );
  app.get(
    '/api/academia/courses/:id',
    {
      config: { access: 'academia.read' },
      schema: { tags, summary: 'One course', params: idParams, response: { 200: c.courseView } },
    },
    async (request) => courses.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/academia/courses',
    {
      config: { access: 'academia.manage' },
      schema: { tags, summary: 'Record a course', body: c.courseInput, response: { 201: c.courseView } },
    },
    async (request, reply) => reply.status(201).send(await courses.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/academia/courses/:id',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Change a course, or record its students’ feedback',
        params: idParams,
        body: c.coursePatch,
        response: { 200: c.courseView },
      },
    },
    async (request) => courses.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/academia/courses/:id',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Remove a course recorded in error',
        params: idParams,
        querystring: c.deleteQuery,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await courses.remove(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/academia/mentorships',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'Mentorship programs',
        querystring: c.mentorshipListQuery,
        response: { 200: c.mentorshipPage },
      },
    },
    async (request) => mentorships.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/academia/mentorships',
    access: 'academia.read',
    tags,
    name: 'academia-mentorships',
    querystring: c.mentorshipListQuery,
    list: (actor, q) => mentorships.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (x) => x.siteCode },
      { header: { en: 'Program', 'zh-TW': '計畫' }, value: (x) => x.title, width: 36 },
      { header: { en: 'School', 'zh-TW': '學校' }, value: (x) => x.partnerName, width: 32 },
      {
        header: { en: 'Mentors', 'zh-TW': '業師' },
        value: (x) => x.mentors.map((m) => m.fullName).join(', '),
        width: 28,
      },
      { header: { en: 'Starts', 'zh-TW': '開始' }, value: (x) => x.startsOn },
      { header: { en: 'Ends', 'zh-TW': '結束' }, value: (x) => x.endsOn },
      { header: { en: 'Students', 'zh-TW': '學生數' }, value: (x) => x.students },
      { header: { en: 'Activities', 'zh-TW': '活動數' }, value: (x) => x.activities },
      { header: { en: 'Participation hours', 'zh-TW': '參與時數' }, value: (x) => x.participationHours },
    ],
  });
  app.get(
    '/api/academia/mentorships/:id',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'One mentorship program with its activities',
        params: idParams,
        response: { 200: c.mentorshipDetail },
      },
    },
    async (request) => mentorships.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/academia/mentorships',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Record a mentorship program',
        body: c.mentorshipInput,
        response: { 201: c.mentorshipDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await mentorships.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/academia/mentorships/:id',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Change a mentorship program',
        params: idParams,
        body: c.mentorshipPatch,
        response: { 200: c.mentorshipDetail },
      },
    },
    async (request) => mentorships.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/academia/mentorships/:id',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Remove a mentorship program recorded in error, with its activities',
        params: idParams,
        querystring: c.deleteQuery,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await mentorships.remove(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/academia/mentorships/:id/activities',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Record an activity of a mentorship program',
        params: idParams,
        body: c.activityInput,
        response: { 201: c.activityView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await mentorships.addActivity(actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/academia/mentorship-activities/:id',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Change a mentorship activity',
        params: idParams,
        body: c.activityPatch,
        response: { 200: c.activityView },
      },
    },
    async (request) => mentorships.updateActivity(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/academia/mentorship-activities/:id',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Remove a mentorship activity recorded in error',
        params: idParams,
        querystring: c.deleteQuery,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await mentorships.removeActivity(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
}
