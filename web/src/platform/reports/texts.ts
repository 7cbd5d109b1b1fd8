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
  },
  none: '您的角色目前沒有可查閱的報表。',
};

export const reportsTexts = defineTexts('reports', en, zhTW);
export const useReportsT = () => useTexts(reportsTexts);
