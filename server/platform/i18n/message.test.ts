import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { incidentKinds } from '#shared/modules/ohs/incidents/contract.ts';
import { injuryTypes } from '#shared/modules/ohs/injuries/contract.ts';
import { investigationStatuses } from '#shared/modules/ohs/investigations/contract.ts';
import { qualificationKinds } from '#shared/modules/ohs/qualifications/contract.ts';
import { permitStatuses, permitTypes } from '#shared/modules/ohs/rules/permits.ts';
import { controlTypes } from '#shared/modules/ohs/rules/risk.ts';
import { wellbeingKinds } from '#shared/modules/ohs/wellbeing/contract.ts';
import { actionKinds } from '#shared/platform/actions/contract.ts';
import { actionStatuses } from '#shared/platform/actions/rules/status.ts';
import { certificationStatuses } from '#shared/platform/certifications/contract.ts';
import { calendarStates } from '#shared/platform/obligations/contract.ts';
import { siteKinds } from '#shared/platform/org/contract.ts';
import { trainingResults } from '#shared/platform/training/rules/completion.ts';
import { calendarDayKinds } from '#shared/platform/workdays/contract.ts';
import { programModules } from '../../modules/index.ts';
import { registerModulePolicies } from '../../services.ts';
import { registeredKinds } from '../obligations/kinds.ts';
import {
  hasMessage,
  MessageError,
  matchingKeys,
  messageKeys,
  messageTemplate,
  registerMessages,
  renderMessage,
  renderText,
  storedText,
  storeText,
  templateParams,
} from './index.ts';

registerModulePolicies();

const root = path.resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every message key the server and the demo name in their source: in code, in migrations' SQL. */
function keysInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [/\b\w*[mM]essage\(\s*'([\w.]+)'/g, /_key = '([\w.]+)'/g, /_key: '([\w.]+)'/g];
  for (const file of [...sources(path.join(root, 'server')), ...sources(path.join(root, 'reference'))]) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns)
      for (const m of text.matchAll(pattern)) found.set(m[1], path.relative(root, file));
  }
  return found;
}

