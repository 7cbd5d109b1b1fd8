import { z } from 'zod';
import { defineSetting } from '../../platform/settings/service.ts';

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
