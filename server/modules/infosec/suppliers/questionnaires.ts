import type { Bilingual, TemplateQuestion } from '#shared/modules/infosec/suppliers/contract.ts';
import type { SupplierArea } from '#shared/modules/infosec/suppliers/rules.ts';

/**
 * The two questionnaires shipped with the program, loaded by migration 0041 (frozen there: the program owner
 * edits the copies in the database, not this file). The equipment questionnaire follows the requirement
 * areas of SEMI E187 (Specification for Cybersecurity of Fab Equipment); its questions are the program's own
 * wording, not the standard's text.
 */
export type ShippedTemplate = { id: string; code: string; name: Bilingual; questions: TemplateQuestion[] };

const q = (code: string, area: SupplierArea, weight: number, en: string, zh: string): TemplateQuestion => ({
  code,
  area,
  weight,
  text: { en, 'zh-TW': zh },
});

export const SEMI_E187_TEMPLATE: ShippedTemplate = {
  id: '6f1d2c3a-0e87-4b4e-9a10-187000000001',
  code: 'semi_e187',
  name: {
    en: 'Equipment supplier questionnaire (SEMI E187 areas)',
    'zh-TW': '設備供應商問卷（SEMI E187 要求面向）',
  },
  questions: [
    q(
      'OS-1',
      'os_software',
      3,
      'Does the equipment ship with an operating system that its maker still supports with security fixes?',
      '設備出貨時所搭載的作業系統，原廠是否仍持續提供安全性更新？',
    ),
    q(
      'OS-2',
      'os_software',
      2,
      'Do you publish, for each equipment model, the operating system and the software components it runs, with their versions?',
      '是否就每一設備型號提供其作業系統與所用軟體元件及版本的清單？',
    ),
    q(
      'OS-3',
      'os_software',
      2,
      'Are services, accounts and ports that the equipment does not need switched off or removed before delivery?',
      '交機前是否已關閉或移除設備不需要的服務、帳號與連接埠？',
    ),
    q(
      'NET-1',
      'network',
      3,
      'Do you document the network connections the equipment needs (ports, protocols, directions) so the fab can restrict the rest?',
      '是否以文件說明設備所需的網路連線（連接埠、協定、方向），使工廠能限制其他連線？',
    ),
    q(
      'NET-2',
      'network',
      2,
      'Does the equipment use encrypted protocols for remote access and for data it sends off the tool?',
      '設備的遠端存取及對外傳送資料是否使用加密協定？',
    ),
    q(
      'NET-3',
      'network',
      2,
      'Can remote maintenance be done only through the fab’s controlled access path, switched on by the fab for each session?',
      '遠端維護是否僅能經由工廠管控的存取途徑，並由工廠逐次開通？',
    ),
    q(
      'END-1',
      'endpoint',
      3,
      'Is the equipment compatible with endpoint protection (anti-malware or application allow-listing), and do you state which products you have validated?',
      '設備是否可搭配端點防護（防毒或應用程式白名單），並說明經驗證可用的產品？',
    ),
    q(
      'END-2',
      'endpoint',
      2,
      'Can removable media (USB storage) be disabled or controlled on the equipment?',
      '設備是否可停用或管控可攜式儲存媒體（USB）？',
    ),
    q(
      'BLD-1',
      'build_patch',
      3,
      'Do you assess security fixes for the operating system and components and release validated patches to customers within an agreed time?',
      '是否評估作業系統與元件的安全性修補，並於約定期限內提供客戶已驗證的修補程式？',
    ),
    q(
      'BLD-2',
      'build_patch',
      2,
      'Is the software delivered with the equipment built from a controlled, versioned build and checked for known vulnerabilities before release?',
      '隨設備交付的軟體是否出自受控且有版本管理的建置流程，並於發行前檢查已知弱點？',
    ),
    q(
      'MAL-1',
      'malware_scan',
      3,
      'Is every equipment image and every installation medium scanned for malware, with up-to-date signatures, before it is delivered or installed?',
      '每一設備映像檔及安裝媒體於交付或安裝前，是否已以最新病毒碼進行惡意程式掃描？',
    ),
    q(
      'MAL-2',
      'malware_scan',
      2,
      'Do you give the customer a record of that scan (tool, signature date, result) with each delivery?',
      '每次交付時是否提供客戶該次掃描紀錄（工具、病毒碼日期、結果）？',
    ),
    q(
      'LOG-1',
      'logging',
      2,
      'Does the equipment record security events (sign-ins, failed sign-ins, configuration changes) with time stamps?',
      '設備是否記錄含時間戳記的安全事件（登入、登入失敗、設定變更）？',
    ),
    q(
      'LOG-2',
      'logging',
      2,
      'Can those logs be sent to the fab’s log collection (e.g. syslog) and kept for an agreed period?',
      '上述紀錄是否可傳送至工廠的日誌收集系統（例如 syslog）並保存約定期間？',
    ),
  ],
};

export const GENERAL_TEMPLATE: ShippedTemplate = {
  id: '6f1d2c3a-0e87-4b4e-9a10-187000000002',
  code: 'general',
  name: { en: 'General supplier questionnaire', 'zh-TW': '一般供應商問卷' },
  questions: [
    q(
      'GOV-1',
      'governance',
      3,
      'Do you have an information security policy approved by management and reviewed at least once a year?',
      '是否訂有經管理階層核准、且每年至少檢視一次的資訊安全政策？',
    ),
    q(
      'GOV-2',
      'governance',
      2,
      'Is a named person responsible for information security in your company?',
      '貴公司是否指定專人負責資訊安全？',
    ),
    q(
      'ACC-1',
      'access_control',
      3,
      'Is access to systems holding our data limited to the people who need it, and reviewed at least twice a year?',
      '存放本公司資料之系統，其存取權限是否僅限於需要者，且每年至少檢視兩次？',
    ),
    q(
      'ACC-2',
      'access_control',
      3,
      'Is multi-factor authentication required for remote access and for administrator accounts?',
      '遠端存取及管理者帳號是否要求多因子驗證？',
    ),
    q(
      'DAT-1',
      'data_protection',
      3,
      'Is data you receive from us encrypted when stored and when sent?',
      '自本公司取得之資料於儲存及傳輸時是否加密？',
    ),
    q(
      'DAT-2',
      'data_protection',
      2,
      'Are our data returned or destroyed, with a record, at the end of the contract?',
      '合約終止時是否返還或銷毀本公司資料並留有紀錄？',
    ),
    q(
      'INC-1',
      'incident_response',
      3,
      'Will you notify us within an agreed time of a security incident that affects our data or the service you provide?',
      '發生影響本公司資料或所提供服務之資安事件時，是否於約定時間內通知本公司？',
    ),
    q(
      'CON-1',
      'continuity',
      2,
      'Do you back up the systems that serve us, and have you tested restoring them in the last year?',
      '服務本公司之系統是否定期備份，且過去一年內曾測試還原？',
    ),
    q(
      'AWR-1',
      'awareness',
      2,
      'Do your staff take security awareness training every year, including on phishing?',
      '貴公司員工是否每年接受資安意識訓練（含社交工程）？',
    ),
    q(
      'SUB-1',
      'subcontractors',
      2,
      'Do you hold your own subcontractors who handle our data to the same security requirements?',
      '處理本公司資料之再委外廠商，是否同樣要求其符合上述資安要求？',
    ),
  ],
};

export const SHIPPED_TEMPLATES = [SEMI_E187_TEMPLATE, GENERAL_TEMPLATE];
