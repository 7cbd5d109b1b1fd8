import { z } from 'zod';
import * as c from '#shared/modules/infosec/governance/policies.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { governanceWord } from './messages.ts';
import type { PoliciesService } from './policies.ts';
import type { PolicyCampaignsService } from './policy-campaigns.ts';

const tags = ['infosec'];
const versionQuery = z.object({ version: z.coerce.number().int().min(1) });

/** Routes of information security policies: the register, versions, campaigns and self-service acknowledgement. */
export function registerPolicyRoutes(
  app: TypedApp,
  { policies, campaigns }: { policies: PoliciesService; campaigns: PolicyCampaignsService },
) {
  app.get(
    '/api/infosec/policies',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'Information security policies (group-wide and your sites’) with their current version',
        querystring: c.policyListQuery,
        response: { 200: c.policyPage },
      },
    },
    async (request) => policies.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/infosec/policies',
    access: 'infosec.read',
    tags,
    name: 'security-policies',
    querystring: c.policyListQuery,
    list: (actor, q) => policies.list(actor, q),
    columns: [
      { header: { en: 'Reference', 'zh-TW': '編號' }, value: (p) => p.code, width: 14 },
      { header: { en: 'Title', 'zh-TW': '名稱' }, value: (p) => p.title, width: 40 },
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (p) => p.siteCode },
      {
        header: { en: 'Status', 'zh-TW': '狀態' },
        value: (p) => governanceWord('infosec.policyStatus', p.status),
      },
      { header: { en: 'Current version', 'zh-TW': '現行版本' }, value: (p) => p.currentVersion },
      { header: { en: 'Effective', 'zh-TW': '生效日' }, value: (p) => p.currentEffectiveOn, width: 12 },
      { header: { en: 'Owner', 'zh-TW': '負責人' }, value: (p) => p.ownerName, width: 20 },
    ],
  });
  app.get(
    '/api/infosec/policies/:id',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'One policy with its versions and acknowledgement campaigns',
        params: idParams,
        response: { 200: c.policyDetail },
      },
    },
    async (request) => policies.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/infosec/policies',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Register a policy (group-wide ones by group-wide security managers)',
        body: c.policyInput,
        response: { 201: c.policyView },
      },
    },
    async (request, reply) => reply.status(201).send(await policies.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/infosec/policies/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Change a policy: its reference, title, owner or status',
        params: idParams,
        body: c.policyPatch,
        response: { 200: c.policyView },
      },
    },
    async (request) => policies.update(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/infosec/policies/:id/versions',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Record a version of a policy: label, effective date, summary of changes, approval',
        params: idParams,
        body: c.policyVersionInput,
        response: { 201: c.policyVersionView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await policies.addVersion(actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/infosec/policy-versions/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Change a policy version that no campaign has asked about yet (otherwise 409)',
        params: idParams,
        body: c.policyVersionPatch,
        response: { 200: c.policyVersionView },
      },
    },
    async (request) => policies.updateVersion(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/infosec/policy-versions/:id',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Remove a policy version recorded in error: no campaign and no document (otherwise 409)',
        params: idParams,
        querystring: versionQuery,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await policies.removeVersion(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/infosec/policy-versions/:id/campaigns',
    {
      config: { access: 'infosec.manage' },
      schema: {
        tags,
        summary: 'Open an acknowledgement campaign for a policy version over some sites or the group',
        params: idParams,
        body: c.campaignInput,
        response: { 201: c.campaignSummary },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await campaigns.create(actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/infosec/policy-campaigns/:id',
    {
      config: { access: 'infosec.read' },
      schema: {
        tags,
        summary: 'An acknowledgement campaign: progress per site of yours and the people overdue',
        params: idParams,
        response: { 200: c.campaignView },
      },
    },
    async (request) => campaigns.get(actorOf(request), request.params.id),
  );
  app.get(
    '/api/infosec/my/policy-campaigns',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'The policy acknowledgement campaigns that ask you, with your acknowledgement',
        response: { 200: c.myCampaigns },
      },
    },
    async (request) => campaigns.mine(actorOf(request)),
  );
  app.post(
    '/api/infosec/my/policy-campaigns/:id/acknowledge',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary:
          'Acknowledge that you have read and understood the campaign’s policy version (once; again is 409)',
        params: idParams,
        response: { 200: c.myCampaign },
      },
    },
    async (request) => campaigns.acknowledge(actorOf(request), request.params.id),
  );
  app.delete(
    '/api/infosec/my/policy-campaigns/:id/acknowledge',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Withdraw your own acknowledgement while the campaign is open (up to its due date)',
        params: idParams,
        response: { 200: c.myCampaign },
      },
    },
    async (request) => campaigns.withdraw(actorOf(request), request.params.id),
  );
}
