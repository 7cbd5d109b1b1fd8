import { z } from 'zod';
import { programKey } from '../access/programs.ts';
import { actionKinds } from '../actions/contract.ts';
import { isoDate, listQuery, pageOf, versioned } from '../http/list.ts';
import { committeeLevels, committeeRoles, meetingFrequencies } from './rules/committee.ts';
import { attendanceStatuses, quorumShortfalls } from './rules/quorum.ts';
import { meetingStatuses, meetingTransitions } from './rules/status.ts';

const timeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Not a known IANA time zone');

/** A moment with its UTC offset, e.g. 2026-12-10T14:00:00+08:00. */
const moment = z.iso.datetime({ offset: true });
const onlineUrl = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'Use an http or https link');
const text = (max: number) => z.string().trim().max(max);

// ---- committees

export const committeeMemberView = z.object({
  id: z.string().uuid(),
  userId: z.string().uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(committeeRoles),
  title: z.string().nullable(),
});

export const committeeView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  nameZh: z.string().nullable(),
  program: programKey.nullable(),
  level: z.enum(committeeLevels),
  siteId: z.string().uuid().nullable(),
  siteCode: z.string().nullable(),
  subsidiaryId: z.string().uuid().nullable(),
  subsidiaryCode: z.string().nullable(),
  charter: z.string().nullable(),
  frequency: z.enum(meetingFrequencies),
  quorumPercent: z.number().int(),
  quorumChairRequired: z.boolean(),
  active: z.boolean(),
  members: z.array(committeeMemberView),
  /** What the membership lacks (a chair, a secretary, what a program's rule asks), in the reader's words. */
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  lastMeetingOn: z.string().nullable(),
  nextMeetingDue: z.string().nullable(),
  nextPlannedAt: z.string().nullable(),
  meetingOverdue: z.boolean(),
  version: z.number().int(),
});
export type CommitteeView = z.infer<typeof committeeView>;

export const memberInput = z
  .object({
    userId: z.string().uuid(),
    role: z.enum(committeeRoles),
    /** The seat's title, e.g. "Chief Information Security Officer". */
    title: text(200).nullable().optional(),
  })
  .strict();

const committeeFields = z.object({
  name: text(200).min(2),
  nameZh: text(200).nullable().optional(),
  /** null: a committee of no single program. */
  program: programKey.nullable(),
  level: z.enum(committeeLevels),
  siteId: z.string().uuid().nullable().optional(),
  subsidiaryId: z.string().uuid().nullable().optional(),
  charter: text(20_000).nullable().optional(),
  frequency: z.enum(meetingFrequencies).optional(),
  /** Quorum: more than this share of members present (default 50: more than half). */
  quorumPercent: z.number().int().min(1).max(99).optional(),
  quorumChairRequired: z.boolean().optional(),
});

export const committeeInput = committeeFields
  .extend({ members: z.array(memberInput).max(200).optional() })
  .strict()
  .refine((c) => (c.level === 'site') === !!c.siteId, {
    message: 'A site committee names its site, and only a site committee does',
    path: ['siteId'],
  })
  .refine((c) => (c.level === 'subsidiary') === !!c.subsidiaryId, {
    message: 'A subsidiary committee names its subsidiary, and only it does',
    path: ['subsidiaryId'],
  });

export const committeePatch = committeeFields
  .omit({ program: true, level: true, siteId: true, subsidiaryId: true })
  .partial()
  .extend({ active: z.boolean().optional() })
  .extend(versioned.shape)
  .strict();

export const committeeListQuery = listQuery(['name', 'site', 'program']).extend({
  program: programKey.optional(),
  level: z.enum(committeeLevels).optional(),
  siteId: z.string().uuid().optional(),
  active: z.enum(['true', 'false']).optional(),
  /** Only the committees you sit on. */
  mine: z.enum(['true', 'false']).optional(),
});
export const committeePage = pageOf(committeeView);

// ---- meetings

export const agendaItemView = z.object({
  id: z.string().uuid(),
  position: z.number().int(),
  title: z.string(),
  presenterId: z.string().uuid().nullable(),
  presenterName: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  notes: z.string().nullable(),
});

export const attendanceView = z.object({
  userId: z.string().uuid(),
  name: z.string(),
  committeeRole: z.enum(committeeRoles),
  status: z.enum(attendanceStatuses).nullable(),
  note: z.string().nullable(),
});

export const quorumView = z.object({
  met: z.boolean(),
  members: z.number().int(),
  present: z.number().int(),
  required: z.number().int(),
  chairPresent: z.boolean(),
  shortfalls: z.array(z.enum(quorumShortfalls)),
});

