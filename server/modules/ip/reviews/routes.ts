import * as c from '#shared/modules/ip/reviews/contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../../platform/exports/list-export.ts';
import { actorOf, type TypedApp } from '../../../platform/http/typed.ts';
import { ipWord } from '../messages.ts';
import type { ReviewsService } from './service.ts';

const tags = ['ip'];

/** Routes of the portfolio review campaigns and their items' verdicts. */
export function registerReviewRoutes(app: TypedApp, reviews: ReviewsService) {
  app.get(
    '/api/ip/review-campaigns',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'Portfolio review campaigns, each with its progress over the items at the reader’s sites',
        querystring: c.campaignListQuery,
        response: { 200: c.campaignPage },
      },
    },
    async (request) => reviews.list(actorOf(request), request.query),
  );
  app.post(
    '/api/ip/review-campaigns',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Launch a review of the live patents a selection names (group-wide IP managers)',
        body: c.campaignInput,
        response: { 201: c.campaignView },
      },
    },
    async (request, reply) => reply.status(201).send(await reviews.launch(actorOf(request), request.body)),
  );
  app.get(
    '/api/ip/review-campaigns/:id',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'One review campaign and its progress',
        params: idParams,
        response: { 200: c.campaignView },
      },
    },
    async (request) => reviews.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/ip/review-campaigns/:id/close',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary: 'Close a review campaign: its verdicts no longer change (group-wide IP managers)',
        params: idParams,
        body: c.campaignClose,
        response: { 200: c.campaignView },
      },
    },
    async (request) => reviews.close(actorOf(request), request.params.id, request.body.version),
  );
  app.get(
    '/api/ip/review-items',
    {
      config: { access: 'ip.read' },
      schema: {
        tags,
        summary: 'Patents under review at the reader’s sites, with their re-assessment and verdict',
        querystring: c.reviewItemQuery,
        response: { 200: c.reviewItemPage },
      },
    },
    async (request) => reviews.items(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/ip/review-items',
    access: 'ip.read',
    tags,
    name: 'patent-review',
    querystring: c.reviewItemQuery,
    list: (actor, q) => reviews.items(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (i) => i.siteCode },
      { header: { en: 'Family', 'zh-TW': '專利家族' }, value: (i) => i.familyReference },
      { header: { en: 'Title', 'zh-TW': '名稱' }, value: (i) => i.familyTitle, width: 36 },
      { header: { en: 'Technology', 'zh-TW': '技術' }, value: (i) => ipWord('ip.technology', i.technology) },
      { header: { en: 'Office', 'zh-TW': '專利局' }, value: (i) => i.office },
      { header: { en: 'Application no.', 'zh-TW': '申請號' }, value: (i) => i.applicationNo },
      { header: { en: 'Patent no.', 'zh-TW': '證書號' }, value: (i) => i.patentNo },
      { header: { en: 'Quantity', 'zh-TW': '數量' }, value: (i) => i.assessment.goals.quantity },
      { header: { en: 'Quality', 'zh-TW': '品質' }, value: (i) => i.assessment.goals.quality },
      { header: { en: 'Value', 'zh-TW': '價值' }, value: (i) => i.assessment.goals.value },
      { header: { en: 'Score', 'zh-TW': '總分' }, value: (i) => i.score },
      {
        header: { en: 'Recommendation', 'zh-TW': '建議' },
        value: (i) => ipWord('ip.recommendation', i.recommendation),
      },
      {
        header: { en: 'Verdict', 'zh-TW': '審查結論' },
        value: (i) => (i.verdict ? ipWord('ip.keepDropDecision', i.verdict) : null),
      },
      { header: { en: 'Note', 'zh-TW': '說明' }, value: (i) => i.note, width: 40 },
      { header: { en: 'Reviewed by', 'zh-TW': '審查人' }, value: (i) => i.reviewedByName },
      { header: { en: 'Reviewed on', 'zh-TW': '審查日' }, value: (i) => i.reviewedOn },
    ],
  });
  app.post(
    '/api/ip/review-items/:id/verdict',
    {
      config: { access: 'ip.manage' },
      schema: {
        tags,
        summary:
          'Give a patent under review its verdict: keep, drop, sell or license (the site’s IP officers)',
        params: idParams,
        body: c.reviewInput,
        response: { 200: c.reviewItem },
      },
    },
    async (request) => reviews.review(actorOf(request), request.params.id, request.body),
  );
}
