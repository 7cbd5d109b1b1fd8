import * as c from '#shared/modules/ip/exit-interviews/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { ipWord } from '../messages.ts';
import type { ExitInterviewsService } from './service.ts';

const tags = ['ip'];
const access = 'ip.exit_interviews.manage';

/** Routes of the exit interviews of leaving inventors and trade-secret holders. */
export function registerExitInterviewRoutes(app: TypedApp, interviews: ExitInterviewsService) {
  app.get(
    '/api/ip/exit-interviews',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Exit interviews of employees leaving who are inventors or may access a trade secret',
        querystring: c.exitInterviewListQuery,
        response: { 200: c.exitInterviewPage },
      },
    },
    async (request) => interviews.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/ip/exit-interviews',
    access,
    tags,
    name: 'exit-interviews',
    querystring: c.exitInterviewListQuery,
    list: (actor, q) => interviews.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (x) => x.siteCode },
      { header: { en: 'Employee no.', 'zh-TW': '員工編號' }, value: (x) => x.employeeNo },
      { header: { en: 'Employee', 'zh-TW': '員工' }, value: (x) => x.employeeName, width: 20 },
      { header: { en: 'Leave date', 'zh-TW': '離職日' }, value: (x) => x.leaveDate },
      { header: { en: 'Due', 'zh-TW': '期限' }, value: (x) => x.dueDate },
      { header: { en: 'Inventor', 'zh-TW': '發明人' }, value: (x) => (x.inventor ? 'Y' : '') },
      {
        header: { en: 'Trade secrets', 'zh-TW': '營業秘密' },
        value: (x) => x.tradeSecrets.map((s) => s.title).join('; '),
        width: 30,
      },
      { header: { en: 'Status', 'zh-TW': '狀態' }, value: (x) => ipWord('ip.exitInterviewStatus', x.status) },
      { header: { en: 'Held on', 'zh-TW': '面談日' }, value: (x) => x.heldOn },
      { header: { en: 'Acknowledgement signed on', 'zh-TW': '切結簽署日' }, value: (x) => x.signedOn },
    ],
  });
  app.get(
    '/api/ip/exit-interviews/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'One exit interview',
        params: idParams,
        response: { 200: c.exitInterviewView },
      },
    },
    async (request) => interviews.get(actorOf(request), request.params.id),
  );
  app.patch(
    '/api/ip/exit-interviews/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Record the interview held and the acknowledgement signed (file its document first)',
        params: idParams,
        body: c.exitInterviewPatch,
        response: { 200: c.exitInterviewView },
      },
    },
    async (request) => interviews.record(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/ip/exit-interviews/scan',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Look now for leave dates of inventors and trade-secret holders (also done nightly)',
        body: c.exitInterviewScanInput,
        response: { 200: c.exitInterviewScanResult },
      },
    },
    async (request) => interviews.scan(actorOf(request), request.body.siteId),
  );
}
