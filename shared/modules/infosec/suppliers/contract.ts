import { z } from 'zod';
import { actionSummary } from '../../../platform/actions/contract.ts';
import { isoDate, listQuery, pageOf, versioned } from '../../../platform/http/list.ts';
import { assessmentSteps, scoreBands, supplierAnswers, supplierAreas } from './rules.ts';

/** The zod contracts of supplier cybersecurity assessments: suppliers, contacts, templates, assessments. */

const text = (max: number) => z.string().trim().min(1).max(max);
const uuid = z.string().uuid();
const year = z.coerce.number().int().min(1990).max(2100);

export const supplierCriticalities = ['critical', 'high', 'medium'] as const;
export const supplierCategories = [
  'equipment',
  'materials',
  'it_services',
  'software',
  'facilities',
  'logistics',
  'other',
] as const;

/** A text of user-written template content, in both languages of the app. */
export const bilingual = z.object({ en: text(2000), 'zh-TW': text(2000) }).strict();
export type Bilingual = z.infer<typeof bilingual>;

// Suppliers

const supplierFields = {
  name: text(200),
  /** ISO 3166-1 alpha-2. */
  country: z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166 two-letter country code'),
  supplies: text(500),
  category: z.enum(supplierCategories),
  criticality: z.enum(supplierCriticalities),
  /** The sites the supplier serves, besides the site that manages it. */
  servedSiteIds: z.array(uuid).max(200),
};

export const supplierInput = z.object({ siteId: uuid, ...supplierFields }).strict();
export const supplierPatch = z
  .object({
    name: supplierFields.name.optional(),
    country: supplierFields.country.optional(),
    supplies: supplierFields.supplies.optional(),
    category: supplierFields.category.optional(),
    criticality: supplierFields.criticality.optional(),
    servedSiteIds: supplierFields.servedSiteIds.optional(),
    active: z.boolean().optional(),
  })
  .extend(versioned.shape)
  .strict();

export const supplierContactInput = z
  .object({
    name: text(200),
    email: z.string().trim().email().max(320),
    phone: z.string().trim().max(60).nullable().optional(),
    position: z.string().trim().max(200).nullable().optional(),
    /** The person's sign-in, a user outside the company, to whom assessments are granted. */
    userId: uuid.nullable().optional(),
  })
  .strict();

export const supplierContactPatch = z
  .object({
    name: text(200).optional(),
    email: z.string().trim().email().max(320).optional(),
    phone: z.string().trim().max(60).nullable().optional(),
    position: z.string().trim().max(200).nullable().optional(),
    userId: uuid.nullable().optional(),
  })
  .extend(versioned.shape)
  .strict();

export const supplierContactView = z.object({
  id: uuid,
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  position: z.string().nullable(),
  userId: uuid.nullable(),
  version: z.number().int(),
});

export const supplierView = z.object({
  id: uuid,
  siteId: uuid,
  siteCode: z.string(),
  name: z.string(),
  country: z.string(),
  supplies: z.string(),
  category: z.enum(supplierCategories),
  criticality: z.enum(supplierCriticalities),
  servedSites: z.array(z.object({ id: uuid, code: z.string() })),
  active: z.boolean(),
  contacts: z.array(supplierContactView),
  /** The last assessment confirmed and the day its follow-up falls due. */
  lastConfirmedOn: z.string().nullable(),
  followUpDueOn: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type SupplierView = z.infer<typeof supplierView>;

export const supplierListQuery = listQuery(['name', 'country', 'criticality', 'updatedAt'] as const).extend({
  siteId: uuid.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  category: z.enum(supplierCategories).optional(),
  criticality: z.enum(supplierCriticalities).optional(),
});
export const supplierPage = pageOf(supplierView);

// Questionnaire templates

export const templateQuestion = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z0-9][A-Z0-9-]{0,19}$/, 'Upper-case letters, digits and dashes'),
    area: z.enum(supplierAreas),
    weight: z.number().int().min(1).max(5),
    text: bilingual,
  })
  .strict();
export type TemplateQuestion = z.infer<typeof templateQuestion>;

const uniqueCodes = (t: { questions?: { code: string }[] }) =>
  !t.questions || new Set(t.questions.map((q) => q.code)).size === t.questions.length;

