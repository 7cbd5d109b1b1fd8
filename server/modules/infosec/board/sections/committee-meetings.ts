import { everyItem } from '#shared/platform/http/list.ts';
import { scopeIsEmpty, sitesWith } from '../../../../platform/access/actor.ts';
import { type BoardSection, figure, missing, type Words, withheld } from '../section.ts';

const words: Words<{
  heading: string;
  meetings: string;
  what: string;
  noCommittee: string;
  counted: string;
}> = {
  en: {
    heading: 'Information Security Management Committee',
    meetings: 'Committee meetings held',
    what: 'committee meetings',
    noCommittee: 'Cannot be counted: no committee of the information security program is registered.',
    counted:
      "Counted from the meetings of the program's committees (platform committees) held in the year, minuted or not; planned and cancelled ones are not counted.",
  },
  'zh-TW': {
    heading: '資訊安全管理委員會',
    meetings: '委員會會議召開次數',
    what: '委員會會議',
    noCommittee: '無法計算：尚未登錄資訊安全計畫之委員會。',
    counted: '依本年度已召開之本計畫委員會會議（平台委員會）計算，不論會議紀錄是否核定；規劃中及取消者不計。',
  },
};

/** The year's meetings held by the program's committees (the Information Security Management Committee). */
export const committeeMeetingsSection: BoardSection = {
  key: 'committee_meetings',
  async build(ctx) {
    const w = words[ctx.locale];
    const out = { key: this.key, heading: w.heading, notes: [w.counted] };
    if (scopeIsEmpty(sitesWith(ctx.actor, 'meetings.read')))
      return { ...out, figures: [missing('meetings', w.meetings, withheld[ctx.locale](w.what))] };
    const committees = await ctx.meetings.listCommittees(ctx.actor, {
      program: 'infosec',
      page: 1,
      pageSize: 1,
      sort: 'name',
      order: 'asc',
    });
    if (committees.items.length === 0)
      return { ...out, figures: [missing('meetings', w.meetings, w.noCommittee)] };
    const meetings = await everyItem((at) =>
      ctx.meetings.listMeetings(ctx.actor, {
        program: 'infosec',
        from: `${ctx.year}-01-01`,
        to: `${ctx.year}-12-31`,
        ...at,
        sort: 'scheduledAt',
        order: 'asc',
      }),
    );
    const held = meetings.filter((m) => m.status === 'held' || m.status === 'minutes_approved').length;
    return { ...out, figures: [figure('meetings', w.meetings, held)] };
  },
};
