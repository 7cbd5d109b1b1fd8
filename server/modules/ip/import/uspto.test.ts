import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { equalShares, grantRow } from './service.ts';
import { kindOfCode, plainNumber, readUsptoGrants } from './uspto.ts';

/**
 * The USPTO's own sample grants (reference/uspto-samples, public domain): each value below is read off the
 * file's us-bibliographic-data-grant by eye.
 */
const sample = (file: string) =>
  readFileSync(new URL(`../../../../reference/uspto-samples/${file}`, import.meta.url), 'utf8');

describe('USPTO grant XML', () => {
  it('reads US 7,272,630 B2 (DTD v4.2 of 2006: inventors as applicant-inventors, a division)', () => {
    const [g, ...rest] = readUsptoGrants(sample('US07272630B2.xml'));
    expect(rest).toEqual([]);
    expect(g).toEqual({
      patentNo: '7272630',
      kindCode: 'B2',
      kind: 'invention',
      grantDate: '2007-09-18',
      applicationNo: '10991571',
      filingDate: '2004-11-18',
      applicationType: 'utility',
      title:
        'Locating potentially identical objects across multiple computers based on stochastic partitioning of workload',
      termAdjustmentDays: 36,
      claims: 17,
      ipcClasses: ['G06F 15/13'],
      cpcClasses: [],
      publicationNo: '20050097148',
      publicationDate: '2005-05-05',
      related: [{ relation: 'division', country: 'US', applicationNo: '09876376', date: '2001-06-06' }],
      priorityDate: '2001-06-06',
      termFrom: '2001-06-06',
      citations: 116,
      inventors: [
        { givenName: 'John R.', familyName: 'Douceur' },
        { givenName: 'Marvin M.', familyName: 'Theimer' },
        { givenName: 'Atul', familyName: 'Adya' },
        { givenName: 'William J.', familyName: 'Bolosky' },
      ],
    });
  });

  it('reads US 8,926,509 (DTD v4.5: a provisional, 605 days of term adjustment, CPC without repeats)', () => {
    const [g] = readUsptoGrants(sample('US08926509.xml'));
    expect(g).toMatchObject({
      patentNo: '8926509',
      kindCode: 'B2',
      grantDate: '2015-01-06',
      applicationNo: '12134151',
      filingDate: '2008-06-05',
      title: 'Wireless physiological sensor patches and systems',
      termAdjustmentDays: 605,
      claims: 31,
      publicationNo: '20090054737',
      publicationDate: '2009-02-26',
      related: [{ relation: 'provisional', country: 'US', applicationNo: '60968023', date: '2007-08-24' }],
      priorityDate: '2007-08-24',
      // A provisional does not move the term (35 U.S.C. 154(a)(3)).
      termFrom: null,
      citations: 160,
    });
    expect(g.ipcClasses).toEqual([
      'A61B 5/00',
      'A61B 5/0205',
      'A61B 5/0404',
      'A61B 5/11',
      'H04L 29/08',
      'G06F 19/00',
      'H04W 88/00',
      'H04W 52/00',
      'H04W 84/00',
      'A61B 5/021',
      'A61B 5/024',
      'A61B 5/0476',
      'A61B 5/0488',
      'A61B 5/145',
    ]);
    // The main CPC first; A61B 5/0024, printed six times among the further ones, once.
    expect(g.cpcClasses).toEqual([
      'A61B 5/0205',
      'A61B 5/0024',
      'A61B 5/0404',
      'A61B 5/1112',
      'A61B 5/6833',
      'G06F 19/3418',
      'H04L 67/125',
      'H04L 67/04',
      'A61B 5/021',
      'A61B 5/02438',
      'A61B 5/0476',
      'A61B 5/0488',
      'A61B 5/14532',
      'A61B 5/7232',
      'A61B 2560/0209',
    ]);
    expect(g.inventors.map((i) => `${i.givenName} ${i.familyName}`)).toEqual([
      'Surendar Magar',
      'Venkateswara Rao Sattiraju',
      'Ali Niknejad',
      'Louis Yun',
      'James C. Beck',
    ]);
  });

  it('reads US 8,927,118 (two continuations and a Japanese priority; no term adjustment printed)', () => {
    const [g] = readUsptoGrants(sample('US08927118.xml'));
    expect(g).toMatchObject({
      patentNo: '8927118',
      grantDate: '2015-01-06',
      applicationNo: '13349377',
      filingDate: '2012-01-12',
      termAdjustmentDays: 0,
      claims: 45,
      publicationNo: '20120104943',
      publicationDate: '2012-05-03',
      priorityDate: '2008-06-05',
      // The first parent's filing, not the Japanese priority (35 U.S.C. 154(a)(2), (3)).
      termFrom: '2008-10-17',
      citations: 104,
    });
    expect(g.related).toEqual([
      { relation: 'continuation', country: 'US', applicationNo: '13173486', date: '2011-06-30' },
      { relation: 'continuation', country: 'US', applicationNo: '12253586', date: '2008-10-17' },
      { relation: 'foreign_priority', country: 'JP', applicationNo: '2008-148514', date: '2008-06-05' },
    ]);
    expect(g.cpcClasses[0]).toBe('C07D 493/04');
    expect(g.cpcClasses).toHaveLength(14);
    expect(g.ipcClasses).toEqual([
      'H05B 33/14',
      'C07D 495/04',
      'C07D 307/91',
      'C07D 487/04',
      'C07D 493/04',
      'C07D 519/00',
      'C09K 11/06',
      'H01L 51/00',
      'H01L 51/50',
    ]);
    expect(g.inventors.map((i) => i.familyName)).toEqual([
      'Kato',
      'Numata',
      'Nishimura',
      'Iwakuma',
      'Hosokawa',
    ]);
  });

  it('reads US 8,930,553 (no related filings)', () => {
    const [g] = readUsptoGrants(sample('US08930553.xml'));
    expect(g).toMatchObject({
      patentNo: '8930553',
      kindCode: 'B2',
      grantDate: '2015-01-06',
      applicationNo: '13648029',
      filingDate: '2012-10-09',
      title: 'Managing mid-dialog session initiation protocol (SIP) messages',
      termAdjustmentDays: 129,
      claims: 8,
      ipcClasses: ['G06F 15/16'],
      cpcClasses: [],
      publicationNo: '20140101323',
      publicationDate: '2014-04-10',
      related: [],
      priorityDate: null,
      termFrom: null,
      citations: 21,
    });
    expect(g.inventors).toEqual([
      { givenName: 'Nitzan', familyName: 'Nissim' },
      { givenName: 'Brian', familyName: 'Pulito' },
      { givenName: 'Asaf', familyName: 'Zinger' },
    ]);
  });

  it('reads the grants of a file that concatenates documents, as the weekly files do', () => {
    const both = sample('US08930553.xml') + sample('US07272630B2.xml');
    expect(readUsptoGrants(both).map((g) => g.patentNo)).toEqual(['8930553', '7272630']);
  });

  it('refuses a document that is not a grant, and text that is not XML', () => {
    expect(() => readUsptoGrants('<?xml version="1.0"?><catalog/>')).toThrow(/not <us-patent-grant>/);
    expect(() => readUsptoGrants('')).toThrow(/no <us-patent-grant>/);
    expect(() => readUsptoGrants('<?xml version="1.0"?><us-patent-grant><x></us-patent-grant>')).toThrow(
      /well-formed|us-bibliographic/,
    );
  });

  it('maps WIPO ST.16 kind codes of US grants to kinds, and prints numbers without padding', () => {
    expect(['B1', 'B2', 'E', 'S', 'P2', 'P3', 'H'].map(kindOfCode)).toEqual([
      'invention',
      'invention',
      'invention',
      'design',
      null,
      null,
      null,
    ]);
    expect([plainNumber('08930553'), plainNumber('D0712345'), plainNumber('RE045678')]).toEqual([
      '8930553',
      'D712345',
      'RE45678',
    ]);
  });

  it('gives found inventors equal whole shares and leaves the others off the row', () => {
    expect(equalShares(3)).toEqual([34, 33, 33]);
    expect(equalShares(4)).toEqual([25, 25, 25, 25]);
    const [g] = readUsptoGrants(sample('US08930553.xml'));
    const employee = (no: string) => ({
      id: no,
      siteId: 's',
      employeeNo: no,
      fullName: no,
      email: null,
      hireDate: '2010-01-01',
    });
    const row = grantRow(g, { siteCode: 'K7', technology: 'other' }, [
      { name: 'Nitzan Nissim', employee: employee('E1'), ambiguous: false },
      { name: 'Brian Pulito', employee: null, ambiguous: false },
      { name: 'Asaf Zinger', employee: employee('E3'), ambiguous: false },
    ]);
    expect(row).toMatchObject({
      family_reference: 'US8930553',
      inventors: 'E1:50; E3:50',
      office: 'US',
      kind: 'invention',
      application_no: '13648029',
      filing_date: '2012-10-09',
      patent_no: '8930553',
      grant_date: '2015-01-06',
      status: 'granted',
      term_adjustment_days: '129',
      claims: '8',
      ipc_classes: 'G06F 15/16',
      backward_citations: '21',
    });
  });
});
