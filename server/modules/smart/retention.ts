import type { RetentionRun, RetentionSettings } from '#shared/modules/smart/contract.ts';
import type { Db } from '../../db/types.ts';
import { systemActor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SettingsService } from '../../platform/settings/service.ts';
import * as repo from './retention-repo.ts';
import { droppablePartitions, hourRollupCutoff, minuteRollupCutoff, rawCutoffs } from './rules/retention.ts';
import { retentionSettings } from './settings.ts';

/**
 * Removes readings past their retention (rules/retention.ts), the worker's nightly job: month partitions
 * older than every kind's period are dropped whole, the rest of the old raw readings deleted by kind, and
 * the roll-ups past their own periods deleted. One transaction, audited with what it removed.
 */
export function createRetentionService(deps: {
  db: Db;
  settings: Pick<SettingsService, 'get'>;
  now: () => Date;
}) {
  const { db } = deps;
  return {
    async run(): Promise<RetentionRun> {
      const settings: RetentionSettings = await deps.settings.get(retentionSettings);
      const at = deps.now();
      return db.transaction().execute(async (trx) => {
        const partitionsDropped = droppablePartitions(await repo.readingPartitions(trx), settings, at);
        for (const name of partitionsDropped) await repo.dropMonthPartition(trx, name);
        let readingsDeleted = 0;
        for (const { cutoff, kinds } of rawCutoffs(settings, at))
          readingsDeleted += await repo.deleteReadingsBefore(trx, cutoff, kinds);
        const minuteRollupsDeleted = await repo.deleteRollupsBefore(
          trx,
          'smart_rollups_minute',
          minuteRollupCutoff(settings, at),
        );
        const hourRollupsDeleted = await repo.deleteRollupsBefore(
          trx,
          'smart_rollups_hour',
          hourRollupCutoff(settings, at),
        );
        const run = { partitionsDropped, readingsDeleted, minuteRollupsDeleted, hourRollupsDeleted };
        if (partitionsDropped.length || readingsDeleted || minuteRollupsDeleted || hourRollupsDeleted)
          await recordAudit(trx, systemActor('smart.actor.retention'), {
            action: 'smart.retention.applied',
            entityType: 'smart_readings',
            entityId: null,
            siteId: null,
            after: { ...run, settings },
          });
        return run;
      });
    },
  };
}
