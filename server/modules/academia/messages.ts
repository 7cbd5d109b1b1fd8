import { type Message, mergeCatalogues, messageOf, wordsCatalogue } from '../../platform/i18n/index.ts';

/**
 * What the industry–academia module writes on its own (obligation titles), in both languages: records keep
 * the key and parameters (server/platform/i18n), the reader sees their language.
 */
const en = {
  'academia.obligation.agreementRenewal': 'Renew or close the agreement with {{partner}}: {{title}}',
  'academia.obligation.milestone': 'Research project milestone: {{project}} — {{milestone}}',
  'academia.notice.deliverableArrived':
    '{{investigator}} sent “{{file}}” for the milestone {{milestone}} of {{project}}',
  'academia.actor.hireMatch': 'Former interns hired',
  'academia.actor.retention': 'Retention of students’ personal data',
  'academia.actor.auditPersonalData': 'Personal data taken out of the audit log',
} as const;

const zhTW: Record<keyof typeof en, string> = {
  'academia.obligation.agreementRenewal': '續約或結束與{{partner}}的合作協議：{{title}}',
  'academia.obligation.milestone': '研究計畫里程碑：{{project}} — {{milestone}}',
  'academia.notice.deliverableArrived':
    '{{investigator}}已上傳「{{file}}」：{{project}}的里程碑「{{milestone}}」',
  'academia.actor.hireMatch': '實習生轉任員工比對',
  'academia.actor.retention': '學生個人資料保存期限',
  'academia.actor.auditPersonalData': '自稽核紀錄移除個人資料',
};

/** The words of the module's enumerations, for exports and documents (`academia.<enumeration>.<code>`). */
const words = {
  'academia.partnerKind': {
    university: ['university', '大學'],
    institute: ['research institute', '研究機構'],
  },
  'academia.agreementKind': {
    framework: ['framework agreement', '合作框架協議'],
    mou: ['memorandum of understanding', '合作備忘錄'],
    research_contract: ['research contract', '研究合約'],
    internship: ['internship agreement', '實習合約'],
    scholarship: ['scholarship agreement', '獎學金協議'],
  },
  'academia.projectLine': {
    packaging: ['packaging', '封裝'],
    automation: ['automation', '自動化'],
    materials: ['materials', '材料'],
    other: ['other', '其他'],
  },
  'academia.paymentCategory': {
    research: ['research collaboration', '產學研究合作'],
    scholarship: ['scholarship', '獎學金'],
    college: ['college', '學院'],
    course: ['course', '課程'],
    internship: ['internship', '實習'],
    other: ['other', '其他'],
  },
  'academia.projectStatus': {
    proposal: ['proposal', '提案中'],
    active: ['active', '進行中'],
    completed: ['completed', '已完成'],
    cancelled: ['cancelled', '已取消'],
  },
  'academia.internProgram': {
    onsite_internship: ['on-site internship', '駐廠實習'],
    cooperative_education: ['cooperative education', '建教合作'],
    nsysu_college: ['NSYSU College', '中山大學半導體學院'],
    career_development: ['career development', '職涯發展'],
  },
  'academia.collegeInstitute': {
    advanced_packaging_testing: [
      'Institute of Advanced Semiconductor Packaging and Testing',
      '先進半導體封裝與測試研究所',
    ],
    precision_electronic_components: ['Institute of Precision Electronic Components', '精密電子零組件研究所'],
  },
  'academia.internOutcome': {
    ongoing: ['ongoing', '進行中'],
    completed: ['completed', '已完成'],
    withdrawn: ['withdrawn', '已退出'],
  },
  'academia.programKind': {
    internship: ['internships', '實習'],
    research: ['research collaboration', '研究合作'],
    scholarship: ['scholarships', '獎學金'],
    career: ['career development', '職涯發展'],
    education: ['education program', '教育計畫'],
    college: ['college', '學院'],
    mentorship: ['mentorship', '業師輔導'],
    university: ['corporate university', '企業大學'],
    research_line: ['research line', '研究主軸'],
  },
  'academia.hireMatchReason': {
    email: ['same e-mail', '相同電子郵件'],
    name_and_birth_date: ['same name and date of birth', '相同姓名與出生日期'],
  },
  'academia.hireMatchStatus': {
    proposed: ['proposed', '待確認'],
    confirmed: ['confirmed', '已確認'],
    dismissed: ['dismissed', '已駁回'],
  },
  'academia.courseProgram': {
    usi_university: ['USI University', '環旭大學'],
    semiconductor_education: [
      'Semiconductor Assembly and Manufacturing Education Program',
      '半導體封裝製造教育計畫',
    ],
    practical_training: ['practical application training', '實務應用培訓'],
    nsysu_college: ['NSYSU College', '中山大學半導體學院'],
    ai_college: ['AI college', '人工智慧學院'],
    other: ['other', '其他'],
  },
  'academia.courseSubject': {
    semiconductor: ['semiconductors', '半導體'],
    ai: ['artificial intelligence', '人工智慧'],
    management: ['management', '管理'],
    career: ['career development', '職涯發展'],
    other: ['other', '其他'],
  },
  'academia.mentorshipActivity': {
    forum: ['forum', '論壇'],
    line_tour: ['production line tour', '產線參訪'],
    dinner: ['mentor-mentee dinner', '師徒餐敘'],
    career_talk: ['career talk', '職涯講座'],
    competition: ['competition', '競賽'],
    other: ['other', '其他'],
  },
} as const;

export const academiaMessagesCatalogue = mergeCatalogues(
  { en, 'zh-TW': zhTW },
  wordsCatalogue('academia.importKind', {
    courses: ['courses', '課程'],
    activities: ['mentorship activities', '業師輔導活動'],
    placements: ['internship cooperation placements', '產學實習合作名額'],
    interns: ['students and interns', '學生與實習生'],
    payments: ['payments to schools', '對學校之支付款項'],
  }),
  wordsCatalogue('academia.obligationKind', {
    agreement_renewal: ['agreement renewal', '協議續約'],
    milestone: ['research milestone', '研究里程碑'],
  }),
  ...Object.entries(words).map(([prefix, w]) => wordsCatalogue(prefix, w)),
);

/** The word of one of the module's enumerations. */
export function academiaWord(enumeration: keyof typeof words, code: string): Message {
  return { key: `${enumeration}.${code}` };
}

const academiaMessage = messageOf({ en });

/** The name of one of the module's kinds of import. */
export function academiaImportKind(
  kind: 'courses' | 'activities' | 'placements' | 'interns' | 'payments',
): Message {
  return { key: `academia.importKind.${kind}` };
}

/** The obligation titles of the industry–academia program, as messages. */
export const messages = {
  agreementRenewal: (p: { partner: string; title: string }): Message =>
    academiaMessage('academia.obligation.agreementRenewal', p),
  milestone: (p: { project: string; milestone: string }): Message =>
    academiaMessage('academia.obligation.milestone', p),
  deliverableArrived: (p: {
    investigator: string;
    file: string;
    milestone: string;
    project: string;
  }): Message => academiaMessage('academia.notice.deliverableArrived', p),
};
