import { describe, expect, it } from 'vitest';
import { infosecBoardReport } from './report.ts';

describe('the information security Board report says what it cannot compute', () => {
  it('writes the words in place of a figure it cannot give, never a number', () => {
    const def = infosecBoardReport(
      {
        year: 2023,
        sections: [
          {
            key: 'material_incidents',
            heading: 'Material incidents',
            figures: [
              { key: 'material', label: 'Material security incidents', value: null, missing: '3 undecided' },
              { key: 'incidents', label: 'Security incidents of the year', value: 12 },
            ],
            notes: ['Counted from decisions.'],
          },
        ],
      },
      { locale: 'en', generatedAt: new Date('2026-12-05T00:00:00Z') },
    );
    const blocks = def.sections[0].blocks;
    expect(blocks[0]).toEqual({
      kind: 'figures',
      figures: [
        {
          label: 'Security incidents of the year',
          value: 12,
          unit: undefined,
          decimals: undefined,
          format: 'integer',
        },
      ],
    });
    expect(blocks[1]).toEqual({
      kind: 'paragraph',
      text: 'Material security incidents: 3 undecided',
    });
    expect(def.title).toBe('Information security 2023');
  });
});
