import { z } from 'zod';
import {
  alarmKpiThresholds,
  escalationSettings,
  type RetentionSettings,
  retentionSettings as retentionSettingsShape,
} from '#shared/modules/smart/contract.ts';
import { defineSetting } from '../../platform/settings/service.ts';
import { defaultKpiThresholds } from './rules/kpis.ts';
import { defaultRetention } from './rules/retention.ts';
import { defaultEscalationMinutes, type EscalationMinutes } from './rules/shifts.ts';

export const ingestSettingsShape = z
  .object({
    /**
     * Readings older than this when they arrive are stored, marked late and not judged: an alarm on a
     * condition long past would reach nobody in time, and would judge the sensor out of order.
     */
    lateHorizonMinutes: z.number().int().min(1).max(10_080),
  })
  .strict();
export type IngestSettings = z.infer<typeof ingestSettingsShape>;

export const ingestSettings = defineSetting<IngestSettings>({
  key: 'smart.ingest',
  schema: ingestSettingsShape,
  defaultValue: { lateHorizonMinutes: 60 },
  auditAction: 'smart.ingest_settings.updated',
});

// ---- Alarm KPI thresholds (rules/kpis.ts): ISA-18.2 and EEMUA 191 benchmarks, group-wide.

export const alarmKpiSettingsShape = alarmKpiThresholds;
export type AlarmKpiSettings = z.infer<typeof alarmKpiSettingsShape>;

export const alarmKpiSettings = defineSetting<AlarmKpiSettings>({
  key: 'smart.alarm_kpis',
  schema: alarmKpiSettingsShape,
  defaultValue: defaultKpiThresholds,
  auditAction: 'smart.alarm_kpi_settings.updated',
});

// ---- Escalation of unacknowledged alarms (responders.ts): minutes per priority, group-wide.

export const escalationSettingsShape = escalationSettings;
export type EscalationSettings = EscalationMinutes;

export const alarmEscalationSettings = defineSetting<EscalationMinutes>({
  key: 'smart.escalation',
  schema: escalationSettingsShape,
  defaultValue: defaultEscalationMinutes,
  auditAction: 'smart.escalation_settings.updated',
});

// ---- Retention of readings and roll-ups (retention.ts), group-wide.

export const retentionSettings = defineSetting<RetentionSettings>({
  key: 'smart.retention',
  schema: retentionSettingsShape,
  defaultValue: defaultRetention,
  auditAction: 'smart.retention_settings.updated',
});
