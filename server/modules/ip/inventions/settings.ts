import { type RewardSchedule, rewardSchedule } from '#shared/modules/ip/inventions/contract.ts';
import { defineSetting } from '../../../platform/settings/service.ts';

/**
 * The company's schedule of inventor rewards, NT$ per invention on filing and on grant, split by the
 * inventors' shares. A group setting; until the company sets its own, these amounts apply.
 */
export const rewardScheduleSetting = defineSetting<RewardSchedule>({
  key: 'ip.invention_rewards',
  schema: rewardSchedule,
  defaultValue: { filing: '10000', grant: '30000' },
  auditAction: 'ip.invention_rewards.updated',
});