export const templateInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{2,40}$/, 'Lower-case letters, digits and underscores'),
    name: bilingual,
    /** What the questionnaire is for and whom it is sent to. */
    description: bilingual.nullable().optional(),
    questions: z.array(templateQuestion).min(1).max(200),
  })
  .strict()
  .refine(uniqueCodes, { message: 'Each question code is used once', path: ['questions'] });
export const templatePatch = z
  .object({
    name: bilingual.optional(),
    description: bilingual.nullable().optional(),
    questions: z.array(templateQuestion).min(1).max(200).optional(),
    active: z.boolean().optional(),
  })
  .extend(versioned.shape)
  .strict()
  .refine(uniqueCodes, { message: 'Each question code is used once', path: ['questions'] });

export const templateView = z.object({
  id: uuid,
  code: z.string(),
  name: bilingual,
  description: bilingual.nullable(),
  questions: z.array(templateQuestion),
  active: z.boolean(),
  /** Assessments started on it (they keep the questions they were started with). */
  assessments: z.number().int(),
  version: z.number().int(),
});
export const templateList = z.object({ items: z.array(templateView) });

// Assessments

export const assessmentInput = z
  .object({
    supplierId: uuid,
    templateId: uuid,
    startedOn: isoDate,
    /** A follow-up evaluation names the confirmed assessment it follows. */
    previousId: uuid.nullable().optional(),
  })
  .strict();

export const answersInput = z
  .object({
    answers: z
      .array(
        z
          .object({
            code: z.string().trim().min(1).max(20),
            answer: z.enum(supplierAnswers),
            note: z.string().trim().max(2000).nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .extend(versioned.shape)
  .strict();

export const guidanceInput = z
  .object({
    on: isoDate,
    note: z.string().trim().max(8000).nullable().optional(),
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

export const confirmInput = z
  .object({ on: isoDate, note: z.string().trim().max(8000).nullable().optional() })
  .extend(versioned.shape)
  .strict();

export const respondentInput = z.object({ contactId: uuid }).strict();

export const assessmentView = z.object({
  id: uuid,
  supplierId: uuid,
  supplierName: z.string(),
  supplierCountry: z.string(),
  siteId: uuid,
  siteCode: z.string(),
  templateId: uuid,
  templateName: bilingual,
  kind: z.enum(['initial', 'follow_up']),
  previousId: uuid.nullable(),
  status: z.enum(assessmentSteps),
  startedOn: z.string(),
  guidanceOn: z.string().nullable(),
  confirmedOn: z.string().nullable(),
  followedUpOn: z.string().nullable(),
  followUpDueOn: z.string().nullable(),
  guidanceNote: z.string().nullable(),
  resultNote: z.string().nullable(),
  questions: z.array(templateQuestion),
  answers: z.array(
    z.object({
      code: z.string(),
      answer: z.enum(supplierAnswers),
      note: z.string().nullable(),
      answeredAt: z.string(),
    }),
  ),
  score: z.number().nullable(),
  band: z.enum(scoreBands).nullable(),
  answered: z.number().int(),
  areas: z.array(z.object({ area: z.enum(supplierAreas), score: z.number().nullable() })),
  improvements: z.array(actionSummary),
  /** The supplier's people who answer it (outside the company, granted this assessment). */
  respondents: z.array(z.object({ userId: uuid, name: z.string(), email: z.string() })),
  /** What the reader may do now. */
  mayAnswer: z.boolean(),
  mayManage: z.boolean(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type AssessmentView = z.infer<typeof assessmentView>;

export const assessmentListQuery = listQuery([
  'startedOn',
  'confirmedOn',
  'supplier',
  'score',
  'status',
] as const).extend({
  siteId: uuid.optional(),
  supplierId: uuid.optional(),
  status: z.enum(assessmentSteps).optional(),
  /** Assessments whose results were confirmed in the year. */
  year: year.optional(),
  /** Only those granted to the reader (a supplier's own). */
  mine: z.enum(['true', 'false']).optional(),
});
export const assessmentPage = pageOf(assessmentView);

export const assessmentFiguresQuery = z.object({ year, siteId: uuid.optional() });
/** The year's supplier cybersecurity assessments as the report counts them: those confirmed in the year. */
export const assessmentFigures = z.object({
  year: z.number().int(),
  assessments: z.number().int(),
  followUps: z.number().int(),
  suppliers: z.number().int(),
  averageScore: z.number().nullable(),
});
