import { describe, expect, it } from 'vitest';
import { boardReportDefinition, boardSectionBlocks } from './board.ts';

describe('a Board report section as report blocks', () => {
  const section = {
    key: 'contribution',
    heading: "The year's contribution",
    figures: [
      { key: 'total_usd', label: 'Total contribution (US$)', value: 1250.5, decimals: 2 },
      {
        key: 'total_twd',
        label: 'Total contribution (NT$)',
        value: null,
        missing: 'No TWD rate on 2022-03-01.',
      },
    ],
    tables: [
      {
        key: 'by_country',
        title: 'By country',
        columns: [
          { header: 'Country', format: 'text' as const },
          { header: 'US$', format: 'decimal' as const, decimals: 2 },
        ],
        rows: [['Taiwan', 1250.5]],
        emptyText: 'No payment.',
      },
    ],
    notes: ['Every payment of the year.'],
  };

  it('gives the figures, the words for the missing one in place of a number, the tables and the notes', () => {
    expect(boardSectionBlocks(section, 'en')).toEqual([
      {
        kind: 'figures',
        figures: [
          {
            label: 'Total contribution (US$)',
            value: 1250.5,
            unit: undefined,
            decimals: 2,
            format: 'decimal',
          },
        ],
      },
      { kind: 'paragraph', text: 'Total contribution (NT$): No TWD rate on 2022-03-01.' },
      {
        kind: 'table',
        title: 'By country',
        columns: [
          { header: 'Country', format: 'text', decimals: undefined },
          { header: 'US$', format: 'decimal', decimals: 2 },
        ],
        rows: [['Taiwan', 1250.5]],
        emptyText: 'No payment.',
      },
      { kind: 'paragraph', text: 'Every payment of the year.' },
    ]);
  });

  it('renders to PDF and XLSX through the kit', async () => {
    const def = boardReportDefinition(
      { title: 'Report 2022', subtitle: 'To the Board', sections: [section] },
      { locale: 'zh-TW', generatedAt: new Date('2026-12-05T00:00:00Z'), timeZone: 'Asia/Taipei' },
    );
    const { renderPdf } = await import('./pdf.ts');
    const { renderXlsx } = await import('./xlsx.ts');
    expect((await renderPdf(def)).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await renderXlsx(def)).subarray(0, 2).toString()).toBe('PK');
  });
});
