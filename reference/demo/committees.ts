import { dayNumber, isoDate, zonedInstant } from './clock.ts';
import type { DemoDataset } from './generate.ts';
import type { TableRows } from './ohs-tables.ts';
import { writesChinese } from './organisation.ts';
import { Random } from './random.ts';
import type { ActionRow, ObligationRow, SiteRow } from './rows.ts';

/**
 * The OHS committees of the demo: the group's, and one at every site (the labour safety and health
 * committee the law asks of a workplace), meeting every quarter. The meetings of the last two years were
 * held, with attendance, minutes approved and decisions, some followed up by an action (done for the older
 * ones, under way for the recent); the next quarter's meeting is planned. Texts at Taiwanese and Chinese
 * sites are in Chinese, as their committees write them.
 */

type Committee = {
  id: string;
  level: 'group' | 'site';
  site_id: string | null;
  subsidiary_id: null;
  program: 'ohs';
  name: string;
  name_zh: string;
  charter: string;
  frequency: 'quarterly';
  quorum_percent: number;
  created_at: string;
  created_by: string | null;
};
type Member = {
  id: string;
  committee_id: string;
  site_id: string | null;
  user_id: string;
  role: 'chair' | 'secretary' | 'member' | 'employee_representative';
  title: string | null;
  created_at: string;
};
type Meeting = {
  id: string;
  committee_id: string;
  site_id: string | null;
  title: string;
  scheduled_at: string;
  duration_minutes: number;
  time_zone: string;
  location: string;
  status: 'planned' | 'minutes_approved';
  minutes: string | null;
  held_at: string | null;
  minutes_approved_at: string | null;
  minutes_approved_by: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
};
type AgendaItem = {
  id: string;
  meeting_id: string;
  site_id: string | null;
  position: number;
  title: string;
  presenter_id: string | null;
  duration_minutes: number;
};
type Attendance = {
  meeting_id: string;
  user_id: string;
  site_id: string | null;
  committee_role: Member['role'];
  status: 'present' | 'absent' | 'excused' | null;
};
type Decision = {
  id: string;
  meeting_id: string;
  site_id: string | null;
  seq: number;
  text: string;
  action_id: string | null;
  created_at: string;
  created_by: string | null;
};

export type CommitteeDataset = {
  committees: Committee[];
  members: Member[];
  meetings: Meeting[];
  agenda: AgendaItem[];
  attendance: Attendance[];
  decisions: Decision[];
  actions: ActionRow[];
  obligations: ObligationRow[];
};

type Text = { en: string; zh: string };

const AGENDA: readonly Text[] = [
  { en: "Follow-up of the previous meeting's decisions", zh: '前次會議決議事項執行情形' },
  { en: 'Incidents, near misses and investigations of the quarter', zh: '本季事故、虛驚事件與調查報告' },
  { en: 'Safety inspections and the hazard register', zh: '安全巡檢結果與危害鑑別風險評估' },
  { en: 'Health screenings and workplace health promotion', zh: '健康檢查與職場健康促進' },
  { en: 'Contractor management and permits to work', zh: '承攬商管理與危險作業許可' },
  { en: 'Training, drills and campaigns', zh: '教育訓練、演練與宣導活動' },
];

