import type { CertificationView } from '#shared/platform/certifications/contract.ts';
import { everyItem } from '#shared/platform/http/list.ts';
import { scopeIsEmpty, sitesWith } from '../../../../platform/access/actor.ts';
import { figure, missing, type Words, withheld } from '../../../../platform/reports/board.ts';
import type { IpBoardSection } from '../section.ts';

/** The Taiwan Intellectual Property Management System, the standard the IP program owns (its manifest). */
const STANDARD = 'TIPS';

const words: Words<{
  heading: string;
  what: string;
  held: string;
  renewed: string;
  holders: (n: number) => string;
  counted: (day: string) => string;
  line: (holder: string, no: string, from: string, until: string) => string;
  renewal: (holder: string, from: string, until: string) => string;
}> = {
  en: {
    heading: 'TIPS certification',
    what: 'certificates',
    held: 'Holders of a valid TIPS certificate',
    renewed: 'Of them, renewed for the next term',
    holders: (n) => (n === 1 ? 'holder' : 'holders'),
    counted: (day) =>
      `Taiwan Intellectual Property Management System (TIPS) certificates valid on ${day} (the year's last day, or today for the year still running), from the platform's certificate register.`,
    line: (holder, no, from, until) => `${holder}: certificate ${no}, valid from ${from} to ${until}.`,
    renewal: (holder, from, until) => `${holder}: renewed for the term from ${from} to ${until}.`,
  },
  'zh-TW': {
    heading: 'TIPS 驗證',
    what: '驗證證書',
    held: '持有有效 TIPS 證書者',
    renewed: '其中已續證下一期者',
    holders: () => '家',
    counted: (day) =>
      `依平台驗證證書登錄，於 ${day}（年度最後一日；進行中之年度為今日）有效之台灣智慧財產管理制度（TIPS）證書。`,
    line: (holder, no, from, until) => `${holder}：證書 ${no}，有效期間 ${from} 至 ${until}。`,
    renewal: (holder, from, until) => `${holder}：已續證，新一期自 ${from} 至 ${until}。`,
  },
};

/**
 * The TIPS certificates valid on the year's last day, holder by holder, and whether each was renewed for the
 * next term, from the platform's certificate register in the reader's scope.
 */
export const certificationSection: IpBoardSection = {
  key: 'tips',
  async build(ctx) {
    const w = words[ctx.locale];
    const day = ctx.asOf;
    const out = { key: this.key, heading: w.heading };
    if (scopeIsEmpty(sitesWith(ctx.actor, 'certifications.read'))) {
      const why = withheld[ctx.locale](w.what);
      return {
        ...out,
        figures: [missing('held', w.held, why), missing('renewed', w.renewed, why)],
        notes: [],
      };
    }
    const all: CertificationView[] = await everyItem((at) =>
      ctx.certifications.list(ctx.actor, {
        standard: STANDARD,
        includeSuperseded: 'true',
        ...at,
        sort: 'validUntil',
        order: 'asc',
      }),
    );
    const valid = all.filter((c) => c.issuedOn <= day && c.validUntil >= day);
    const holder = (c: CertificationView) => c.siteCode ?? c.subsidiaryCode ?? '';
    const notes = [w.counted(day)];
    let renewed = 0;
    for (const c of valid) {
      notes.push(w.line(holder(c), c.certificateNo ?? '—', c.issuedOn, c.validUntil));
      const next = all.find((n) => n.previousId === c.id);
      if (next) {
        renewed++;
        notes.push(w.renewal(holder(c), next.issuedOn, next.validUntil));
      }
    }
    return {
      ...out,
      figures: [
        figure('held', w.held, valid.length, { unit: w.holders(valid.length) }),
        figure('renewed', w.renewed, renewed, { unit: w.holders(renewed) }),
      ],
      notes,
    };
  },
};
