import { riskMatrixView } from '#shared/modules/ohs/hazards/contract.ts';
import { defaultRiskMatrix, type RiskMatrix } from '#shared/modules/ohs/rules/risk.ts';
import { ohsSettings } from '#shared/modules/ohs/statistics/contract.ts';
import { defineSetting } from '../../platform/settings/service.ts';

/** The group's risk matrix: likelihood and severity scales and the bands of risk levels. */
export const riskMatrixSetting = defineSetting<RiskMatrix>({
  key: 'ohs.risk_matrix',
  schema: riskMatrixView as never,
  defaultValue: defaultRiskMatrix,
  auditAction: 'ohs.risk_matrix.updated',
});

/** How the group rounds its injury rates: truncated (the Ministry's statistics) or half up. */
export const ratesSetting = defineSetting<{ rounding: 'truncate' | 'round-half-up' }>({
  key: 'ohs.rates',
  schema: ohsSettings,
  defaultValue: { rounding: 'truncate' },
  auditAction: 'ohs.settings.updated',
});