/** Decisions a plant's committee takes; an action follows those with a kind. */
const DECISIONS: readonly (Text & { kind?: ActionRow['kind'] })[] = [
  {
    en: 'Add the chemical storage area to the monthly inspection route',
    zh: '化學品儲存區納入每月安全巡檢路線',
    kind: 'preventive',
  },
  {
    en: 'Replace the worn anti-slip mats at the cleanroom entrances',
    zh: '更換無塵室入口磨損之防滑墊',
    kind: 'corrective',
  },
  {
    en: 'Hold an evacuation drill for the night shift before the end of the quarter',
    zh: '本季結束前針對夜班人員辦理緊急疏散演練',
    kind: 'improvement',
  },
  {
    en: 'Install convex mirrors at the forklift crossings of the warehouse',
    zh: '倉庫堆高機交叉路口加裝凸面鏡',
    kind: 'corrective',
  },
  {
    en: 'Review the hearing conservation program of the test floor',
    zh: '檢討測試區聽力保護計畫',
    kind: 'preventive',
  },
  {
    en: 'Provide cut-resistant gloves at every saw blade change station',
    zh: '各切割刀片更換站配置防割手套',
    kind: 'corrective',
  },
  {
    en: 'Keep a gas test record for every confined space entry',
    zh: '每次進入局限空間作業均須留存氣體測定紀錄',
    kind: 'preventive',
  },
  {
    en: 'Brief the contractors on the revised hot work rules',
    zh: '向承攬商說明修訂後之動火作業管理規定',
    kind: 'improvement',
  },
  {
    en: 'Extend the heat stress work–rest schedule to the outdoor facility crews',
    zh: '將熱危害作業休息時間表擴大適用於戶外廠務人員',
    kind: 'preventive',
  },
  {
    en: 'Check every eyewash station weekly and record the flushing',
    zh: '每週檢查洗眼器並記錄沖洗情形',
    kind: 'corrective',
  },
  { en: "The quarter's safety and health report is approved", zh: '通過本季職業安全衛生管理報告' },
  { en: 'The training plan for next year is approved', zh: '通過明年度安全衛生教育訓練計畫' },
  { en: 'The results of the work environment monitoring are noted', zh: '作業環境監測結果洽悉備查' },
];

const MINUTES = {
  en: (n: number, of: number, decisions: readonly string[]) =>
    `Quorum reached: ${n} of ${of} members present. The committee reviewed the incidents and near misses of the quarter, the follow-up of the actions from investigations, the results of the safety inspections and the progress of the training campaigns.\n\nDecisions:\n${decisions.map((d, i) => `${i + 1}. ${d}`).join('\n')}`,
  zh: (n: number, of: number, decisions: readonly string[]) =>
    `出席委員 ${n} 人（應出席 ${of} 人），已達法定人數。會議檢討本季事故與虛驚事件、調查後改善措施之追蹤、安全巡檢結果及教育訓練辦理進度。\n\n決議事項：\n${decisions.map((d, i) => `${i + 1}. ${d}`).join('\n')}`,
};

const QUARTER_MONTHS = [3, 6, 9, 12];
const HISTORY_QUARTERS = 8;

