import type { z } from 'zod';
import { scoringModel } from '#shared/modules/ip/reassessment/contract.ts';
import { defaultScoringModel, type ScoringModel } from '#shared/modules/ip/reassessment/rules.ts';
import { defineSetting } from '../../../platform/settings/service.ts';

/**
 * The re-assessment scoring model (indicator and goal weights, the thresholds to license or sell and to
 * consider dropping, the decision's lead time before a fee). A group setting the IP program owner tunes;
 * until then the three goals weigh equally, as the strategy has them.
 */
export const scoringModelSetting = defineSetting<ScoringModel>({
  key: 'ip.scoring_model',
  schema: scoringModel as unknown as z.ZodType<ScoringModel>,
  defaultValue: defaultScoringModel,
  auditAction: 'ip.scoring_model.updated',
});
