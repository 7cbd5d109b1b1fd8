import { z } from 'zod';

/** The zod contracts of material-incident decisions and cyber insurance. */

const text = (max: number) => z.string().trim().min(1).max(max);

/** A decision on whether an incident is material: the latest one on an incident stands. */
export const materialDecisionInput = z
  .object({
    material: z.boolean(),
    /** Why: the grounds the security team or the program owner give for the decision. */
    reason: text(4000),
    /** When it was decided; now when left out. */
    decidedAt: z.string().datetime({ offset: true }).optional(),
  })
  .strict();

export const materialDecisionView = z.object({
  id: z.string().uuid(),
  incidentId: z.string().uuid(),
  material: z.boolean(),
  reason: z.string(),
  decidedAt: z.string(),
  decidedById: z.string().uuid().nullable(),
  decidedByName: z.string().nullable(),
});
export type MaterialDecisionView = z.infer<typeof materialDecisionView>;

/** An incident's decisions, newest first; `current` is the one that stands (null: not decided yet). */
export const materialDecisions = z.object({
  current: materialDecisionView.nullable(),
  history: z.array(materialDecisionView),
  mayDecide: z.boolean(),
});
