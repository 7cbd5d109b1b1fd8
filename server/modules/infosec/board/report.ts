import type { BoardSectionOutcome } from '#shared/modules/infosec/board/contract.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import type { Block, ReportDefinition, ReportLocale } from '../../../platform/reports/definition.ts';
import type { Words } from './section.ts';

const words: Words<{ title: (y: number) => string; subtitle: string; notComputed: string; figure: string }> =
  {
    en: {
      title: (y) => `Information security ${y}`,
      subtitle: 'Status report to the Board of Directors',
      notComputed: 'not computed',
      figure: 'Figure',
    },
    'zh-TW': {
      title: (y) => `${y} 年資訊安全執行情形`,
      subtitle: '向董事會報告',
      notComputed: '無法計算',
      figure: '項目',
    },
  };

/** A section's blocks: its figures, the words for those it cannot give, and what they count. */
function sectionBlocks(s: BoardSectionOutcome, locale: ReportLocale): Block[] {
  const given = s.figures.filter((f) => f.value !== null);
  const blocks: Block[] = [];
  if (given.length > 0)
    blocks.push({
      kind: 'figures',
      figures: given.map((f) => ({
        label: f.label,
        value: f.value as number,
        unit: f.unit,
        decimals: f.decimals,
        format: f.decimals ? 'decimal' : 'integer',
      })),
    });
  for (const f of s.figures)
    if (f.value === null)
      blocks.push({
        kind: 'paragraph',
        text: `${f.label}: ${f.missing ?? words[locale].notComputed}`,
      });
  for (const note of s.notes) blocks.push({ kind: 'paragraph', text: note });
  return blocks;
}

/** The yearly information security report to the Board as a report definition (PDF and XLSX by the kit). */
export function infosecBoardReport(
  d: { year: number; sections: BoardSectionOutcome[] },
  o: { locale: ReportLocale; generatedAt: Date; author?: string },
): ReportDefinition {
  const w = words[o.locale];
  return {
    title: w.title(d.year),
    subtitle: w.subtitle,
    locale: o.locale,
    generatedAt: o.generatedAt,
    timeZone: GROUP_TIME_ZONE,
    author: o.author,
    sections: d.sections.map((s) => ({ heading: s.heading, blocks: sectionBlocks(s, o.locale) })),
  };
}
