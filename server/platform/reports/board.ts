import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import type { BoardFigure, BoardSectionOutcome } from '#shared/platform/reports/board.ts';
import type { Actor } from '../access/actor.ts';
import type { Block, ReportDefinition, ReportLocale } from './definition.ts';

/**
 * The parts every program's yearly Board report shares: a section in a file of its own computes its figures
 * from rows through the program's services, in the reader's scope, and says in words what it cannot compute;
 * the report turns the sections into a definition the kit renders to PDF and XLSX.
 */
export type BoardSection<Context> = {
  key: string;
  build(ctx: Context): Promise<BoardSectionOutcome>;
};

/** What every program's Board context holds: the reader (in the report's language), the year and language. */
export type BoardContextBase = { actor: Actor; year: number; locale: ReportLocale };

/** Words in both languages; a section keeps its own. */
export type Words<T> = Record<ReportLocale, T>;

export const figure = (key: string, label: string, value: number, extra: Partial<BoardFigure> = {}) => ({
  key,
  label,
  value,
  ...extra,
});

export const missing = (key: string, label: string, why: string): BoardFigure => ({
  key,
  label,
  value: null,
  missing: why,
});

/** The shared reasons a figure cannot be given. */
export const withheld: Words<(what: string) => string> = {
  en: (what) => `Withheld: your access does not include ${what}.`,
  'zh-TW': (what) => `不予顯示：您的權限不包含${what}。`,
};

const notComputed: Words<string> = { en: 'not computed', 'zh-TW': '無法計算' };

/** A section's blocks: its figures, the words for those it cannot give, its tables, and what they count. */
export function boardSectionBlocks(s: BoardSectionOutcome, locale: ReportLocale): Block[] {
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
      blocks.push({ kind: 'paragraph', text: `${f.label}: ${f.missing ?? notComputed[locale]}` });
  for (const t of s.tables ?? [])
    blocks.push({
      kind: 'table',
      title: t.title,
      columns: t.columns.map((c) => ({ header: c.header, format: c.format, decimals: c.decimals })),
      rows: t.rows,
      emptyText: t.emptyText,
    });
  for (const note of s.notes) blocks.push({ kind: 'paragraph', text: note });
  return blocks;
}

/** A program's yearly Board report as a report definition (PDF and XLSX by the kit). */
export function boardReportDefinition(
  d: { title: string; subtitle: string; sections: BoardSectionOutcome[] },
  o: { locale: ReportLocale; generatedAt: Date; timeZone?: string; author?: string },
): ReportDefinition {
  return {
    title: d.title,
    subtitle: d.subtitle,
    locale: o.locale,
    generatedAt: o.generatedAt,
    // The group's zone unless the program reads its year in another.
    timeZone: o.timeZone ?? GROUP_TIME_ZONE,
    author: o.author,
    sections: d.sections.map((s) => ({ heading: s.heading, blocks: boardSectionBlocks(s, o.locale) })),
  };
}
