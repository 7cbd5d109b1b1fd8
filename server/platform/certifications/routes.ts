import { z } from 'zod';
import {
  certificationInput,
  certificationListQuery,
  certificationMatrix,
  certificationPage,
  certificationPatch,
  certificationView,
} from '#shared/platform/certifications/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { access } from '../access/service.ts';
import { registerListExport } from '../exports/list-export.ts';
import { actorOf, type TypedApp } from '../http/typed.ts';
import { platformWord } from '../i18n/index.ts';
import type { PlatformServices as Services } from '../modules/platform-services.ts';

const tags = ['certifications'];

export function registerCertificationRoutes(app: TypedApp, { certifications }: Services) {
  app.get(
    '/api/certifications',
    {
      config: { access: 'certifications.read' },
      schema: {
        tags,
        summary: 'Certificates in your scope (current ones unless includeSuperseded=true)',
        querystring: certificationListQuery,
        response: { 200: certificationPage },
      },
    },
    async (request) => certifications.list(actorOf(request), request.query),
  );
  app.get(
    '/api/certifications/standards',
    {
      config: { access: 'certifications.read' },
      schema: {
        tags,
        summary: 'The standards Steward knows (others may be typed in)',
        response: { 200: z.object({ items: z.array(z.string()) }) },
      },
    },
    async (request) => {
      access.listScope(actorOf(request), 'certifications.read');
      return { items: certifications.standards() };
    },
  );
  app.get(
    '/api/certifications/matrix',
    {
      config: { access: 'certifications.read' },
      schema: {
        tags,
        summary: 'Sites × standards with the status of each current certificate',
        response: { 200: certificationMatrix },
      },
    },
    async (request) => certifications.matrix(actorOf(request)),
  );
  app.get(
    '/api/certifications/:id',
    {
      config: { access: 'certifications.read' },
      schema: { tags, summary: 'One certificate', params: idParams, response: { 200: certificationView } },
    },
    async (request) => certifications.get(actorOf(request), request.params.id),
  );
  app.get(
    '/api/certifications/:id/history',
    {
      config: { access: 'certifications.read' },
      schema: {
        tags,
        summary: 'Every certificate of the same standard and holder, newest first',
        params: idParams,
        response: { 200: z.object({ items: z.array(certificationView) }) },
      },
    },
    async (request) => ({ items: await certifications.history(actorOf(request), request.params.id) }),
  );
  app.post(
    '/api/certifications',
    {
      config: { access: 'certifications.manage' },
      schema: {
        tags,
        summary: 'Register a certificate (with previousId: a renewal)',
        body: certificationInput,
        response: { 201: certificationView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await certifications.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/certifications/:id',
    {
      config: { access: 'certifications.manage' },
      schema: {
        tags,
        summary: 'Change a certificate',
        params: idParams,
        body: certificationPatch,
        response: { 200: certificationView },
      },
    },
    async (request) => certifications.update(actorOf(request), request.params.id, request.body),
  );
  registerListExport(app, {
    url: '/api/certifications',
    access: 'certifications.read',
    tags,
    name: 'certifications',
    querystring: certificationListQuery,
    list: (actor, q) => certifications.list(actor, q),
    columns: [
      { header: { en: 'Standard', 'zh-TW': '標準' }, value: (c) => c.standard, width: 16 },
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (c) => c.siteCode ?? c.subsidiaryCode },
      { header: { en: 'Site name', 'zh-TW': '廠區名稱' }, value: (c) => c.siteName, width: 24 },
      { header: { en: 'Certificate no.', 'zh-TW': '證書編號' }, value: (c) => c.certificateNo, width: 18 },
      { header: { en: 'Issuer', 'zh-TW': '發證單位' }, value: (c) => c.issuer },
      { header: { en: 'Issued on', 'zh-TW': '發證日' }, value: (c) => c.issuedOn },
      { header: { en: 'Valid until', 'zh-TW': '有效期限' }, value: (c) => c.validUntil },
      {
        header: { en: 'Status', 'zh-TW': '狀態' },
        value: (c) => platformWord('platform.certificationStatus', c.status),
      },
      { header: { en: 'Days left', 'zh-TW': '剩餘天數' }, value: (c) => c.daysLeft, numberFormat: '0' },
    ],
  });
}
