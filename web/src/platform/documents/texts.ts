import { defineTexts, useTexts } from '../services/i18n.ts';

const en = {
  title: 'Attachments',
  count_one: '{{count}} file',
  count_other: '{{count}} files',
  empty: 'No files attached yet.',
  add: 'Attach files',
  drop: 'Drop files here to attach them.',
  accepted:
    'PDF, images (PNG, JPEG, GIF, WebP, HEIC), Office documents (docx, xlsx, pptx), text and CSV. The type is checked on the content, not the name.',
  uploading: 'Uploading {{name}}…',
  uploaded_one: '{{count}} file attached.',
  uploaded_other: '{{count}} files attached.',
  failed: '{{name}} was not attached: {{message}}',
  download: 'Download {{name}}',
  remove: 'Remove {{name}}',
  removeTitle: 'Remove this file?',
  removeBody: '“{{name}}” will no longer be attached. The audit log keeps a record of it.',
  removed: 'File removed.',
  by: 'by {{name}}',
  checksum: 'SHA-256 {{sum}}',
};

const zhTW = {
  title: '附件',
  count_one: '{{count}} 個檔案',
  count_other: '{{count}} 個檔案',
  empty: '尚未附加任何檔案。',
  add: '附加檔案',
  drop: '將檔案拖放到這裡即可附加。',
  accepted:
    'PDF、圖片（PNG、JPEG、GIF、WebP、HEIC）、Office 文件（docx、xlsx、pptx）、純文字與 CSV。系統依檔案內容而非檔名判斷類型。',
  uploading: '正在上傳 {{name}}…',
  uploaded_one: '已附加 {{count}} 個檔案。',
  uploaded_other: '已附加 {{count}} 個檔案。',
  failed: '{{name}} 未能附加：{{message}}',
  download: '下載 {{name}}',
  remove: '移除 {{name}}',
  removeTitle: '移除此檔案？',
  removeBody: '「{{name}}」將不再附加於此紀錄。稽核紀錄會保留此操作。',
  removed: '已移除檔案。',
  by: '上傳者：{{name}}',
  checksum: 'SHA-256 {{sum}}',
};

export const documentsTexts = defineTexts('documents', en, zhTW);
export const useDocumentsT = () => useTexts(documentsTexts);
