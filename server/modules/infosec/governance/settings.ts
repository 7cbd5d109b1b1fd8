import type { z } from 'zod';
import { riskMatrixInput } from '#shared/modules/infosec/governance/contract.ts';
import { defaultRiskMatrix, type RiskMatrix } from '#shared/modules/infosec/governance/rules.ts';
import { defineSetting } from '../../../platform/settings/service.ts';

/** The risk matrix of the program, as the group's security managers set it (5 × 5 by default). */
export const riskMatrixSetting = defineSetting<RiskMatrix>({
  key: 'infosec.risk_matrix',
  schema: riskMatrixInput as unknown as z.ZodType<RiskMatrix>,
  defaultValue: defaultRiskMatrix,
  auditAction: 'infosec.risk_matrix.updated',
});
