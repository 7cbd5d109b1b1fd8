import { describe, expect, it } from 'vitest';
import { classSymbol } from '#shared/modules/ip/rules/classes.ts';
import { readInventors, readMatterRow } from './columns.ts';

const row = (cells: Record<string, string>) => ({
  family_reference: 'FAM-1',
  office: 'TW',
  kind: 'invention',
  application_no: '108117401',
  filing_date: '2019-05-20',
  status: 'filed',
  ...cells,
});

describe('a row of the patent matters import', () => {
  it('reads codes and their words in English or Chinese', () => {
    const read = readMatterRow(
      row({
        office: 'United States',
        kind: '新型',
        status: 'Under examination',
        technology: 'Fan-out',
        green: '是',
        entity_size: 'Small',
        claims: '1,020',
      }),
    );
    expect(read).toEqual({
      errors: [{ column: 'claims', message: 'A whole number up to 1000' }],
    });
    const ok = readMatterRow(
      row({
        office: 'United States',
        kind: '新型',
        status: 'Under examination',
        technology: 'Fan-out',
        green: '是',
      }),
    );
    expect(ok).toMatchObject({
      row: {
        reference: 'FAM-1',
        family: { technology: 'fan_out', green: true, siteCode: null, title: null, inventors: null },
        matter: { office: 'US', kind: 'utility_model', status: 'under_examination', route: 'direct' },
      },
    });
  });

  it('reads where a European patent took effect: state codes (UK for GB) once each, and unitary effect', () => {
    const read = readMatterRow(
      row({ office: 'EP', validation_states: 'de, FR; uk  GB、NL', unitary_effect: 'Yes' }),
    );
    expect(read).toMatchObject({
      row: { matter: { validationStates: ['DE', 'FR', 'GB', 'NL'], unitaryEffect: true } },
    });
    expect(readMatterRow(row({}))).toMatchObject({
      row: { matter: { validationStates: [], unitaryEffect: false } },
    });
    expect(
      readMatterRow(row({ office: 'EP', validation_states: 'DE, XX, US', unitary_effect: 'maybe' })),
    ).toEqual({
      errors: [
        {
          column: 'validation_states',
          message: 'Not a state where a European patent takes effect: XX, US',
        },
        { column: 'unitary_effect', message: 'Yes or no' },
      ],
    });
  });

  it('names each wrong cell by its column', () => {
    const read = readMatterRow(
      row({
        office: 'Mars',
        kind: 'utility',
        filing_date: '2019-02-30',
        status: '',
        ipc_classes: 'H01L; G06F 15/16',
      }),
    );
    expect(read).toEqual({
      errors: [
        { column: 'office', message: 'One of TW, US, CN, EP, JP, KR, WO, OTHER' },
        { column: 'kind', message: 'Invention, utility model or design' },
        { column: 'status', message: 'Required' },
        { column: 'filing_date', message: 'Use a real date as YYYY-MM-DD' },
        { column: 'ipc_classes', message: 'Not a class such as H01L 23/31: "H01L"' },
      ],
    });
  });

  it('reads inventors as employee number and share adding up to 100', () => {
    expect(readInventors('K7-0002:60; K7-0003:40')).toEqual([
      { employeeNo: 'K7-0002', share: 60 },
      { employeeNo: 'K7-0003', share: 40 },
    ]);
    expect(readInventors('K7-0002')).toEqual([{ employeeNo: 'K7-0002', share: 100 }]);
    expect(readInventors('K7-0002:60; K7-0003:30')).toBe('The shares add up to 90%, not 100%');
    expect(readInventors('K7-0002; K7-0003')).toBe('Give the share of K7-0002 (employee number:share)');
  });

  it('prints classes as the offices do (WIPO ST.8)', () => {
    expect(
      ['h01l23/31', 'H01L 0023/31', 'H01L  2224 / 48091', 'Y02E 10/50', 'H01L 23/3'].map(classSymbol),
    ).toEqual(['H01L 23/31', 'H01L 23/31', 'H01L 2224/48091', 'Y02E 10/50', null]);
  });
});
