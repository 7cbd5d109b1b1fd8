import type { ColumnType, Generated } from 'kysely';
import type { Stamps } from '../../db/schema.ts';

/** The shop-floor monitoring program's table types for Kysely. Keep in step with ./migrations. */

/** jsonb with a default: read as a value, written as JSON text. */
type JsonWithDefault = ColumnType<unknown, string | undefined, string>;

export type SmartSensorsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  area_id: string | null;
  tag: string;
  name: string;
  kind: string;
  unit: string;
  equipment: string | null;
  gateway: string | null;
  in_service: Generated<boolean>;
  limit_hh: number | null;
  limit_h: number | null;
  limit_l: number | null;
  limit_ll: number | null;
  deadband: Generated<number>;
  on_delay_s: Generated<number>;
  off_delay_s: Generated<number>;
  rate_limit_per_min: number | null;
  stuck_after_min: number | null;
};

export type SmartSensorStatesTable = {
  sensor_id: string;
  site_id: string;
  judged_at: Date | null;
  last_value: number | null;
  state: JsonWithDefault;
};

export type SmartReadingsTable = {
  sensor_id: string;
  site_id: string;
  at: Date;
  value: number;
  late: Generated<boolean>;
  received_at: Generated<Date>;
};

export type SmartRollupsTable = {
  sensor_id: string;
  site_id: string;
  bucket: Date;
  min: number;
  max: number;
  sum: number;
  count: number;
};

export type SmartAlarmsTable = Stamps & {
  id: Generated<string>;
  site_id: string;
  sensor_id: string;
  condition: 'hh' | 'h' | 'l' | 'll' | 'rate' | 'stuck' | 'anomaly';
  priority: 'low' | 'medium' | 'high' | 'urgent';
  active: Generated<boolean>;
  raised_at: Date;
  raised_value: number;
  limit_value: number | null;
  cleared_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  shelved_until: Date | null;
  shelved_by: string | null;
  shelve_reason: string | null;
  closed_at: Date | null;
  incident_id: string | null;
  escalated_at: Date | null;
};

export type SmartRespondersTable = {
  id: Generated<string>;
  site_id: string;
  area_id: string;
  user_id: string;
  shift_start: string | null;
  shift_end: string | null;
  created_at: Generated<Date>;
  created_by: string | null;
};

export type SmartAlarmNoticesTable = {
  alarm_id: string;
  user_id: string;
  reason: 'responder' | 'escalation';
  notified_at: Date;
};

/** Each raise of an alarm: its first (with the record) and every re-activation (migration 0061). */
export type SmartAlarmRaisesTable = {
  id: Generated<string>;
  alarm_id: string;
  site_id: string;
  sensor_id: string;
  condition: string;
  raised_at: Date;
  value: number;
};

export type SmartGatewayCountsTable = {
  user_id: string;
  gateway: string;
  accepted: Generated<string>;
  duplicates: Generated<string>;
  late: Generated<string>;
  refused: Generated<string>;
  refused_by_reason: JsonWithDefault;
  last_seen_at: Generated<Date>;
};

export type SmartTables = {
  smart_sensors: SmartSensorsTable;
  smart_sensor_states: SmartSensorStatesTable;
  smart_readings: SmartReadingsTable;
  smart_rollups_minute: SmartRollupsTable;
  smart_rollups_hour: SmartRollupsTable;
  smart_alarms: SmartAlarmsTable;
  smart_gateway_counts: SmartGatewayCountsTable;
  smart_responders: SmartRespondersTable;
  smart_alarm_notices: SmartAlarmNoticesTable;
  smart_alarm_raises: SmartAlarmRaisesTable;
};
