import * as c from '#shared/modules/academia/hire-match-contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../platform/http/typed.ts';
import { academiaWord } from './messages.ts';
import type { AcademiaModule } from './module.ts';

const tags = ['academia'];

/** Routes of the former interns' hires: proposed matches, their decision, and the conversion report. */
export function registerAcademiaHireRoutes(app: TypedApp, academia: AcademiaModule) {
  const { hireMatches, conversion } = academia;
  app.get(
    '/api/academia/hire-matches',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'Employee records proposed as former interns (by default those awaiting a decision)',
        querystring: c.hireMatchListQuery,
        response: { 200: c.hireMatchPage },
      },
    },
    async (request) => hireMatches.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/academia/hire-matches',
    access: 'academia.read',
    tags,
    name: 'academia-hire-matches',
    querystring: c.hireMatchListQuery,
    list: (actor, q) => hireMatches.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (m) => m.siteCode },
      { header: { en: 'Intern', 'zh-TW': '實習生' }, value: (m) => m.internName, width: 24 },
      { header: { en: 'School', 'zh-TW': '學校' }, value: (m) => m.partnerName, width: 32 },
      {
        header: { en: 'Program', 'zh-TW': '計畫' },
        value: (m) => academiaWord('academia.internProgram', m.program),
      },
      { header: { en: 'Employee', 'zh-TW': '員工' }, value: (m) => m.employeeName, width: 24 },
      { header: { en: 'Employee no.', 'zh-TW': '員工編號' }, value: (m) => m.employeeNo },
      { header: { en: 'Hired on', 'zh-TW': '到職日' }, value: (m) => m.hireDate },
      {
        header: { en: 'Reason', 'zh-TW': '比對依據' },
        value: (m) => academiaWord('academia.hireMatchReason', m.reason),
      },
      {
        header: { en: 'Status', 'zh-TW': '狀態' },
        value: (m) => academiaWord('academia.hireMatchStatus', m.status),
      },
      { header: { en: 'Proposed', 'zh-TW': '提出時間' }, value: (m) => m.proposedAt.slice(0, 10) },
    ],
  });
  app.post(
    '/api/academia/hire-matches/scan',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Look for employee records matching former interns now',
        body: c.hireMatchScanInput,
        response: { 200: c.hireMatchScanResult },
      },
    },
    async (request) => hireMatches.scan(actorOf(request), request.body),
  );
  app.post(
    '/api/academia/hire-matches/:id/confirm',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: "Confirm a proposed match: the intern's hire is linked to the employee record",
        params: idParams,
        body: c.hireMatchDecision,
        response: { 200: c.hireMatchView },
      },
    },
    async (request) => hireMatches.confirm(actorOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/academia/hire-matches/:id/dismiss',
    {
      config: { access: 'academia.manage' },
      schema: {
        tags,
        summary: 'Dismiss a proposed match: the pair is never proposed again',
        params: idParams,
        body: c.hireMatchDecision,
        response: { 200: c.hireMatchView },
      },
    },
    async (request) => hireMatches.dismiss(actorOf(request), request.params.id, request.body.version),
  );
  app.get(
    '/api/academia/conversion',
    {
      config: { access: 'academia.read' },
      schema: {
        tags,
        summary: 'Intern-to-hire conversion by year, school, program and site',
        querystring: c.conversionQuery,
        response: { 200: c.conversionReport },
      },
    },
    async (request) => conversion.report(actorOf(request), request.query),
  );
}
