import type { CertificationView } from '#shared/platform/certifications/contract.ts';
import { everyItem } from '#shared/platform/http/list.ts';
import { scopeIsEmpty, sitesWith } from '../../../../platform/access/actor.ts';
import { type BoardSection, figure, missing, type Words, withheld } from '../section.ts';

const words: Words<{
  heading: string;
  what: string;
  counted: (day: string) => string;
  sites: (n: number) => string;
}> = {
  en: {
    heading: 'Certified sites',
    what: 'certificates',
    counted: (day) =>
      `Sites holding a certificate of each standard valid on ${day} (the year's last day, or today for the year still running), from the platform's certificate register.`,
    sites: (n) => (n === 1 ? 'site' : 'sites'),
  },
  'zh-TW': {
    heading: '取得驗證之廠區',
    what: '驗證證書',
    counted: (day) =>
      `依平台驗證證書登錄，於 ${day}（年度最後一日；進行中之年度為今日）持有各標準有效證書之廠區數。`,
    sites: () => '廠區',
  },
};

/** Sites certified per standard of the program, on the year's last day, from the certificate register. */
export const certifiedSitesSection: BoardSection = {
  key: 'certified_sites',
  async build(ctx) {
    const w = words[ctx.locale];
    const yearEnd = `${ctx.year}-12-31`;
    const day = yearEnd < ctx.today ? yearEnd : ctx.today;
    const out = { key: this.key, heading: w.heading, notes: [w.counted(day)] };
    if (scopeIsEmpty(sitesWith(ctx.actor, 'certifications.read'))) {
      const why = withheld[ctx.locale](w.what);
      return { ...out, figures: ctx.standards.map((s) => missing(s, s, why)) };
    }
    const figures = [];
    for (const standard of ctx.standards) {
      const held: CertificationView[] = await everyItem((at) =>
        ctx.certifications.list(ctx.actor, {
          standard,
          includeSuperseded: 'true',
          ...at,
          sort: 'site',
          order: 'asc',
        }),
      );
      const sites = new Set(
        held
          .filter((c) => c.standard === standard && c.siteId && c.issuedOn <= day && c.validUntil >= day)
          .map((c) => c.siteId),
      );
      figures.push(figure(standard, standard, sites.size, { unit: w.sites(sites.size) }));
    }
    return { ...out, figures };
  },
};