describe('message catalogue', () => {
  it('holds every key the platform and OHS write, in both languages with the same parameters', () => {
    const used = keysInSource();
    // The scan finds the keys in code, in the demo and in migrations' SQL (a broken pattern would find none).
    expect([...used.keys()]).toEqual(
      expect.arrayContaining([
        'platform.certification.renew',
        'platform.calendar.dueWithGrace',
        'platform.action.fromDecision',
        'ohs.obligation.healthReview',
        'ohs.obligation.qualificationExpiry',
        'ohs.action.fromInvestigation',
        'platform.audit.signInLocked',
        'ohs.audit.permitStep',
      ]),
    );
    expect(used.get('ohs.action.fromInvestigation')).toMatch(/migrations|demo/);
    for (const [key, file] of used) expect(hasMessage(key), `${key} (${file})`).toBe(true);
    for (const kind of qualificationKinds)
      expect(hasMessage(`ohs.qualificationKind.${kind}`), kind).toBe(true);
    for (const key of messageKeys()) {
      expect(messageTemplate('zh-TW', key), key).not.toBe('');
      expect(templateParams(messageTemplate('zh-TW', key)), key).toEqual(
        templateParams(messageTemplate('en', key)),
      );
    }
  });

  it('has a word in both languages for every code an export or report writes, and a name for every obligation kind', () => {
    const enumerations: [string, readonly string[]][] = [
      ['platform.actionStatus', actionStatuses],
      ['platform.actionKind', actionKinds],
      ['platform.program', programModules.map((m) => m.key)],
      ['platform.calendarState', calendarStates],
      ['platform.certificationStatus', certificationStatuses],
      ['platform.siteKind', siteKinds],
      ['platform.calendarDayKind', calendarDayKinds],
      ['platform.trainingResult', trainingResults],
      ['platform.yesNo', ['yes', 'no']],
      ['ohs.incidentKind', incidentKinds],
      ['ohs.investigationStatus', investigationStatuses],
      ['ohs.riskLevel', ['low', 'medium', 'high', 'critical']],
      ['ohs.controlType', controlTypes],
      ['ohs.injuryType', injuryTypes],
      ['ohs.wellbeingKind', wellbeingKinds],
      ['ohs.permitType', permitTypes],
      ['ohs.permitStatus', permitStatuses],
    ];
    for (const [prefix, codes] of enumerations)
      for (const code of codes) expect(hasMessage(`${prefix}.${code}`), `${prefix}.${code}`).toBe(true);
    expect(renderMessage('zh-TW', { key: 'ohs.wellbeingKind.group_course' })).toBe('團體課程');
    expect(registeredKinds().length).toBeGreaterThanOrEqual(7);
    for (const kind of registeredKinds()) {
      expect(kind.name, kind.kind).toBeDefined();
      expect(hasMessage(kind.name?.key ?? ''), kind.kind).toBe(true);
    }
  });

  it("takes each module's messages from its manifest, under the module's key", () => {
    const ohs = programModules.find((m) => m.key === 'ohs');
    expect(Object.keys(ohs?.messages?.en ?? {})).toContain('ohs.obligation.hazardReview');
    expect(hasMessage('ohs.obligation.hazardReview')).toBe(true);
  });

  it('renders a message in the reader language, a message parameter included', () => {
    const message = {
      key: 'ohs.obligation.qualificationExpiry',
      params: { worker: '陳大文', kind: { key: 'ohs.qualificationKind.hot_work' } },
    };
    expect(renderMessage('en', message)).toBe('陳大文: hot work qualification expires');
    expect(renderMessage('zh-TW', message)).toBe('陳大文：動火作業資格到期');
    expect(
      renderMessage('zh-TW', {
        key: 'platform.certification.renew',
        params: { standard: 'ISO 45001', holder: 'K7' },
      }),
    ).toBe('更新 K7 的 ISO 45001 證書');
  });

  it('formats a number parameter in the locale when the template asks for it', () => {
    registerMessages('test', {
      en: { 'test.hours': '{{hours, number}} hours by {{name}}' },
      'zh-TW': { 'test.hours': '{{name}} 工時 {{hours, number}} 小時' },
    });
    expect(renderMessage('en', { key: 'test.hours', params: { hours: 3479818.5, name: 'K7' } })).toBe(
      '3,479,818.5 hours by K7',
    );
    expect(renderMessage('zh-TW', { key: 'test.hours', params: { hours: 1200, name: 'K7' } })).toBe(
      'K7 工時 1,200 小時',
    );
  });

  it('fails loudly on an unknown key or a missing parameter, at render and at store', () => {
    expect(() => renderMessage('en', { key: 'ohs.nothing.here' })).toThrow(MessageError);
    expect(() =>
      renderMessage('en', { key: 'platform.certification.renew', params: { standard: 'x' } }),
    ).toThrow(/needs the parameter holder/);
    expect(() => storeText({ key: 'platform.no.such' })).toThrow(/Unknown message key/);
  });

  it('refuses a catalogue with a key missing in one language, other parameters, or outside its prefix', () => {
    expect(() => registerMessages('x', { en: { 'x.a': 'A' }, 'zh-TW': {} })).toThrow(/no zh-TW/);
    expect(() => registerMessages('x', { en: {}, 'zh-TW': { 'x.a': 'A' } })).toThrow(/no en/);
    expect(() => registerMessages('x', { en: { 'x.a': '{{a}}' }, 'zh-TW': { 'x.a': '{{b}}' } })).toThrow(
      /different parameters/,
    );
    expect(() => registerMessages('x', { en: { 'y.a': 'A' }, 'zh-TW': { 'y.a': 'A' } })).toThrow(
      /must start with "x\."/,
    );
    expect(() =>
      registerMessages('platform', {
        en: { 'platform.certification.renew': 'Other' },
        'zh-TW': { 'platform.certification.renew': '其他' },
      }),
    ).toThrow(/registered twice/);
  });

  it('stores typed text as typed and a message as key and parameters', () => {
    expect(storeText('Fix the guard rail')).toEqual({ key: null, params: null, text: 'Fix the guard rail' });
    const stored = storeText({ key: 'platform.action.due', params: { title: 'Fix it' } });
    expect(stored).toEqual({ key: 'platform.action.due', params: { title: 'Fix it' }, text: null });
    expect(renderText('zh-TW', storedText(stored.key, stored.params, stored.text))).toBe('改善措施：Fix it');
    expect(renderText('zh-TW', storedText(null, null, 'Fix the guard rail'))).toBe('Fix the guard rail');
  });

  it("finds the messages whose own words match a search in the reader's language", () => {
    expect(matchingKeys('en', 'renew')).toContain('platform.certification.renew');
    expect(matchingKeys('zh-TW', '證書')).toContain('platform.certification.renew');
    expect(matchingKeys('zh-TW', 'renew')).not.toContain('platform.certification.renew');
  });
});
