/** The texts of the Board report page and the material-incident decision (joined into the "infosec" namespace). */
export const boardEn = {
  board: {
    title: 'Board report',
    description:
      'The yearly status report of the information security program to the Board, due in the last quarter: each figure is counted from the records, or says why it cannot be.',
    year: 'Year',
    language: 'Language',
    pdf: 'PDF',
    xlsx: 'XLSX',
    download: 'Download the {{year}} report as {{format}}',
    notComputed: 'Not computed',
    presentedOn: 'Presented to the Board on {{day}}',
    notPresented: 'Not yet presented to the Board',
    recordPresentation: 'Record the presentation',
    presentationDay: 'Presented on',
    presentationSaved: 'Presentation recorded',
  },
  material: {
    title: 'Material incident',
    undecided: 'Not decided yet',
    material: 'Material',
    notMaterial: 'Not material',
    decidedBy: 'Decided by {{name}} on {{at}}',
    decide: 'Decide',
    decideTitle: 'Is this a material incident?',
    isMaterial: 'The incident is material',
    reason: 'Why',
    reasonHint:
      'The grounds for the decision: impact on operations, finances, customers’ data, critical systems.',
    decidedAt: 'Decided at',
    history: 'Earlier decisions',
    saved: 'Decision recorded',
  },
};

export const boardZhTW: typeof boardEn = {
  board: {
    title: '董事會報告',
    description:
      '資訊安全計畫每年第四季向董事會提出之執行情形報告：每項數字皆由紀錄計算，無法計算者說明原因。',
    year: '年度',
    language: '語言',
    pdf: 'PDF',
    xlsx: 'XLSX',
    download: '下載 {{year}} 年報告（{{format}}）',
    notComputed: '無法計算',
    presentedOn: '已於 {{day}} 向董事會報告',
    notPresented: '尚未向董事會報告',
    recordPresentation: '登錄報告日期',
    presentationDay: '報告日期',
    presentationSaved: '已登錄報告日期',
  },
  material: {
    title: '重大資安事件判定',
    undecided: '尚未判定',
    material: '重大',
    notMaterial: '非重大',
    decidedBy: '{{name}} 於 {{at}} 判定',
    decide: '判定',
    decideTitle: '此事件是否為重大資安事件？',
    isMaterial: '此事件為重大資安事件',
    reason: '理由',
    reasonHint: '判定依據：對營運、財務、客戶資料及關鍵系統之影響。',
    decidedAt: '判定時間',
    history: '先前之判定',
    saved: '已登錄判定',
  },
};
