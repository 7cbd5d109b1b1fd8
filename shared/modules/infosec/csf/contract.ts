import { z } from 'zod';
import { actionSummary } from '../../../platform/actions/contract.ts';
import { isoDate, listQuery, pageOf, versioned } from '../../../platform/http/list.ts';

/** The zod contracts of the NIST CSF maturity assessment, shared by the server and the web app. */

export const csfDomains = ['it', 'ot'] as const;
export const csfBases = ['1.1', '2.0'] as const;
export const assessmentStatuses = [
  'draft',
  'in_review',
  'reviewed',
  'signed_off',
  'approved',
  'superseded',
] as const;
export const assessmentSteps = ['submit', 'return', 'review', 'sign_off', 'approve'] as const;
export type AssessmentStep = (typeof assessmentSteps)[number];

const level = z.number().int().min(0).max(5);
const score = z.number().nullable();
const identifier = z
  .string()
  .regex(/^[A-Z]{2}(\.[A-Z]{2}(-\d{2})?)?$/, 'Not a CSF identifier (e.g. PR.AA-01)');

// ---- Catalogue

export const catalogueSubcategory = z.object({
  identifier: z.string(),
  statement: z.string(),
  examples: z.array(z.string()),
});
export const catalogueCategory = z.object({
  identifier: z.string(),
  title: z.string(),
  statement: z.string(),
  subcategories: z.array(catalogueSubcategory),
});
export const catalogueFunction = z.object({
  identifier: z.string(),
  title: z.string(),
  statement: z.string(),
  categories: z.array(catalogueCategory),
});
export const catalogueView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  version: z.string(),
  published: z.string(),
  functions: z.array(catalogueFunction),
});
export type CatalogueView = z.infer<typeof catalogueView>;

// ---- Campaigns

export const campaignInput = z
  .object({
    year: z.number().int().min(2000).max(2200),
    name: z.string().trim().min(1).max(200),
    basis: z.enum(csfBases).default('2.0'),
    dueOn: isoDate.nullable().optional(),
    scope: z
      .array(z.object({ siteId: z.string().uuid(), domain: z.enum(csfDomains) }).strict())
      .min(1, 'Choose at least one site to assess')
      .max(500),
  })
  .strict();

/** Sites and domains added to an open campaign. */
export const campaignScopeInput = z.object({ scope: campaignInput.shape.scope }).strict();

export const campaignView = z.object({
  id: z.string().uuid(),
  year: z.number().int(),
  name: z.string(),
  basis: z.enum(csfBases),
  catalogueVersion: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  /** Assessments in the reader's scope, by status (current revisions only). */
  assessments: z.number().int(),
  approved: z.number().int(),
  version: z.number().int(),
});
export type CampaignView = z.infer<typeof campaignView>;
export const campaignList = z.object({
  items: z.array(campaignView),
  /** Whether the reader may open a campaign (the program managed over the whole group). */
  mayOpen: z.boolean(),
});

// ---- Assessments

