import type { z } from 'zod';
import { type Scale, scaleInput } from '#shared/modules/infosec/csf/contract.ts';
import type { Db } from '../../../db/types.ts';
import type { SettingsService } from '../../../platform/settings/service.ts';
import { defineSetting } from '../../../platform/settings/service.ts';
import type { RollUpRule } from './rules/maturity.ts';

/** The maturity levels' names (SimpleRisk's 0–5 scale by default) and the function weights of site scores. */
export const DEFAULT_SCALE: Scale = {
  labels: [
    { en: 'Not performed', 'zh-TW': '未執行' },
    { en: 'Initial', 'zh-TW': '初始' },
    { en: 'Repeatable', 'zh-TW': '可重複' },
    { en: 'Defined', 'zh-TW': '已定義' },
    { en: 'Managed', 'zh-TW': '已管理' },
    { en: 'Optimising', 'zh-TW': '最佳化' },
  ],
  functionWeights: {},
};

export const scaleSetting = defineSetting<Scale>({
  key: 'infosec.csf_scale',
  schema: scaleInput as unknown as z.ZodType<Scale>,
  defaultValue: DEFAULT_SCALE,
  auditAction: 'infosec.csf_scale.updated',
});

/** The roll-up rule of a scale as the group set it (its function weights). */
export function ruleOfScale(scale: Scale): RollUpRule {
  return { functionWeights: scale.functionWeights };
}

/** The roll-up rule as the group set it, read from the setting. */
export async function rollUpRule(settings: SettingsService, handle: Db): Promise<RollUpRule> {
  return ruleOfScale(await settings.get(scaleSetting, handle));
}