export const decisionView = z.object({
  id: z.string().uuid(),
  seq: z.number().int(),
  text: z.string(),
  actionId: z.string().uuid().nullable(),
  actionStatus: z.string().nullable(),
  actionOwnerName: z.string().nullable(),
  actionDueDate: z.string().nullable(),
  createdAt: z.string(),
});

export const meetingSummaryView = z.object({
  id: z.string().uuid(),
  committeeId: z.string().uuid(),
  committeeName: z.string(),
  committeeNameZh: z.string().nullable(),
  program: programKey.nullable(),
  siteId: z.string().uuid().nullable(),
  siteCode: z.string().nullable(),
  title: z.string(),
  scheduledAt: z.string(),
  durationMinutes: z.number().int().nullable(),
  timeZone: z.string(),
  /** The start in the meeting's time zone, 'YYYY-MM-DD HH:mm'. */
  localStart: z.string(),
  location: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  status: z.enum(meetingStatuses),
  minutesDueDate: z.string(),
  decisionCount: z.number().int(),
  version: z.number().int(),
});

export const meetingView = meetingSummaryView.extend({
  agenda: z.array(agendaItemView),
  attendance: z.array(attendanceView),
  quorum: quorumView,
  minutes: z.string().nullable(),
  heldAt: z.string().nullable(),
  minutesApprovedAt: z.string().nullable(),
  minutesApprovedByName: z.string().nullable(),
  cancelledReason: z.string().nullable(),
  decisions: z.array(decisionView),
});
export type MeetingView = z.infer<typeof meetingView>;
export type MeetingSummaryView = z.infer<typeof meetingSummaryView>;

export const agendaItemInput = z
  .object({
    title: text(500).min(2),
    /** A user who presents, or the name of someone outside Steward (an invited expert). */
    presenterId: z.string().uuid().nullable().optional(),
    presenterName: text(200).nullable().optional(),
    durationMinutes: z.number().int().min(1).max(1440).nullable().optional(),
    notes: text(5000).nullable().optional(),
  })
  .strict();

const meetingFields = z.object({
  title: text(300).min(2),
  scheduledAt: moment,
  durationMinutes: z.number().int().min(1).max(1440).nullable().optional(),
  /** Defaults to the site's time zone (Asia/Taipei for group committees). */
  timeZone: timeZone.optional(),
  location: text(500).nullable().optional(),
  onlineUrl: onlineUrl.nullable().optional(),
});

export const meetingInput = meetingFields
  .extend({ committeeId: z.string().uuid(), agenda: z.array(agendaItemInput).max(100).optional() })
  .strict()
  .refine((m) => !!m.location || !!m.onlineUrl, {
    message: 'Give a location, an online link, or both',
    path: ['location'],
  });

export const meetingPatch = meetingFields
  .partial()
  .extend({ minutes: text(200_000).nullable().optional() })
  .extend(versioned.shape)
  .strict();

export const meetingTransitionBody = z
  .object({
    transition: z.enum(meetingTransitions),
    /** Why a meeting is cancelled. */
    reason: text(2000).optional(),
  })
  .extend(versioned.shape)
  .strict();

export const agendaBody = z
  .object({ items: z.array(agendaItemInput).max(100) })
  .extend(versioned.shape)
  .strict();

export const attendanceBody = z
  .object({
    entries: z
      .array(
        z
          .object({
            userId: z.string().uuid(),
            status: z.enum(attendanceStatuses).nullable(),
            note: text(1000).nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .extend(versioned.shape)
  .strict();

export const decisionBody = z
  .object({
    text: text(5000).min(3),
    /** Follow the decision up as an action in the tracker, with an owner and a due date. */
    action: z
      .object({
        title: text(300).min(3).optional(),
        description: text(10_000).nullable().optional(),
        kind: z.enum(actionKinds).optional(),
        ownerId: z.string().uuid(),
        dueDate: isoDate,
      })
      .strict()
      .optional(),
  })
  .extend(versioned.shape)
  .strict();

export const meetingListQuery = listQuery(['scheduledAt', 'title', 'status', 'committee']).extend({
  committeeId: z.string().uuid().optional(),
  status: z.enum(meetingStatuses).optional(),
  siteId: z.string().uuid().optional(),
  program: programKey.optional(),
  /** Meetings on or after this day, in each meeting's time zone. */
  from: isoDate.optional(),
  /** Meetings on or before this day, in each meeting's time zone. */
  to: isoDate.optional(),
  /** Only the meetings of committees you sit on. */
  mine: z.enum(['true', 'false']).optional(),
});
export const meetingPage = pageOf(meetingSummaryView);