export function generateCommittees(data: DemoDataset): CommitteeDataset {
  const rng = new Random(`${data.seed}/committees`);
  const today = dayNumber(data.clock);
  const user = (email: string) => data.users.find((u) => u.email === email)?.id ?? null;
  const owner = user('ohs.owner@steward.demo');
  const admin = user('admin@steward.demo');
  const out: CommitteeDataset = {
    committees: [],
    members: [],
    meetings: [],
    agenda: [],
    attendance: [],
    decisions: [],
    actions: [],
    obligations: [],
  };
  const spil = new Set(data.subsidiaries.filter((s) => s.code === 'SPIL').map((s) => s.id));
  const membersOf = (site: SiteRow | null): [string | null, Member['role'], string | null][] => {
    if (!site)
      return [
        [owner, 'chair', 'Group OHS director'],
        [user('officer.kh@steward.demo'), 'member', 'ASE Kaohsiung'],
        [user('officer.spil@steward.demo'), 'member', 'SPIL'],
        [user('medical@steward.demo'), 'member', 'Occupational physician'],
        [admin, 'secretary', null],
      ];
    if (site.code === 'ASE-KH')
      return [
        [owner, 'chair', null],
        [user('officer.kh@steward.demo'), 'secretary', '職安衛管理師'],
        [user('medical@steward.demo'), 'member', '職業醫學科醫師'],
        [user('employee@steward.demo'), 'employee_representative', '勞工代表'],
      ];
    if (spil.has(site.subsidiary_id))
      return [
        [owner, 'chair', null],
        [user('officer.spil@steward.demo'), 'secretary', null],
      ];
    return [[owner, 'chair', null]];
  };

  const y0 = Number(data.clock.slice(0, 4));
  for (const site of [null, ...data.sites]) {
    const zh = site ? writesChinese(site.country) : false;
    const t = (x: Text) => (zh ? x.zh : x.en);
    const tz = site?.time_zone ?? 'Asia/Taipei';
    const created = zonedInstant(today - 1900 - rng.int(0, 400), 10 * 60, tz).toISOString();
    const committee: Committee = {
      id: rng.uuid(),
      level: site ? 'site' : 'group',
      site_id: site?.id ?? null,
      subsidiary_id: null,
      program: 'ohs',
      name: site ? `${site.name} OHS committee` : 'Group OHS committee',
      name_zh: site ? `${site.name_zh}職業安全衛生委員會` : '集團職業安全衛生委員會',
      charter: t({
        en: 'Reviews the safety and health policy, incidents, inspections, health management and training of the workplace, and proposes improvements to the management.',
        zh: '審議安全衛生政策，檢討事故、巡檢、健康管理與教育訓練，並向管理階層提出改善建議。',
      }),
      frequency: 'quarterly',
      quorum_percent: 50,
      created_at: created,
      created_by: admin,
    };
    out.committees.push(committee);
    const seats = membersOf(site).filter((m): m is [string, Member['role'], string | null] => !!m[0]);
    for (const [userId, role, title] of seats)
      out.members.push({
        id: rng.uuid(),
        committee_id: committee.id,
        site_id: committee.site_id,
        user_id: userId,
        role,
        title,
        created_at: created,
      });
    const chair = seats.find((s) => s[1] === 'chair')?.[0] ?? null;
    const secretary = seats.find((s) => s[1] === 'secretary')?.[0] ?? chair;

    // The quarters: the last eight held, the next one planned.
    const dayOfMonth = 10 + rng.int(0, 12);
    const quarters: { year: number; month: number }[] = [];
    for (let year = y0 - 2; year <= y0 + 1; year++)
      for (const month of QUARTER_MONTHS) quarters.push({ year, month });
    const dayOf = (q: { year: number; month: number }) =>
      dayNumber(`${q.year}-${String(q.month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`);
    const past = quarters.filter((q) => dayOf(q) < today).slice(-HISTORY_QUARTERS);
    const next = quarters.find((q) => dayOf(q) >= today);
    for (const q of [...past, ...(next ? [next] : [])]) {
      const day = dayOf(q);
      const held = day < today;
      const start = zonedInstant(day, 14 * 60, tz);
      const quarter = QUARTER_MONTHS.indexOf(q.month) + 1;
      const meeting: Meeting = {
        id: rng.uuid(),
        committee_id: committee.id,
        site_id: committee.site_id,
        title: zh
          ? `${q.year}年第${quarter}季職業安全衛生委員會會議`
          : `OHS committee meeting, Q${quarter} ${q.year}`,
        scheduled_at: start.toISOString(),
        duration_minutes: 90,
        time_zone: tz,
        location: t({ en: 'Conference room, administration building', zh: '行政大樓第一會議室' }),
        status: held ? 'minutes_approved' : 'planned',
        minutes: null,
        held_at: held ? new Date(start.getTime() + 90 * 60_000).toISOString() : null,
        minutes_approved_at: null,
        minutes_approved_by: null,
        created_at: zonedInstant(day - 30, 9 * 60, tz).toISOString(),
        created_by: secretary,
        updated_at: zonedInstant(day - 30, 9 * 60, tz).toISOString(),
      };
      out.meetings.push(meeting);
      const agenda = [AGENDA[0], AGENDA[1], AGENDA[2], rng.pick(AGENDA.slice(3))];
      agenda.forEach((a, i) => {
        out.agenda.push({
          id: rng.uuid(),
          meeting_id: meeting.id,
          site_id: meeting.site_id,
          position: i + 1,
          title: t(a),
          presenter_id: i === 0 ? chair : secretary,
          duration_minutes: i === 0 ? 15 : 25,
        });
      });
      let present = 0;
      for (const [userId, role] of seats) {
        const status = !held ? null : role === 'chair' || rng.chance(0.9) ? 'present' : 'excused';
        if (status === 'present') present++;
        out.attendance.push({
          meeting_id: meeting.id,
          user_id: userId,
          site_id: meeting.site_id,
          committee_role: role,
          status,
        });
      }
      if (!held) continue;
      const pool = [...DECISIONS];
      const chosen = Array.from(
        { length: rng.int(2, 3) },
        () => pool.splice(rng.int(0, pool.length - 1), 1)[0],
      );
      const after = new Date(start.getTime() + 80 * 60_000);
      chosen.forEach((d, i) => {
        let actionId: string | null = null;
        if (d.kind && chair) {
          const age = today - day;
          const due = age > 60 ? day + rng.int(30, 60) : today + rng.int(20, 70);
          const status: ActionRow['status'] =
            age > 60 ? (rng.chance(0.6) ? 'verified' : 'done') : rng.chance(0.5) ? 'in_progress' : 'open';
          const doneDay = age > 60 ? Math.min(today - 5, due - rng.int(0, 20)) : null;
          const verifiedDay =
            status === 'verified' && doneDay !== null ? Math.min(today - 2, doneDay + 7) : null;
          const owner = secretary ?? chair;
          const action: ActionRow = {
            id: rng.uuid(),
            site_id: meeting.site_id,
            program: 'ohs',
            kind: d.kind,
            title: t(d),
            description: null,
            description_key: 'platform.action.fromDecision',
            description_params: {
              seq: i + 1,
              committee: zh ? committee.name_zh : committee.name,
              meeting: meeting.title,
              date: isoDate(day),
              text: t(d),
            },
            source_type: 'meeting',
            source_id: meeting.id,
            owner_id: owner,
            due_date: isoDate(due),
            status,
            done_at: doneDay === null ? null : zonedInstant(doneDay, 16 * 60, tz).toISOString(),
            verified_at: verifiedDay === null ? null : zonedInstant(verifiedDay, 11 * 60, tz).toISOString(),
            verified_by: verifiedDay === null ? null : chair,
            effectiveness_note:
              verifiedDay === null
                ? null
                : t({
                    en: 'Checked at the next inspection: in place.',
                    zh: '於下次巡檢確認已落實。',
                  }),
            created_at: after.toISOString(),
          };
          out.actions.push(action);
          actionId = action.id;
          out.obligations.push({
            id: rng.uuid(),
            kind: 'action.due',
            source_type: 'action',
            source_id: action.id,
            site_id: action.site_id,
            program: 'ohs',
            owner_id: owner,
            title: null,
            title_key: 'platform.action.due',
            title_params: { title: action.title },
            due_date: action.due_date,
            due_at: null,
            state: doneDay === null ? 'open' : 'done',
            done_at: action.done_at,
            created_at: action.created_at,
          });
        }
        out.decisions.push({
          id: rng.uuid(),
          meeting_id: meeting.id,
          site_id: meeting.site_id,
          seq: i + 1,
          text: t(d),
          action_id: actionId,
          created_at: after.toISOString(),
          created_by: secretary,
        });
      });
      const approved = zonedInstant(Math.min(today - 1, day + rng.int(5, 14)), 10 * 60, tz);
      meeting.minutes = (zh ? MINUTES.zh : MINUTES.en)(present, seats.length, chosen.map(t));
      meeting.minutes_approved_at = approved.toISOString();
      meeting.minutes_approved_by = chair;
      meeting.updated_at = approved.toISOString();
    }
  }
  return out;
}

/** The meetings tables in load order (the actions go with the OHS ones, before the decisions). */
export function committeeTables(c: CommitteeDataset): TableRows[] {
  return [
    { table: 'committees', rows: c.committees },
    { table: 'committee_members', rows: c.members },
    { table: 'meetings', rows: c.meetings },
    { table: 'meeting_agenda_items', rows: c.agenda },
    { table: 'meeting_attendance', rows: c.attendance },
    { table: 'actions', rows: c.actions },
    { table: 'meeting_decisions', rows: c.decisions },
    { table: 'obligations', rows: c.obligations },
  ];
}
