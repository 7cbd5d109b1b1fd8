import { z } from 'zod';
import { isoDate, listQuery, pageOf, versioned } from '../../../platform/http/list.ts';
import { drillKinds } from './rules.ts';

/** The zod contracts of drills: recovery and incident-response drills, planned, held and reviewed. */

const text = (max: number) => z.string().trim().min(1).max(max);
const hours = z.number().min(0).max(10_000);
const uuid = z.string().uuid();

export const drillStatuses = ['planned', 'held', 'reviewed'] as const;
/** What the drill exercises: a full fail-over to the backup site, a partial restore, a tabletop walk-through. */
export const drillScopes = ['full_failover', 'partial_restore', 'component', 'tabletop'] as const;
/** The roles of the drill's organisation chart. */
export const drillRoles = [
  'commander',
  'recovery_lead',
  'system_owner',
  'operator',
  'communications',
  'observer',
] as const;
/** Where the data of a system is restored from. */
export const backupSources = [
  'onsite_backup',
  'offsite_backup',
  'cloud_snapshot',
  'replica',
  'none',
] as const;
export const objectiveOutcomes = ['met', 'missed', 'no_objective', 'not_measured'] as const;

const participant = z
  .object({
    userId: uuid,
    role: z.enum(drillRoles),
    unit: text(120),
    task: text(1000),
    backupUserId: uuid.nullable().optional(),
  })
  .strict()
  .refine((p) => p.backupUserId !== p.userId, {
    message: 'A participant is not their own backup',
    path: ['backupUserId'],
  });

const plannedSystem = z.object({ systemId: uuid, backupSource: z.enum(backupSources) }).strict();

const step = z.object({ description: text(1000), minutes: z.number().int().min(0).max(10_000) }).strict();
const risk = z.object({ risk: text(500), mitigation: text(1000) }).strict();

const planFields = {
  title: text(200),
  plannedOn: isoDate,
  durationHours: hours,
  scope: z.enum(drillScopes),
  scopeNote: z.string().trim().max(2000).nullable().optional(),
  participants: z.array(participant).max(200),
  systems: z.array(plannedSystem).max(200),
  steps: z.array(step).max(100),
  resources: z.array(text(300)).max(100),
  risks: z.array(risk).max(100),
};

const uniqueSystems = (p: { systems?: { systemId: string }[] }) =>
  !p.systems || new Set(p.systems.map((s) => s.systemId)).size === p.systems.length;

export const drillInput = z
  .object({ siteId: uuid, kind: z.enum(drillKinds), ...planFields })
  .strict()
  .refine(uniqueSystems, { message: 'A system is named once', path: ['systems'] });

export const drillPlanPatch = z
  .object(
    Object.fromEntries(Object.entries(planFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof planFields]: z.ZodOptional<(typeof planFields)[K]>;
    },
  )
  .extend(versioned.shape)
  .strict()
  .refine(uniqueSystems, { message: 'A system is named once', path: ['systems'] });

export const drillHoldInput = z
  .object({
    heldOn: isoDate,
    systems: z
      .array(
        z
          .object({
            systemId: uuid,
            achievedRtoHours: hours.nullable(),
            achievedRpoHours: hours.nullable(),
            dataRestored: z.boolean(),
          })
          .strict(),
      )
      .max(200),
    notes: z.string().trim().max(4000).nullable().optional(),
  })
  .extend(versioned.shape)
  .strict();

export const drillReviewInput = z
  .object({
    reviewedOn: isoDate,
    findings: text(8000),
    improvements: z
      .array(
        z
          .object({
            title: z.string().trim().min(3).max(300),
            ownerId: uuid.nullable().optional(),
            dueDate: isoDate,
          })
          .strict(),
      )
      .max(50),
  })
  .extend(versioned.shape)
  .strict();

export const drillSystemView = z.object({
  systemId: uuid,
  name: z.string(),
  criticality: z.string(),
  backupSource: z.enum(backupSources),
  rtoHours: z.number().nullable(),
  rpoHours: z.number().nullable(),
  achievedRtoHours: z.number().nullable(),
  achievedRpoHours: z.number().nullable(),
  dataRestored: z.boolean().nullable(),
  rtoOutcome: z.enum(objectiveOutcomes),
  rpoOutcome: z.enum(objectiveOutcomes),
});

export const drillView = z.object({
  id: uuid,
  siteId: uuid,
  siteCode: z.string(),
  kind: z.enum(drillKinds),
  title: z.string(),
  status: z.enum(drillStatuses),
  plannedOn: z.string(),
  durationHours: z.number(),
  scope: z.enum(drillScopes),
  scopeNote: z.string().nullable(),
  participants: z.array(
    z.object({
      userId: uuid,
      name: z.string().nullable(),
      role: z.enum(drillRoles),
      unit: z.string(),
      task: z.string(),
      backupUserId: uuid.nullable(),
      backupName: z.string().nullable(),
    }),
  ),
  systems: z.array(drillSystemView),
  steps: z.array(z.object({ description: z.string(), minutes: z.number().int() })),
  resources: z.array(z.string()),
  risks: z.array(z.object({ risk: z.string(), mitigation: z.string() })),
  heldOn: z.string().nullable(),
  runNotes: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  findings: z.string().nullable(),
  /** The improvement actions raised by the review (platform actions). */
  actionIds: z.array(uuid),
  nextDueOn: z.string().nullable(),
  /** Every measured system met both objectives; null until held or when nothing was measured. */
  objectivesMet: z.boolean().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type DrillView = z.infer<typeof drillView>;

export const drillListQuery = listQuery(['plannedOn', 'title', 'status', 'updatedAt'] as const).extend({
  siteId: uuid.optional(),
  kind: z.enum(drillKinds).optional(),
  status: z.enum(drillStatuses).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
export const drillPage = pageOf(drillView);

export const drillFiguresQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100),
  siteId: uuid.optional(),
});
/**
 * A year's drills as the sustainability report counts them: its "incident drills" are the recovery drills
 * held; the yearly incident-response drill is reported on its own line.
 */
export const drillFigures = z.object({
  year: z.number().int(),
  incidentDrills: z.number().int(),
  incidentResponseDrills: z.number().int(),
  planned: z.number().int(),
});
