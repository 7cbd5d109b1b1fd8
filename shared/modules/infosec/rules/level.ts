/**
 * The level of a cybersecurity incident, 1 (least) to 4 (most severe), from its impact on confidentiality,
 * integrity and availability, following Article 2 of Taiwan's 資通安全事件通報及應變辦法 (Regulations on
 * Reporting and Response to Cybersecurity Incidents, amended 2021-08-23; revised and retitled on 2026-01-05 as
 * 資通安全事件通報應變及演練辦法 with the same four levels). Inside the group the kinds of information and
 * systems the article names read as follows:
 *
 * - `general`: non-core business information or systems (非核心業務資訊／非核心資通系統);
 * - `core`: core business information or a critical information system that does not run critical
 *   infrastructure (未涉及關鍵基礎設施維運之核心業務資訊／核心資通系統);
 * - `core_infrastructure`: core business or a critical system that runs critical infrastructure
 *   (涉及關鍵基礎設施維運之核心業務／核心資通系統);
 * - `sensitive`: confidential or sensitive information, personal data and trade secrets among them
 *   (一般公務機密、敏感資訊);
 * - `state_secret`: classified national security information (國家機密).
 *
 * Confidentiality and integrity: a minor (輕微) or serious (嚴重) leak or tampering. Availability: whether the
 * operation was restored within its tolerable outage time (可容忍中斷時間, the system's RTO).
 */

export const informationKinds = [
  'general',
  'core',
  'core_infrastructure',
  'sensitive',
  'state_secret',
] as const;
export type InformationKind = (typeof informationKinds)[number];
export const operationKinds = ['general', 'core', 'core_infrastructure'] as const;
export type OperationKind = (typeof operationKinds)[number];
export const severities = ['minor', 'serious'] as const;
export type Severity = (typeof severities)[number];

export type DataImpact = { kind: InformationKind; severity: Severity } | null;
export type AvailabilityImpact = { kind: OperationKind; withinTolerableOutage: boolean } | null;
export type Impact = {
  confidentiality: DataImpact;
  integrity: DataImpact;
  availability: AvailabilityImpact;
};

export type Level = 1 | 2 | 3 | 4;

/** Article 2, items on leaks (洩漏) and tampering (竄改): the same ladder for both. */
function dataLevel(impact: DataImpact): Level | null {
  if (!impact) return null;
  const serious = impact.severity === 'serious';
  switch (impact.kind) {
    case 'general':
      return serious ? 2 : 1;
    case 'core':
      return serious ? 3 : 2;
    case 'core_infrastructure':
    case 'sensitive':
      return serious ? 4 : 3;
    case 'state_secret':
      return 4;
  }
}

/** Article 2, items on operations affected or stopped (運作受影響或停頓). */
function availabilityLevel(impact: AvailabilityImpact): Level | null {
  if (!impact) return null;
  const beyond = !impact.withinTolerableOutage;
  switch (impact.kind) {
    case 'general':
      return beyond ? 2 : 1;
    case 'core':
      return beyond ? 3 : 2;
    case 'core_infrastructure':
      return beyond ? 4 : 3;
  }
}

/**
 * The incident's level: the highest that any of the three dimensions reaches (the article assigns a level when
 * any one of its items applies). No impact on any dimension is no level (null): not a zero, and not level 1.
 */
export function incidentLevel(impact: Impact): Level | null {
  const levels = [
    dataLevel(impact.confidentiality),
    dataLevel(impact.integrity),
    availabilityLevel(impact.availability),
  ].filter((l): l is Level => l !== null);
  if (levels.length === 0) return null;
  return Math.max(...levels) as Level;
}
