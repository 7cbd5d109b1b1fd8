import { mergeCatalogues, messageOf, wordsCatalogue } from '../../../platform/i18n/index.ts';

/** What supplier assessments write on their own, in both languages (records keep the key). */
const en = {
  'infosec.supplier.followUpDue':
    'Follow-up cybersecurity evaluation of {{supplier}} (results confirmed {{confirmedOn}})',
  'infosec.supplier.improvement': 'From the cybersecurity assessment of {{supplier}} (guidance of {{on}})',
  'infosec.audit.supplierCreated': '{{site}} {{supplier}}',
  'infosec.audit.supplierUpdated': '{{site}} {{supplier}}',
  'infosec.audit.supplierContact': '{{supplier}}: {{contact}}',
  'infosec.audit.supplierTemplate': '{{code}}',
  'infosec.audit.supplierAssessment': '{{site}} {{supplier}}: {{step}} {{on}}',
  'infosec.audit.supplierAnswers': '{{supplier}}: {{count}} answers',
} as const;

const zhTW: Record<keyof typeof en, string> = {
  'infosec.supplier.followUpDue': '{{supplier}} 資安追蹤評核（{{confirmedOn}} 確認結果）',
  'infosec.supplier.improvement': '{{supplier}} 資安評核所提改善（{{on}} 輔導）',
  'infosec.audit.supplierCreated': '{{site}} {{supplier}}',
  'infosec.audit.supplierUpdated': '{{site}} {{supplier}}',
  'infosec.audit.supplierContact': '{{supplier}}：{{contact}}',
  'infosec.audit.supplierTemplate': '{{code}}',
  'infosec.audit.supplierAssessment': '{{site}} {{supplier}}：{{step}} {{on}}',
  'infosec.audit.supplierAnswers': '{{supplier}}：{{count}} 題作答',
};

const kindNames = wordsCatalogue('infosec.obligationKind', {
  supplier_follow_up_due: ['supplier follow-up evaluation due', '供應商資安追蹤評核到期'],
});

/** The words of the supplier assessments' enumerations (`infosec.<enumeration>.<code>`). */
export const supplierWords = {
  'infosec.supplierCategory': {
    equipment: ['equipment', '設備'],
    materials: ['materials', '材料'],
    it_services: ['IT services', '資訊服務'],
    software: ['software', '軟體'],
    facilities: ['facilities', '廠務'],
    logistics: ['logistics', '物流'],
    other: ['other', '其他'],
  },
  'infosec.supplierCriticality': {
    critical: ['critical', '關鍵'],
    high: ['high', '高'],
    medium: ['medium', '中'],
  },
  'infosec.supplierStep': {
    current_situation: ['current situation', '現況評估'],
    guidance: ['guidance for improvement', '改善輔導'],
    confirmed: ['results confirmed', '結果確認'],
    followed_up: ['followed up', '已追蹤評核'],
  },
  'infosec.supplierAnswer': {
    yes: ['yes', '是'],
    partial: ['partly', '部分'],
    no: ['no', '否'],
    not_applicable: ['not applicable', '不適用'],
  },
  'infosec.supplierKind': {
    initial: ['first assessment', '首次評核'],
    follow_up: ['follow-up evaluation', '追蹤評核'],
  },
  'infosec.supplierBand': {
    satisfactory: ['satisfactory', '良好'],
    improve: ['to improve', '待改善'],
    at_risk: ['at risk', '高風險'],
  },
  'infosec.supplierArea': {
    os_software: ['operating system and software', '作業系統與軟體'],
    network: ['network security', '網路安全'],
    endpoint: ['endpoint protection', '端點防護'],
    build_patch: ['build and patch management', '建置與修補管理'],
    malware_scan: ['malware scan before delivery', '交機前惡意程式掃描'],
    logging: ['security logging', '安全日誌'],
    governance: ['governance', '治理'],
    access_control: ['access control', '存取控制'],
    data_protection: ['data protection', '資料保護'],
    incident_response: ['incident response', '事件應變'],
    continuity: ['backup and continuity', '備份與營運持續'],
    awareness: ['awareness', '資安意識'],
    subcontractors: ['subcontractors', '再委外管理'],
  },
} as const;

export const supplierMessages = mergeCatalogues(
  { en, 'zh-TW': zhTW },
  kindNames,
  ...Object.entries(supplierWords).map(([prefix, w]) => wordsCatalogue(prefix, w)),
);

export const supplierMessage = messageOf({ en });

export function supplierWord(enumeration: keyof typeof supplierWords, code: string) {
  return { key: `${enumeration}.${code}` };
}
