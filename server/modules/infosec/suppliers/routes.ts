import { z } from 'zod';
import * as c from '#shared/modules/infosec/suppliers/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { supplierWord } from './messages.ts';
import type { SuppliersService } from './service.ts';

const tags = ['infosec'];
const versionQuery = z.object({ version: z.coerce.number().int().min(1) });

/** Critical suppliers, their contacts, and the questionnaire templates. */
export function registerSupplierRoutes(app: TypedApp, suppliers: SuppliersService) {
  app.get(
    '/api/infosec/suppliers',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'Critical suppliers managed at the sites in your scope',
        querystring: c.supplierListQuery,
        response: { 200: c.supplierPage },
      },
    },
    async (request) => suppliers.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/infosec/suppliers',
    access: 'infosec.read',
    tags,
    name: 'suppliers',
    querystring: c.supplierListQuery,
    list: (actor, q) => suppliers.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (s) => s.siteCode },
      { header: { en: 'Supplier', 'zh-TW': '供應商' }, value: (s) => s.name, width: 30 },
      { header: { en: 'Country', 'zh-TW': '國家' }, value: (s) => s.country },
      { header: { en: 'Supplies', 'zh-TW': '供應項目' }, value: (s) => s.supplies, width: 36 },
      {
        header: { en: 'Category', 'zh-TW': '類別' },
        value: (s) => supplierWord('infosec.supplierCategory', s.category),
      },
      {
        header: { en: 'Criticality', 'zh-TW': '重要性' },
        value: (s) => supplierWord('infosec.supplierCriticality', s.criticality),
      },
      {
        header: { en: 'Sites served', 'zh-TW': '服務廠區' },
        value: (s) => s.servedSites.map((x) => x.code).join(', '),
        width: 24,
      },
      { header: { en: 'Contacts', 'zh-TW': '聯絡人數' }, value: (s) => s.contacts.length, numberFormat: '0' },
      { header: { en: 'Last confirmed', 'zh-TW': '最近確認日' }, value: (s) => s.lastConfirmedOn, width: 12 },
      { header: { en: 'Follow-up due', 'zh-TW': '追蹤評核到期' }, value: (s) => s.followUpDueOn, width: 12 },
    ],
  });
  app.get(
    '/api/infosec/suppliers/:id',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'One supplier with its contacts',
        params: idParams,
        response: { 200: c.supplierView },
      },
    },
    async (request) => suppliers.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/infosec/suppliers',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Register a critical supplier',
        body: c.supplierInput,
        response: { 201: c.supplierView },
      },
    },
    async (request, reply) => reply.status(201).send(await suppliers.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/infosec/suppliers/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Change a supplier',
        params: idParams,
        body: c.supplierPatch,
        response: { 200: c.supplierView },
      },
    },
    async (request) => suppliers.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/infosec/suppliers/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Remove a supplier entered in error (one without assessments)',
        params: idParams,
        querystring: versionQuery,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await suppliers.remove(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/infosec/suppliers/:id/contacts',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Add a contact of the supplier (with the sign-in of a person outside the company, if any)',
        params: idParams,
        body: c.supplierContactInput,
        response: { 201: c.supplierView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await suppliers.addContact(actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/infosec/supplier-contacts/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Change a contact of a supplier',
        params: idParams,
        body: c.supplierContactPatch,
        response: { 200: c.supplierView },
      },
    },
    async (request) => suppliers.updateContact(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/infosec/supplier-contacts/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Remove a contact of a supplier',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await suppliers.removeContact(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/infosec/supplier-templates',
    {
      config: { access: 'infosec.read' },
      schema: { tags, summary: 'The supplier questionnaire templates', response: { 200: c.templateList } },
    },
    async (request) => suppliers.templates(actorOf(request)),
  );
  app.get(
    '/api/infosec/supplier-templates/:id',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'One questionnaire template',
        params: idParams,
        response: { 200: c.templateView },
      },
    },
    async (request) => suppliers.template(actorOf(request), request.params.id),
  );
  app.post(
    '/api/infosec/supplier-templates',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Add a questionnaire template (whoever manages the program group-wide)',
        body: c.templateInput,
        response: { 201: c.templateView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await suppliers.createTemplate(actorOf(request), request.body)),
  );
  app.patch(
    '/api/infosec/supplier-templates/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Change a questionnaire template (assessments started keep their questions)',
        params: idParams,
        body: c.templatePatch,
        response: { 200: c.templateView },
      },
    },
    async (request) => suppliers.updateTemplate(actorOf(request), request.params.id, request.body),
  );
}
