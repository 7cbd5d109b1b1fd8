import * as c from '#shared/modules/academia/program-contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../platform/http/typed.ts';
import { academiaWord } from './messages.ts';
import type { AcademiaModule } from './module.ts';

const tags = ['academia'];

/** Routes of the academia office's programs (group records). */
export function registerAcademiaProgramRoutes(app: TypedApp, academia: AcademiaModule) {
  const { programs } = academia;
  app.get(
    '/api/academia/programs',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'Programs of the industry–academia office',
        querystring: c.programListQuery,
        response: { 200: c.programPage },
      },
    },
    async (request) => programs.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/academia/programs',
    access: 'academia.read',
    tags,
    name: 'academia-programs',
    querystring: c.programListQuery,
    list: (actor, q) => programs.list(actor, q),
    columns: [
      { header: { en: 'Code', 'zh-TW': '代碼' }, value: (p) => p.code, width: 24 },
      { header: { en: 'Name', 'zh-TW': '名稱' }, value: (p) => p.name, width: 40 },
      { header: { en: 'Chinese name', 'zh-TW': '中文名稱' }, value: (p) => p.nameZh, width: 32 },
      { header: { en: 'Kind', 'zh-TW': '類型' }, value: (p) => academiaWord('academia.programKind', p.kind) },
      { header: { en: 'Active from', 'zh-TW': '起始年' }, value: (p) => p.activeFrom },
      { header: { en: 'Active to', 'zh-TW': '結束年' }, value: (p) => p.activeTo },
      {
        header: { en: 'Owners', 'zh-TW': '負責人' },
        value: (p) => p.owners.map((o) => o.displayName).join(', '),
        width: 24,
      },
      {
        header: { en: 'Sites', 'zh-TW': '廠區' },
        value: (p) => p.sites.map((s) => s.siteCode).join(', '),
        width: 24,
      },
    ],
  });
  app.get(
    '/api/academia/programs/:id',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'One program, with the records under it at your sites',
        params: idParams,
        response: { 200: c.programDetail },
      },
    },
    async (request) => programs.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/academia/programs',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Add a program (group-wide program owner)',
        body: c.programInput,
        response: { 201: c.programDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await programs.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/academia/programs/:id',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: "Change a program (group-wide program owner, or one of the program's owners)",
        params: idParams,
        body: c.programPatch,
        response: { 200: c.programDetail },
      },
    },
    async (request) => programs.update(actorOf(request), request.params.id, request.body),
  );
}