export const assessmentListQuery = listQuery(['year', 'status', 'updatedAt'] as const).extend({
  campaignId: z.string().uuid().optional(),
  year: z.coerce.number().int().optional(),
  siteId: z.string().uuid().optional(),
  domain: z.enum(csfDomains).optional(),
  status: z.enum(assessmentStatuses).optional(),
  /** Only the assessments the reader assesses. */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const assessmentSummary = z.object({
  id: z.string().uuid(),
  campaignId: z.string().uuid(),
  year: z.number().int(),
  basis: z.enum(csfBases),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  siteName: z.string(),
  domain: z.enum(csfDomains),
  revision: z.number().int(),
  status: z.enum(assessmentStatuses),
  assessorId: z.string().uuid().nullable(),
  assessorName: z.string().nullable(),
  consultancy: z.string().nullable(),
  /** Subcategories answered (a level or not applicable) out of those to assess. */
  answered: z.number().int(),
  toAnswer: z.number().int(),
  score,
  updatedAt: z.string(),
  version: z.number().int(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummary>;
export const assessmentPage = pageOf(assessmentSummary);

export const answerView = z.object({
  subcategory: z.string(),
  level: level.nullable(),
  notApplicable: z.boolean(),
  target: level.nullable(),
  notes: z.string().nullable(),
  assessedByName: z.string().nullable(),
  assessedAt: z.string().nullable(),
});
export type AnswerView = z.infer<typeof answerView>;

export const scoredItem = z.object({
  identifier: z.string(),
  score,
  target: score,
  /** Applicable levels counted, and subcategories marked not applicable. */
  counted: z.number().int(),
  notApplicable: z.number().int(),
});

export const assessmentView = assessmentSummary.extend({
  catalogueId: z.string().uuid(),
  correctionOf: z.string().uuid().nullable(),
  correctionReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  signedOffAt: z.string().nullable(),
  signedOffByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  /** Functions left unassessed by the campaign's basis (Govern before CSF 2.0). */
  unassessedFunctions: z.array(z.string()),
  answers: z.array(answerView),
  functions: z.array(scoredItem),
  categories: z.array(scoredItem),
  /** How the scores are computed, to show beside them. */
  rule: z.object({ functionWeights: z.record(z.string(), z.number()) }),
  /** The names of levels 0 to 5 as the group set them, in the reader's language. */
  levels: z.array(z.string()).length(6),
  /** The steps the reader may take now. */
  steps: z.array(z.enum(assessmentSteps)),
  mayAnswer: z.boolean(),
  mayCorrect: z.boolean(),
  /** The same site's other domain (IT beside OT) in the same campaign, approved; null when there is none to show. */
  otherDomain: z
    .object({
      assessmentId: z.string().uuid(),
      domain: z.enum(csfDomains),
      score,
      functions: z.record(z.string(), score),
    })
    .nullable(),
  /** The recommendations, kept as platform actions with owners and due dates (source: this assessment). */
  recommendations: z.array(actionSummary),
  /** Every revision of this site's assessment in the campaign, newest first. */
  revisions: z.array(
    z.object({ id: z.string().uuid(), revision: z.number().int(), status: z.enum(assessmentStatuses) }),
  ),
});
export type AssessmentView = z.infer<typeof assessmentView>;

export const answersInput = z
  .object({
    answers: z
      .array(
        z
          .object({
            subcategory: identifier,
            level: level.nullable(),
            notApplicable: z.boolean().default(false),
            target: level.nullable().optional(),
            notes: z.string().trim().max(4000).nullable().optional(),
          })
          .strict()
          .refine((a) => !(a.notApplicable && a.level !== null), {
            message: 'A subcategory marked not applicable has no level',
            path: ['level'],
          }),
      )
      .min(1)
      .max(200),
  })
  .extend(versioned.shape)
  .strict();

export const assessorInput = z
  .object({
    /** The assessor; null names none, absent leaves it as it is. */
    assessorId: z.string().uuid().nullable().optional(),
    consultancy: z.string().trim().max(200).nullable().optional(),
  })
  .extend(versioned.shape)
  .strict();

export const stepInput = z
  .object({ step: z.enum(assessmentSteps), comment: z.string().trim().max(2000).optional() })
  .extend(versioned.shape)
  .strict();

export const correctionInput = z
  .object({ reason: z.string().trim().min(3, 'Say why the approved assessment is corrected').max(2000) })
  .extend(versioned.shape)
  .strict();

// ---- Roll-ups

export const heatMapQuery = z.object({
  year: z.coerce.number().int().optional(),
  domain: z.enum(csfDomains).default('it'),
  subsidiaryId: z.string().uuid().optional(),
  country: z.string().length(2).optional(),
});

export const heatMapView = z.object({
  year: z.number().int().nullable(),
  domain: z.enum(csfDomains),
  basis: z.enum(csfBases).nullable(),
  functions: z.array(z.object({ identifier: z.string(), title: z.string() })),
  unassessedFunctions: z.array(z.string()),
  sites: z.array(
    z.object({
      siteId: z.string().uuid(),
      siteCode: z.string(),
      siteName: z.string(),
      subsidiaryId: z.string().uuid(),
      subsidiaryName: z.string(),
      country: z.string(),
      assessmentId: z.string().uuid(),
      score,
      functions: z.record(z.string(), score),
    }),
  ),
  subsidiaries: z.array(
    z.object({
      subsidiaryId: z.string().uuid(),
      subsidiaryName: z.string(),
      score,
      functions: z.record(z.string(), score),
    }),
  ),
  group: z.object({ score, functions: z.record(z.string(), score) }),
  benchmark: z.record(z.string(), score),
  rule: z.object({ functionWeights: z.record(z.string(), z.number()) }),
  years: z.array(z.number().int()),
  /** Whether the reader may enter the industry benchmark (the program managed over the whole group). */
  mayEnterBenchmark: z.boolean(),
});
export type HeatMapView = z.infer<typeof heatMapView>;

export const trendQuery = z.object({
  domain: z.enum(csfDomains).default('it'),
  siteId: z.string().uuid().optional(),
});
export const trendView = z.object({
  domain: z.enum(csfDomains),
  siteId: z.string().uuid().nullable(),
  functions: z.array(z.object({ identifier: z.string(), title: z.string() })),
  /** The five functions that CSF 1.1 and 2.0 share: year-over-year comparisons use these. */
  sharedFunctions: z.array(z.string()),
  years: z.array(
    z.object({
      year: z.number().int(),
      basis: z.enum(csfBases),
      sites: z.number().int(),
      score,
      /** The score over the shared functions alone, comparable across bases. */
      sharedScore: score,
      functions: z.record(z.string(), score),
      benchmark: z.record(z.string(), score),
    }),
  ),
});
export type TrendView = z.infer<typeof trendView>;

export const gapsQuery = z.object({
  year: z.coerce.number().int().optional(),
  domain: z.enum(csfDomains).default('it'),
  limit: z.coerce.number().int().min(1).max(106).default(20),
});
export const gapsView = z.object({
  year: z.number().int().nullable(),
  items: z.array(
    z.object({
      subcategory: z.string(),
      statement: z.string(),
      /** Mean of (target − current) over the sites below target, one decimal. */
      meanGap: z.number(),
      sitesBelowTarget: z.number().int(),
      sitesAssessed: z.number().int(),
    }),
  ),
});

export const benchmarkInput = z
  .object({
    year: z.number().int().min(2000).max(2200),
    scores: z.record(identifier, z.number().min(0).max(5).multipleOf(0.1)),
    source: z.string().trim().max(500).nullable().optional(),
  })
  .strict();

// ---- The maturity scale and the roll-up rule (a group setting)

const label = z
  .object({ en: z.string().trim().min(1).max(60), 'zh-TW': z.string().trim().min(1).max(60) })
  .strict();
export const scaleInput = z
  .object({
    /** The names of levels 0 to 5, in both languages. */
    labels: z.array(label).length(6),
    /** The weight of each function in a site's score; a function not named weighs 1. */
    functionWeights: z.record(identifier, z.number().min(0).max(10)),
  })
  .strict();
export type Scale = z.infer<typeof scaleInput>;
