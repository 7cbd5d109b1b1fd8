import { z } from 'zod';
import * as c from '#shared/modules/academia/placement-contract.ts';
import { deleteQuery, teachingFiguresQuery } from '#shared/modules/academia/teaching-contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../platform/http/typed.ts';
import type { AcademiaModule } from './module.ts';

const tags = ['academia'];

/** Routes of internship cooperation placements and the year's figures of them. */
export function registerAcademiaPlacementRoutes(app: TypedApp, academia: AcademiaModule) {
  const { placements } = academia;
  app.get(
    '/api/academia/placements',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'Internship cooperation placements',
        querystring: c.placementListQuery,
        response: { 200: c.placementPage },
      },
    },
    async (request) => placements.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/academia/placements',
    access: 'academia.read',
    tags,
    name: 'academia-placements',
    querystring: c.placementListQuery,
    list: (actor, q) => placements.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (x) => x.siteCode },
      { header: { en: 'School', 'zh-TW': '學校' }, value: (x) => x.partnerName, width: 32 },
      { header: { en: 'Term or class', 'zh-TW': '學期或班別' }, value: (x) => x.term, width: 32 },
      { header: { en: 'Starts', 'zh-TW': '開始' }, value: (x) => x.startsOn },
      { header: { en: 'Ends', 'zh-TW': '結束' }, value: (x) => x.endsOn },
      { header: { en: 'Students', 'zh-TW': '學生數' }, value: (x) => x.students },
      { header: { en: 'Participation hours', 'zh-TW': '參與時數' }, value: (x) => x.participationHours },
    ],
  });
  app.get(
    '/api/academia/placements/figures',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'A year’s internship cooperation: placements, students and hours',
        querystring: teachingFiguresQuery,
        response: { 200: c.internshipCooperation },
      },
    },
    async (request) => placements.year(actorOf(request), request.query.year),
  );
  app.get(
    '/api/academia/placements/:id',
    {
      config: { access: 'academia.read' },
      schema: { tags, summary: 'One placement', params: idParams, response: { 200: c.placementView } },
    },
    async (request) => placements.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/academia/placements',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Record a placement of students under internship cooperation',
        body: c.placementInput,
        response: { 201: c.placementView },
      },
    },
    async (request, reply) => reply.status(201).send(await placements.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/academia/placements/:id',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Change a placement',
        params: idParams,
        body: c.placementPatch,
        response: { 200: c.placementView },
      },
    },
    async (request) => placements.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/academia/placements/:id',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Remove a placement recorded in error',
        params: idParams,
        querystring: deleteQuery,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await placements.remove(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
}
