import { describe, expect, it } from 'vitest';
import { type BoardReportData, ohsBoardReport } from './board-report.ts';

const data: BoardReportData = {
  year: 2026,
  rounding: 'truncate',
  group: null,
  previous: null,
  toDate: null,
  bySubsidiary: [],
  bySite: [],
  monthly: [],
  health: null,
  wellbeing: [],
  certificates: null,
  goals: [
    { title: 'Screen everyone', target: '≥ 95', actual: null, actualOf: 'withheld', met: null },
    { title: 'Group FR', target: '≤ 0.40', actual: '0.00', actualOf: 'reader_sites', met: null },
  ],
  investigations: { open: 0, closed: 0 },
};

describe('the OHS Board report says what it withholds', () => {
  it('writes the words in place of the health figures and the certificates, never zeros', () => {
    for (const locale of ['en', 'zh-TW'] as const) {
      const def = ohsBoardReport(data, { locale, generatedAt: new Date('2026-12-04T00:00:00Z') });
      const health = def.sections.find(
        (s) => s.heading === (locale === 'en' ? 'Health and wellbeing' : '健康與福祉'),
      );
      expect(health?.blocks[0]).toEqual({
        kind: 'paragraph',
        text:
          locale === 'en'
            ? 'Withheld: your access does not include health figures.'
            : '不予顯示：您的權限不包含健康數據。',
      });
      expect(health?.blocks.some((b) => b.kind === 'figures')).toBe(false);
      const certificates = def.sections.find((s) => s.heading.includes('ISO 45001'));
      expect(certificates?.blocks).toEqual([
        {
          kind: 'paragraph',
          text:
            locale === 'en'
              ? 'Withheld: your access does not include certificates.'
              : '不予顯示：您的權限不包含驗證證書。',
        },
      ]);
    }
  });

  it("labels a goal's figure withheld, or as the reader's sites' only", () => {
    const def = ohsBoardReport(data, { locale: 'en', generatedAt: new Date('2026-12-04T00:00:00Z') });
    const goals = def.sections.find((s) => s.heading === 'Goals')?.blocks[0];
    expect(goals?.kind).toBe('table');
    const rows = goals?.kind === 'table' ? (goals.rows as unknown[][]) : [];
    expect(rows.map((r) => r[2])).toEqual(['withheld', '0.00 (your sites only, not the group)']);
  });
});
