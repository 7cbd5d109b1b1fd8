import * as c from '#shared/modules/smart/contract.ts';
import {
  sensorTrendQuery,
  sensorTrendView,
  trendQuery,
  trendView,
} from '#shared/modules/smart/trends-contract.ts';
import { idParams } from '#shared/platform/http/list.ts';
import { registerListExport } from '../../platform/exports/list-export.ts';
import { AppError, ValidationError } from '../../platform/http/errors.ts';
import { type EventStream, openEventStream } from '../../platform/http/event-stream.ts';
import { actorOf, type TypedApp } from '../../platform/http/typed.ts';
import { smartWord } from './messages.ts';
import type { SmartModule } from './module.ts';
import { readingsFromCsv } from './readings-csv.ts';
import { alarmKpiSettingsShape, escalationSettingsShape, ingestSettingsShape } from './settings.ts';

const tags = ['smart'];

export function registerSmartRoutes(app: TypedApp, smart: SmartModule) {
  const { sensors, readings, ingest, alarms, settings } = smart;

  // ---- Sensors
  app.get(
    '/api/smart/sensors',
    {
      config: { access: 'smart.read' },
      schema: {
        tags,
        summary: 'Sensors at the sites in your scope',
        querystring: c.sensorListQuery,
        response: { 200: c.sensorPage },
      },
    },
    async (request) => sensors.list(actorOf(request), request.query),
  );
  registerListExport(app, {
    url: '/api/smart/sensors',
    access: 'smart.read',
    tags,
    name: 'sensors',
    querystring: c.sensorListQuery,
    list: (actor, q) => sensors.list(actor, q),
    columns: [
      { header: { en: 'Site', 'zh-TW': '廠區' }, value: (s) => s.siteCode },
      { header: { en: 'Area', 'zh-TW': '區域' }, value: (s) => s.areaName, width: 24 },
      { header: { en: 'Tag', 'zh-TW': '標籤' }, value: (s) => s.tag, width: 18 },
      { header: { en: 'Name', 'zh-TW': '名稱' }, value: (s) => s.name, width: 30 },
      { header: { en: 'Kind', 'zh-TW': '類型' }, value: (s) => smartWord('kind', s.kind) },
      { header: { en: 'Unit', 'zh-TW': '單位' }, value: (s) => s.unit },
      { header: { en: 'Equipment', 'zh-TW': '監測設備' }, value: (s) => s.equipment, width: 24 },
      { header: { en: 'Gateway', 'zh-TW': '閘道器' }, value: (s) => s.gateway },
      { header: { en: 'Low-low', 'zh-TW': '低低限' }, value: (s) => s.limitLL, numberFormat: '0.###' },
      { header: { en: 'Low', 'zh-TW': '低限' }, value: (s) => s.limitL, numberFormat: '0.###' },
      { header: { en: 'High', 'zh-TW': '高限' }, value: (s) => s.limitH, numberFormat: '0.###' },
      { header: { en: 'High-high', 'zh-TW': '高高限' }, value: (s) => s.limitHH, numberFormat: '0.###' },
      { header: { en: 'Deadband', 'zh-TW': '死區' }, value: (s) => s.deadband, numberFormat: '0.###' },
      { header: { en: 'In service', 'zh-TW': '使用中' }, value: (s) => (s.inService ? 'yes' : 'no') },
      { header: { en: 'Open alarms', 'zh-TW': '未結警報' }, value: (s) => s.openAlarms, numberFormat: '0' },
    ],
  });
  app.get(
    '/api/smart/sensors/:id',
    {
      config: { access: 'smart.read' },
      schema: { tags, summary: 'One sensor', params: idParams, response: { 200: c.sensorView } },
    },
    async (request) => sensors.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/smart/sensors',
    {
      config: { access: 'smart.manage' },
      schema: { tags, summary: 'Register a sensor', body: c.sensorInput, response: { 201: c.sensorView } },
    },
    async (request, reply) => reply.status(201).send(await sensors.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/smart/sensors/:id',
    {
      config: { access: 'smart.manage' },
      schema: {
        tags,
        summary: 'Change a sensor (its limits, delays, service)',
        params: idParams,
        body: c.sensorPatch,
        response: { 200: c.sensorView },
      },
    },
    async (request) => sensors.update(actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/smart/sensors/:id/readings',
    {
      config: { access: 'smart.read' },
      schema: {
        tags,
        summary: "A sensor's readings over a period, raw or rolled up per minute or hour",
        params: idParams,
        querystring: c.readingsQuery,
        response: { 200: c.readingsView },
      },
    },
    async (request) => readings.series(actorOf(request), request.params.id, request.query),
  );

  // ---- Ingestion: a JSON batch, a bare JSON array, or CSV (the gateway named in the `gateway` query
  // parameter). The CSV parser is registered for this route only (an encapsulated plugin), so no other route
  // takes text/csv.
  void app.register(async (scoped: TypedApp) => {
    scoped.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
    scoped.post(
      '/api/smart/readings',
      {
        config: { access: 'smart.ingest' },
        bodyLimit: 4 * 1024 * 1024,
        // A bare array or a CSV file takes its gateway from the query string; the batch's contract checks it.
        preValidation: async (request) => {
          const gateway = (request.query as { gateway?: unknown }).gateway;
          if (Array.isArray(request.body)) request.body = { gateway, readings: request.body } as never;
          const csv = String(request.headers['content-type'] ?? '').startsWith('text/csv');
          if (csv && typeof request.body === 'string') {
            try {
              request.body = readingsFromCsv(request.body, gateway) as never;
            } catch (error) {
              throw new ValidationError(`The CSV batch cannot be read: ${(error as Error).message}`);
            }
          }
        },
        schema: {
          tags,
          summary:
            'A gateway sends a batch of readings (API token only; JSON, or a bare array or CSV with ?gateway=): each stored once, judged on arrival; refusals name their reason',
          body: c.readingBatch,
          response: { 200: c.ingestResult },
        },
      },
      async (request) => {
        // Gateways authenticate with an API token; a browser session never sends readings.
        if (request.auth?.via !== 'token')
          throw new AppError(403, 'token-required', 'Forbidden', 'Gateways send readings with an API token.');
        return ingest.ingest(actorOf(request), request.body);
      },
    );
  });

  // ---- Alarms
  app.get(
    '/api/smart/alarms',
    {
      config: { access: 'smart.read' },
      schema: {
        tags,
        summary: 'Alarms at the sites in your scope (open ones by default)',
        querystring: c.alarmListQuery,
        response: { 200: c.alarmPage },
      },
    },
    async (request) => alarms.list(actorOf(request), request.query),
  );
  app.get(
    '/api/smart/alarms/live',
    {
      config: { access: 'smart.read', stream: true },
      schema: {
        tags,
        summary:
          'Alarm changes as they happen (server-sent events): `event: alarm` with the alarm id, site and change, for the sites in your scope; `event: resync` when some may have been missed; a heartbeat comment every 15 s',
        querystring: c.alarmLiveQuery,
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      // Subscribed first: a reader who may not read alarms is refused with a problem document, not a stream.
      let stream: EventStream | undefined;
      const stop = await smart.live.open(actorOf(request), request.query, {
        alarm: (event) => stream?.send('alarm', event),
        resync: () => stream?.send('resync'),
      });
      stream = openEventStream(reply);
      stream.onClose(stop);
      stream.send('ready');
      return reply.send(stream.body);
    },
  );
  app.get(
    '/api/smart/alarms/:id',
    {
      config: { access: 'smart.read' },
      schema: {
        tags,
        summary: 'One alarm, with whom it reached (responders on shift, escalation)',
        params: idParams,
        response: { 200: c.alarmDetail },
      },
    },
    async (request) => alarms.get(actorOf(request), request.params.id),
  );
  app.post(
    '/api/smart/alarms/:id/acknowledge',
    {
      config: { access: 'smart.manage' },
      schema: {
        tags,
        summary: 'Acknowledge an alarm',
        params: idParams,
        body: c.acknowledgeInput,
        response: { 200: c.alarmView },
      },
    },
    async (request) => alarms.acknowledge(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/smart/alarms/:id/shelve',
    {
      config: { access: 'smart.manage' },
      schema: {
        tags,
        summary: 'Shelve an alarm until a time (at most seven days), with the reason',
        params: idParams,
        body: c.shelveInput,
        response: { 200: c.alarmView },
      },
    },
    async (request) => alarms.shelve(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/smart/alarms/:id/near-miss',
    {
      config: { access: 'smart.manage' },
      schema: {
        tags,
        summary:
          'Report a near miss to the OHS program from an alarm, with the readings of its window attached',
        params: idParams,
        body: c.nearMissInput,
        response: { 201: c.nearMissView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await alarms.reportNearMiss(actorOf(request), request.params.id, request.body)),
  );

  // ---- Settings (group-wide)
  app.get(
    '/api/smart/settings',
    {
      config: { access: 'smart.read', setting: 'smart.ingest' },
      schema: {
        tags,
        summary: 'Ingestion settings (the late horizon)',
        response: { 200: ingestSettingsShape },
      },
    },
    async (request) => settings.get(actorOf(request)),
  );
  app.put(
    '/api/smart/settings',
    {
      config: { access: 'smart.manage', setting: 'smart.ingest' },
      schema: {
        tags,
        summary: 'Change the ingestion settings (group-wide program managers)',
        body: ingestSettingsShape,
        response: { 200: ingestSettingsShape },
      },
    },
    async (request) => settings.set(actorOf(request), request.body),
  );

  // ---- Trends: daily counts with their forecast (OHS series need the OHS program's read permission too)
  app.get(
    '/api/smart/trends',
    {
      config: { access: 'smart.read' },
      schema: {
        tags,
        summary:
          'Daily alarms, near misses or injuries with a weekly Holt-Winters forecast, a 95% interval, the recent days that left it and a backtest',
        querystring: trendQuery,
        response: { 200: trendView },
      },
    },
    async (request) => smart.trends.series(actorOf(request), request.query),
  );
  app.get(
    '/api/smart/sensors/:id/trend',
    {
      config: { access: 'smart.read' },
      schema: {
        tags,
        summary:
          "A sensor's hourly means with a daily Holt-Winters forecast, a 95% interval, the recent hours that left it and a backtest (hours without readings are gaps)",
        params: idParams,
        querystring: sensorTrendQuery,
        response: { 200: sensorTrendView },
      },
    },
    async (request) => smart.sensorTrends.series(actorOf(request), request.params.id, request.query),
  );

  // ---- Alarm KPIs (ISA-18.2 / EEMUA 191) and their thresholds
  app.get(
    '/api/smart/kpis',
    {
      config: { access: 'smart.read' },
      schema: {
        tags,
        summary:
          'Alarm KPIs of a period (24 hours by default): rate per area and 10-minute window, floods, chattering, stale alarms, bad actors',
        querystring: c.alarmKpiQuery,
        response: { 200: c.alarmKpiView },
      },
    },
    async (request) => smart.kpis.figures(actorOf(request), request.query),
  );
  app.get(
    '/api/smart/kpi-settings',
    {
      config: { access: 'smart.read', setting: 'smart.alarm_kpis' },
      schema: { tags, summary: 'The alarm KPI thresholds', response: { 200: alarmKpiSettingsShape } },
    },
    async (request) => smart.kpis.thresholds(actorOf(request)),
  );
  app.put(
    '/api/smart/kpi-settings',
    {
      config: { access: 'smart.manage', setting: 'smart.alarm_kpis' },
      schema: {
        tags,
        summary: 'Change the alarm KPI thresholds (group-wide program managers)',
        body: alarmKpiSettingsShape,
        response: { 200: alarmKpiSettingsShape },
      },
    },
    async (request) => smart.kpis.setThresholds(actorOf(request), request.body),
  );

  // ---- Alarm responders per area, and the minutes before an unacknowledged alarm is escalated
  app.get(
    '/api/smart/areas/:id/responders',
    {
      config: { access: 'smart.manage' },
      schema: {
        tags,
        summary: "An area's alarm responders and their shifts",
        params: idParams,
        response: { 200: c.respondersView },
      },
    },
    async (request) => smart.responders.list(actorOf(request), request.params.id),
  );
  app.put(
    '/api/smart/areas/:id/responders',
    {
      config: { access: 'smart.manage' },
      schema: {
        tags,
        summary: "Replace an area's alarm responders",
        params: idParams,
        body: c.respondersInput,
        response: { 200: c.respondersView },
      },
    },
    async (request) => smart.responders.set(actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/smart/escalation-settings',
    {
      config: { access: 'smart.read', setting: 'smart.escalation' },
      schema: {
        tags,
        summary: 'Minutes an unacknowledged alarm of each priority waits before it is escalated',
        response: { 200: escalationSettingsShape },
      },
    },
    async (request) => settings.getEscalation(actorOf(request)),
  );
  app.put(
    '/api/smart/escalation-settings',
    {
      config: { access: 'smart.manage', setting: 'smart.escalation' },
      schema: {
        tags,
        summary: 'Change the minutes before escalation (group-wide program managers)',
        body: escalationSettingsShape,
        response: { 200: escalationSettingsShape },
      },
    },
    async (request) => settings.setEscalation(actorOf(request), request.body),
  );
  app.get(
    '/api/smart/retention-settings',
    {
      config: { access: 'smart.read', setting: 'smart.retention' },
      schema: {
        tags,
        summary: 'How long raw readings (by sensor kind) and their roll-ups are kept',
        response: { 200: c.retentionSettings },
      },
    },
    async (request) => settings.getRetention(actorOf(request)),
  );
  app.put(
    '/api/smart/retention-settings',
    {
      config: { access: 'smart.manage', setting: 'smart.retention' },
      schema: {
        tags,
        summary: 'Change how long readings are kept (group-wide program managers)',
        body: c.retentionSettings,
        response: { 200: c.retentionSettings },
      },
    },
    async (request) => settings.setRetention(actorOf(request), request.body),
  );
}
