import { describe, expect, it } from 'vitest';
import { MessageError, platformMessage, registerMessages } from '../i18n/index.ts';
import { renderActor, renderSummary, storeSummary } from './summary.ts';

registerMessages('audittest', {
  en: { 'audittest.screening': 'Screening of {{person}}: {{result}}' },
  'zh-TW': { 'audittest.screening': '{{person}} 的健康檢查：{{result}}' },
});

describe('storeSummary', () => {
  it('stores a message as its key and parameters, and typed text as typed', () => {
    expect(
      storeSummary(platformMessage('platform.audit.signInLocked', { minutes: 15, failures: 5 })),
    ).toEqual({
      summary: null,
      summaryKey: 'platform.audit.signInLocked',
      summaryParams: { minutes: 15, failures: 5 },
    });
    expect(storeSummary('The auditor postponed.')).toEqual({
      summary: 'The auditor postponed.',
      summaryKey: null,
      summaryParams: null,
    });
    expect(storeSummary(undefined)).toEqual({ summary: null, summaryKey: null, summaryParams: null });
    expect(storeSummary(platformMessage('platform.audit.quorumNoMembers'))).toMatchObject({
      summaryKey: 'platform.audit.quorumNoMembers',
      summaryParams: {},
    });
  });

  it('refuses an unknown key, or a message that misses a parameter, before anything is written', () => {
    expect(() => storeSummary({ key: 'platform.audit.noSuchThing' })).toThrow(/Unknown message key/);
    expect(() => storeSummary(platformMessage('platform.audit.signInLocked', { minutes: 15 }))).toThrow(
      /needs the parameter failures/,
    );
  });

  it('refuses a parameter named like a field the audit log never shows, in a message parameter too', () => {
    const health = new Set(['result']);
    expect(() =>
      storeSummary({ key: 'audittest.screening', params: { person: 'K7-0001', result: 'abnormal' } }, health),
    ).toThrow(MessageError);
    expect(() =>
      storeSummary(
        {
          key: 'platform.audit.importCommitted',
          params: {
            kind: { key: 'audittest.screening', params: { person: 'x', result: 'y' } },
            rows: 1,
            file: 'a.csv',
            inserted: 1,
          },
        },
        health,
      ),
    ).toThrow(/names result/);
    expect(() =>
      storeSummary({
        key: 'platform.audit.documentAttached',
        params: { file: 'a.pdf', password: 'x' },
      }),
    ).toThrow(/names password/);
  });
});

describe('renderSummary', () => {
  const row = (summary_key: string | null, summary_params: unknown, summary: string | null = null) => ({
    summary,
    summary_key,
    summary_params,
  });

  it("renders a message in the reader's language, numbers in its format", () => {
    const stored = row('platform.audit.importCommitted', {
      kind: { key: 'platform.importKind.employees' },
      rows: 12500,
      file: 'staff.xlsx',
      inserted: 300,
    });
    expect(renderSummary('en', stored)).toBe('Employees: 12,500 rows from staff.xlsx (300 new)');
    expect(renderSummary('zh-TW', stored)).toBe('員工：自 staff.xlsx 匯入 12,500 列（新增 300 列）');
  });

  it('shows typed text, and the sentence of an event written before summaries were messages, as stored', () => {
    expect(renderSummary('zh-TW', row(null, null, 'The auditor postponed.'))).toBe('The auditor postponed.');
    // Before migration 0029 a row had no key columns at all.
    expect(renderSummary('zh-TW', { summary: 'Quorum met' })).toBe('Quorum met');
    expect(renderSummary('en', row(null, null))).toBeNull();
  });

  it('shows a key no catalogue holds as stored, key and parameters, rather than failing the log', () => {
    expect(renderSummary('en', row('gone.audit.thing', { reference: 'X-1' }))).toBe(
      'gone.audit.thing {"reference":"X-1"}',
    );
    expect(renderSummary('en', row('platform.audit.signInLocked', { minutes: 15 }))).toBe(
      'platform.audit.signInLocked {"minutes":15}',
    );
  });
});

describe('renderActor', () => {
  it("names Steward itself in the reader's language, and people and older labels as recorded", () => {
    const system = { actor_id: null, actor_label: 'platform.actor.signInThrottle' };
    expect(renderActor('en', system)).toBe('Sign-in throttle');
    expect(renderActor('zh-TW', system)).toBe('登入失敗鎖定');
    expect(renderActor('zh-TW', { actor_id: null, actor_label: 'sign-in throttle' })).toBe(
      'sign-in throttle',
    );
    // A person whose name happens to read like a key is still that person.
    const person = { actor_id: '7d1c2c58-37c8-4f3e-9d6f-3d3f0f8a8a01', actor_label: 'platform.actor.system' };
    expect(renderActor('zh-TW', person)).toBe('platform.actor.system');
  });
});
