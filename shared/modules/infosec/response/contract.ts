import { z } from 'zod';
import { actionSummary } from '../../../platform/actions/contract.ts';
import { isoDate, versioned } from '../../../platform/http/list.ts';
import { normaliseObservable, observableKinds } from '../rules/observables.ts';

export { observableKinds };

/** The zod contracts of the response work on a security incident: tasks, observables, custody, lessons. */

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const instant = z.string().datetime({ offset: true });

/** NIST SP 800-61's phases of incident handling that tasks are grouped by. */
export const taskPhases = ['analysis', 'containment', 'eradication', 'recovery', 'communication'] as const;
/** What happened to a piece of evidence, as a chain-of-custody form records it. */
export const custodyEvents = [
  'collected',
  'transferred',
  'stored',
  'examined',
  'returned',
  'released',
  'destroyed',
] as const;
export const lessonKinds = ['went_well', 'to_improve'] as const;

export const taskInput = z
  .object({
    phase: z.enum(taskPhases),
    title: text(300),
    ownerId: z.string().uuid().nullable().optional(),
    dueAt: instant.nullable().optional(),
  })
  .strict();

export const taskPatch = z
  .object({
    phase: z.enum(taskPhases).optional(),
    title: text(300).optional(),
    ownerId: z.string().uuid().nullable().optional(),
    dueAt: instant.nullable().optional(),
    status: z.enum(['open', 'done']).optional(),
  })
  .extend(versioned.shape)
  .strict();

export const observableInput = z
  .object({
    kind: z.enum(observableKinds),
    value: z.string().max(2048),
    note: optionalText(500),
  })
  .strict()
  .superRefine((o, ctx) => {
    const n = normaliseObservable(o.kind, o.value);
    if (!n.ok) ctx.addIssue({ code: 'custom', path: ['value'], message: n.problem });
  });

export const custodyInput = z
  .object({
    documentId: z.string().uuid(),
    event: z.enum(custodyEvents),
    /** When it happened; now when left out. */
    at: instant.optional(),
    /** Who holds the evidence after this event (a person, or a lab). */
    holder: text(200),
    location: optionalText(200),
    note: optionalText(2000),
  })
  .strict();

export const lessonInput = z
  .object({
    kind: z.enum(lessonKinds),
    text: text(4000),
    /** The improvement the lesson calls for, raised as a platform action of the incident's site. */
    action: z
      .object({
        title: z.string().trim().min(3).max(300),
        ownerId: z.string().uuid().nullable().optional(),
        dueDate: isoDate,
      })
      .strict()
      .optional(),
  })
  .strict();

export const taskView = z.object({
  id: z.string().uuid(),
  phase: z.enum(taskPhases),
  title: z.string(),
  ownerId: z.string().uuid().nullable(),
  ownerName: z.string().nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  status: z.enum(['open', 'done']),
  doneAt: z.string().nullable(),
  doneByName: z.string().nullable(),
  version: z.number().int(),
});
export type TaskView = z.infer<typeof taskView>;

const relatedIncident = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  title: z.string(),
  siteCode: z.string(),
});
const relatedAdvisory = z.object({ id: z.string().uuid(), title: z.string(), tlp: z.string() });

export const observableView = z.object({
  id: z.string().uuid(),
  kind: z.enum(observableKinds),
  value: z.string(),
  /** For a file hash, its algorithm (told by its length). */
  hash: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  /** Other incidents the reader may see that carry the same observable. */
  incidents: z.array(relatedIncident),
  /** Advisories the reader may see whose indicators or observables carry it. */
  advisories: z.array(relatedAdvisory),
});
export type ObservableView = z.infer<typeof observableView>;

export const custodyView = z.object({
  id: z.string().uuid(),
  at: z.string(),
  event: z.enum(custodyEvents),
  holder: z.string(),
  location: z.string().nullable(),
  note: z.string().nullable(),
  recordedByName: z.string().nullable(),
});

/** An evidence file of the incident (a platform document, its SHA-256 taken at upload) and its custody. */
export const evidenceView = z.object({
  documentId: z.string().uuid(),
  filename: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedByName: z.string().nullable(),
  custody: z.array(custodyView),
});
export type EvidenceView = z.infer<typeof evidenceView>;

export const lessonView = z.object({
  id: z.string().uuid(),
  kind: z.enum(lessonKinds),
  text: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  action: actionSummary.nullable(),
});
export type LessonView = z.infer<typeof lessonView>;

export const responseView = z.object({
  tasks: z.array(taskView),
  observables: z.array(observableView),
  evidence: z.array(evidenceView),
  lessons: z.array(lessonView),
  /** Whether the reader may add and change the response work (the security team of the incident's site). */
  mayManage: z.boolean(),
  /** Whether the reader may add evidence files: the team, and the reporter to their own report. */
  mayAddEvidence: z.boolean(),
});
export type ResponseView = z.infer<typeof responseView>;

export const responseItemParams = z.object({ id: z.string().uuid() });
