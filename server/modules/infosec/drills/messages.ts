import { mergeCatalogues, messageOf, wordsCatalogue } from '../../../platform/i18n/index.ts';

/** What drills and phishing campaigns write on their own, in both languages (records keep the key). */
const en = {
  'infosec.drill.nextDue.recovery': 'Hold the next recovery drill at {{site}} (last held {{heldOn}})',
  'infosec.drill.nextDue.incident_response':
    'Hold the next incident-response drill at {{site}} (last held {{heldOn}})',
  'infosec.drill.improvement': 'From the review of drill "{{drill}}"',
  'infosec.audit.drillPlanned': '{{site}} {{title}}',
  'infosec.audit.drillHeld': '{{site}} {{title}}: held {{heldOn}}',
  'infosec.audit.drillReviewed': '{{site}} {{title}}: reviewed {{reviewedOn}}',
  'infosec.audit.phishingCampaignCreated': '{{site}} {{name}}',
  'infosec.phishing.training':
    'Complete the security awareness course {{course}} (repeat click in {{campaign}})',
  'infosec.importKind.phishingResults': 'Phishing simulation results (GoPhish)',
} as const;

const zhTW: Record<keyof typeof en, string> = {
  'infosec.drill.nextDue.recovery': '於 {{site}} 辦理下一次復原演練（上次於 {{heldOn}}）',
  'infosec.drill.nextDue.incident_response': '於 {{site}} 辦理下一次事件應變演練（上次於 {{heldOn}}）',
  'infosec.drill.improvement': '演練「{{drill}}」檢討所提改善',
  'infosec.audit.drillPlanned': '{{site}} {{title}}',
  'infosec.audit.drillHeld': '{{site}} {{title}}：{{heldOn}} 演練',
  'infosec.audit.drillReviewed': '{{site}} {{title}}：{{reviewedOn}} 檢討',
  'infosec.audit.phishingCampaignCreated': '{{site}} {{name}}',
  'infosec.phishing.training': '完成資安意識課程 {{course}}（於 {{campaign}} 再次點擊）',
  'infosec.importKind.phishingResults': '社交工程演練結果（GoPhish）',
};

const kindNames = wordsCatalogue('infosec.obligationKind', {
  recovery_drill_due: ['recovery drill due', '復原演練到期'],
  incident_response_drill_due: ['incident-response drill due', '事件應變演練到期'],
  phishing_training: ['training after a phishing drill', '社交工程演練後訓練'],
});

/** The words of the drills' enumerations (`infosec.<enumeration>.<code>`). */
export const drillWords = {
  'infosec.drillKind': {
    recovery: ['recovery', '復原'],
    incident_response: ['incident-response', '事件應變'],
  },
  'infosec.drillStatus': {
    planned: ['planned', '已規劃'],
    held: ['held', '已執行'],
    reviewed: ['reviewed', '已檢討'],
  },
  'infosec.drillScope': {
    full_failover: ['full fail-over', '完整切換'],
    partial_restore: ['partial restore', '部分復原'],
    component: ['component', '單一元件'],
    tabletop: ['tabletop', '桌上演練'],
  },
  'infosec.phishingStatus': {
    sent: ['sent', '已寄送'],
    opened: ['opened', '已開啟'],
    clicked: ['clicked', '已點擊'],
    submitted: ['submitted data', '已提交資料'],
  },
} as const;

export const drillMessages = mergeCatalogues(
  { en, 'zh-TW': zhTW },
  kindNames,
  ...Object.entries(drillWords).map(([prefix, w]) => wordsCatalogue(prefix, w)),
);

export const drillMessage = messageOf({ en });

export function drillWord(enumeration: keyof typeof drillWords, code: string) {
  return { key: `${enumeration}.${code}` };
}
