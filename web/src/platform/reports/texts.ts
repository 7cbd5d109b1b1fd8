import { defineTexts, useTexts } from '../services/i18n.ts';

const en = {
  title: 'Reports',
  description:
    'Reports to download as PDF (with embedded fonts, Traditional Chinese included) or as an Excel workbook, for the sites in your scope.',
  language: 'Report language',
  year: 'Year',
  pdf: 'PDF',
  xlsx: 'Excel (XLSX)',
  download: 'Download {{report}} as {{format}}',
  platform: 'Organisation',
  programs: 'Programs',
  reports: {
    organisation: {
      title: 'Organisation overview',
      description: 'The subsidiaries and their sites by country, with their active employees.',
    },
    ohsBoard: {
      title: 'OHS report to the Board',
      description:
        'The year’s occupational safety and health: cases and rates against last year, monthly trend, subsidiaries and sites, GRI 403-9, health and wellbeing, ISO 45001 certificates and goals.',
    },
  },
  none: 'None of your roles gives access to a report yet.',
};

const zhTW = {
  title: '報表',
  description: '可下載為 PDF（內嵌字型，含繁體中文）或 Excel 活頁簿的報表，涵蓋您權限範圍內的廠區。',
  language: '報表語言',
  year: '年度',
  pdf: 'PDF',
  xlsx: 'Excel（XLSX）',
  download: '下載 {{report}}（{{format}}）',
  platform: '組織',
  programs: '各計畫',
  reports: {
    organisation: {
      title: '組織概況',
      description: '各子公司及其廠區（依國家），以及在職員工人數。',
    },
    ohsBoard: {
      title: '職業安全衛生董事會報告',
      description:
        '年度職業安全衛生概況：案件數與比率（與前一年比較）、月趨勢、各子公司與廠區、GRI 403-9、健康與福祉、ISO 45001 證書及目標。',
    },
  },
  none: '您的角色目前沒有可查閱的報表。',
};

export const reportsTexts = defineTexts('reports', en, zhTW);
export const useReportsT = () => useTexts(reportsTexts);
