import { classSymbol, splitClasses } from '#shared/modules/ip/rules/classes.ts';
import {
  type EntitySize,
  type EpState,
  entitySizes,
  epStates,
  type Kind,
  type Office,
  offices,
  type Status,
  statuses,
  type Technology,
  technologies,
} from '#shared/modules/ip/rules/offices.ts';
import { isCalendarDate } from '#shared/platform/http/list.ts';
import type { RowError } from '../../../platform/imports/importer.ts';
import type { ImportColumn } from '../../../platform/imports/mapping.ts';

/**
 * The columns of a patent portfolio spreadsheet (one matter a row, its family repeated on each of its rows) and
 * the pure reading of one row. Header names of the common docketing exports and their Chinese forms map by
 * themselves; codes or their English words are accepted ("under examination", "utility model").
 */
export const MATTER_COLUMNS: ImportColumn[] = [
  {
    key: 'family_reference',
    label: 'Family reference',
    required: true,
    aliases: ['family', 'family ref', 'docket', 'docket no', '家族編號', '專利家族', '案號'],
  },
  {
    key: 'site_code',
    label: 'Owner site code',
    required: false,
    aliases: ['site', 'owner', 'owner site', 'subsidiary', '廠區', '所屬廠區', '專利權人'],
  },
  {
    key: 'title',
    label: 'Title',
    required: false,
    aliases: ['invention title', '名稱', '專利名稱', '發明名稱'],
  },
  { key: 'technology', label: 'Technology', required: false, aliases: ['技術', '技術領域'] },
  {
    key: 'green',
    label: 'Green technology (yes/no)',
    required: false,
    aliases: ['green tech', '綠色專利', '綠色技術'],
  },
  {
    key: 'sustainability_focus',
    label: 'Sustainability focus',
    required: false,
    aliases: ['focus', '永續重點'],
  },
  {
    key: 'inventors',
    label: 'Inventors (employee number:share; …)',
    required: false,
    aliases: ['inventor', '發明人', '創作人'],
  },
  {
    key: 'office',
    label: 'Office',
    required: true,
    aliases: ['country', 'jurisdiction', '國家', '申請國家'],
  },
  { key: 'kind', label: 'Kind', required: true, aliases: ['type', 'patent type', '種類', '專利種類'] },
  { key: 'route', label: 'Route (direct or pct)', required: false, aliases: ['filing route', '途徑'] },
  {
    key: 'application_no',
    label: 'Application number',
    required: true,
    aliases: ['application', 'appl no', 'application number', '申請號', '申請案號'],
  },
  {
    key: 'filing_date',
    label: 'Filing date (YYYY-MM-DD)',
    required: true,
    aliases: ['filing date', 'filed', 'application date', '申請日'],
  },
  { key: 'priority_date', label: 'Priority date', required: false, aliases: ['priority', '優先權日'] },
  {
    key: 'term_from',
    label: 'Term counted from (parent filing)',
    required: false,
    aliases: ['term from', 'term base date', 'effective filing date', '專利期間起算日'],
  },
  {
    key: 'publication_no',
    label: 'Publication number',
    required: false,
    aliases: ['publication', 'pub no', '公開號', '早期公開號'],
  },
  { key: 'publication_date', label: 'Publication date', required: false, aliases: ['pub date', '公開日'] },
  {
    key: 'patent_no',
    label: 'Grant number',
    required: false,
    aliases: ['patent no', 'patent number', 'grant no', 'grant number', '專利號', '證書號'],
  },
  {
    key: 'grant_date',
    label: 'Grant date',
    required: false,
    aliases: ['grant', 'issue date', 'issued', '公告日', '核准公告日'],
  },
  { key: 'status', label: 'Status', required: true, aliases: ['狀態', '案件狀態'] },
  {
    key: 'status_on',
    label: 'Status since (YYYY-MM-DD)',
    required: false,
    aliases: ['status date', 'status since', '狀態日期'],
  },
  {
    key: 'term_adjustment_days',
    label: 'US term adjustment (days)',
    required: false,
    aliases: ['pta', 'term adjustment', 'patent term adjustment', 'term extension'],
  },
  { key: 'entity_size', label: 'USPTO entity size', required: false, aliases: ['entity', 'entity status'] },
  {
    key: 'claims',
    label: 'Claims',
    required: false,
    aliases: ['number of claims', 'claims count', '請求項數'],
  },
  { key: 'ipc_classes', label: 'IPC classes', required: false, aliases: ['ipc', 'IPC分類', '國際分類'] },
  { key: 'cpc_classes', label: 'CPC classes', required: false, aliases: ['cpc', 'CPC分類'] },
  {
    key: 'validation_states',
    label: 'Validation states',
    required: false,
    aliases: ['validated in', 'validated states', 'validation countries', '生效國'],
  },
  {
    key: 'unitary_effect',
    label: 'Unitary effect',
    required: false,
    aliases: ['unitary patent', '單一專利'],
  },
  {
    key: 'backward_citations',
    label: 'References cited',
    required: false,
    aliases: ['citations', 'cited references', 'backward citations', '引證數'],
  },
];

/** The family part of a row: null where the cell is empty (an existing family's values then stand). */
export type FamilyCells = {
  siteCode: string | null;
  title: string | null;
  technology: Technology | null;
  green: boolean | null;
  sustainabilityFocus: string | null;
  /** Employee numbers and per-cent shares, in the order written. */
  inventors: { employeeNo: string; share: number }[] | null;
};

export type MatterCells = {
  office: Office;
  kind: Kind;
  route: 'direct' | 'pct';
  applicationNo: string;
  filingDate: string;
  priorityDate: string | null;
  termFrom: string | null;
  publicationNo: string | null;
  publicationDate: string | null;
  patentNo: string | null;
  grantDate: string | null;
  status: Status;
  statusOn: string | undefined;
  termAdjustmentDays: number;
  entitySize: EntitySize;
  claims: number | null;
  ipcClasses: string[];
  cpcClasses: string[];
  validationStates: EpState[];
  unitaryEffect: boolean;
  backwardCitations: number | null;
};

export type MatterImportRow = { reference: string; family: FamilyCells; matter: MatterCells };

const OFFICE_WORDS: Record<string, Office> = {
  taiwan: 'TW',
  tipo: 'TW',
  台灣: 'TW',
  臺灣: 'TW',
  us: 'US',
  usa: 'US',
  'united states': 'US',
  uspto: 'US',
  美國: 'US',
  china: 'CN',
  prc: 'CN',
  cnipa: 'CN',
  中國: 'CN',
  中國大陸: 'CN',
  epo: 'EP',
  europe: 'EP',
  歐洲: 'EP',
  japan: 'JP',
  jpo: 'JP',
  日本: 'JP',
  korea: 'KR',
  kipo: 'KR',
  韓國: 'KR',
  pct: 'WO',
  wipo: 'WO',
  other: 'OTHER',
};
const KIND_WORDS: Record<string, Kind> = {
  invention: 'invention',
  patent: 'invention',
  'utility model': 'utility_model',
  design: 'design',
  發明: 'invention',
  新型: 'utility_model',
  設計: 'design',
  外觀設計: 'design',
  實用新型: 'utility_model',
};
const YES = new Set(['yes', 'y', 'true', '1', '是', 'green']);

/** The states a European patent took effect in, as codes ("DE, FR, GB"; UK for GB); each once. */
function statesOf(cell: string, errors: RowError[]): EpState[] {
  const codes = cell
    .split(/[\s,;、]+/)
    .filter(Boolean)
    .map((c) => (c.toUpperCase() === 'UK' ? 'GB' : c.toUpperCase()));
  const unknown = codes.filter((c) => !epStates.some((s) => s === c));
  if (unknown.length)
    errors.push({
      column: 'validation_states',
      message: `Not a state where a European patent takes effect: ${unknown.join(', ')}`,
    });
  return [...new Set(codes.filter((c): c is EpState => epStates.some((s) => s === c)))];
}
const NO = new Set(['no', 'n', 'false', '0', '否', '']);

const word = (v: string) =>
  v
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** A text number as the offices print them: letters, digits, spaces and . / - (as the form accepts). */
const NUMBER = /^[A-Za-z0-9./\- ]{1,40}$/;

function wholeNumber(v: string, max: number): number | null {
  const clean = v.trim().replace(/,/g, '');
  if (!/^\d{1,7}$/.test(clean)) return null;
  const n = Number(clean);
  return n <= max ? n : null;
}

/** "E1001:60; E1002:40" (a share may be left out when there is one inventor: 100). */
export function readInventors(cell: string): { employeeNo: string; share: number }[] | string {
  const parts = cell
    .split(/[;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: { employeeNo: string; share: number }[] = [];
  for (const part of parts) {
    const m = /^([A-Za-z0-9-]{1,40})\s*(?:[:=]\s*(\d{1,3})\s*%?)?$/.exec(part);
    if (!m) return `Write inventors as employee number:share; … (not "${part}")`;
    if (m[2] === undefined && parts.length > 1) return `Give the share of ${m[1]} (employee number:share)`;
    const share = m[2] === undefined ? 100 : Number(m[2]);
    if (share < 1 || share > 100) return `The share of ${m[1]} is not 1 to 100`;
    if (out.some((o) => o.employeeNo === m[1])) return `Employee ${m[1]} is named twice`;
    out.push({ employeeNo: m[1], share });
  }
  const total = out.reduce((n, o) => n + o.share, 0);
  if (out.length && total !== 100) return `The shares add up to ${total}%, not 100%`;
  return out;
}

function classesOf(cell: string, column: string, errors: RowError[]): string[] {
  const out: string[] = [];
  for (const part of splitClasses(cell)) {
    const symbol = classSymbol(part);
    if (!symbol) errors.push({ column, message: `Not a class such as H01L 23/31: "${part}"` });
    else if (!out.includes(symbol)) out.push(symbol);
  }
  return out;
}

/** One row read and checked on its own (no I/O): the family and matter it describes, or its errors. */
export function readMatterRow(r: Record<string, string>): { row: MatterImportRow } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const need = (column: string) => {
    if (!r[column]) errors.push({ column, message: 'Required' });
    return r[column] ?? '';
  };
  const date = (column: string, required = false) => {
    const v = required ? need(column) : (r[column] ?? '');
    if (!v) return null;
    if (!isCalendarDate(v)) errors.push({ column, message: 'Use a real date as YYYY-MM-DD' });
    return isCalendarDate(v) ? v : null;
  };
  const number = (column: string, required = false) => {
    const v = required ? need(column) : (r[column] ?? '');
    if (!v) return null;
    if (!NUMBER.test(v)) errors.push({ column, message: 'Letters, digits, spaces and . / - only' });
    return v;
  };

  const reference = need('family_reference');
  if (reference.length > 60) errors.push({ column: 'family_reference', message: 'At most 60 characters' });

  const technologyCell = word(r.technology ?? '').replace(/ /g, '_');
  const technology = technologyCell ? (technologies.find((t) => t === technologyCell) ?? null) : null;
  if (technologyCell && !technology)
    errors.push({ column: 'technology', message: `One of ${technologies.join(', ')}` });
  const greenCell = word(r.green ?? '');
  if (!YES.has(greenCell) && !NO.has(greenCell)) errors.push({ column: 'green', message: 'Yes or no' });
  const title = (r.title ?? '').trim();
  if (title.length > 300) errors.push({ column: 'title', message: 'At most 300 characters' });
  const focus = (r.sustainability_focus ?? '').trim();
  if (focus.length > 300) errors.push({ column: 'sustainability_focus', message: 'At most 300 characters' });
  let inventors: FamilyCells['inventors'] = null;
  if (r.inventors) {
    const read = readInventors(r.inventors);
    if (typeof read === 'string') errors.push({ column: 'inventors', message: read });
    else inventors = read;
  }

  const officeCell = need('office').trim();
  const office =
    offices.find((o) => o === officeCell.toUpperCase()) ?? OFFICE_WORDS[word(officeCell)] ?? null;
  if (officeCell && !office) errors.push({ column: 'office', message: `One of ${offices.join(', ')}` });
  const kindCell = word(need('kind'));
  const kind = KIND_WORDS[kindCell] ?? KIND_WORDS[kindCell.replace(/ /g, '_')] ?? null;
  if (kindCell && !kind) errors.push({ column: 'kind', message: 'Invention, utility model or design' });
  const routeCell = word(r.route ?? '') || 'direct';
  const route = routeCell === 'direct' || routeCell === 'pct' ? routeCell : null;
  if (!route) errors.push({ column: 'route', message: 'Direct or pct' });
  const statusCell = word(need('status')).replace(/ /g, '_');
  const status = statuses.find((s) => s === statusCell) ?? null;
  if (statusCell && !status) errors.push({ column: 'status', message: `One of ${statuses.join(', ')}` });
  const applicationNo = number('application_no', true);
  const filingDate = date('filing_date', true);
  const priorityDate = date('priority_date');
  const termFrom = date('term_from');
  const publicationNo = number('publication_no');
  const publicationDate = date('publication_date');
  const patentNo = number('patent_no');
  const grantDate = date('grant_date');
  const statusOn = date('status_on');
  const pta = r.term_adjustment_days ? wholeNumber(r.term_adjustment_days, 10_000) : 0;
  if (pta === null) errors.push({ column: 'term_adjustment_days', message: 'Whole days from 0 to 10000' });
  const sizeCell = word(r.entity_size ?? '') || 'large';
  const entitySize = entitySizes.find((s) => s === sizeCell) ?? null;
  if (!entitySize) errors.push({ column: 'entity_size', message: 'Large, small or micro' });
  const claims = r.claims ? wholeNumber(r.claims, 1000) : null;
  if (r.claims && claims === null) errors.push({ column: 'claims', message: 'A whole number up to 1000' });
  const citations = r.backward_citations ? wholeNumber(r.backward_citations, 100_000) : null;
  if (r.backward_citations && citations === null)
    errors.push({ column: 'backward_citations', message: 'A whole number' });
  const ipcClasses = classesOf(r.ipc_classes ?? '', 'ipc_classes', errors);
  const cpcClasses = classesOf(r.cpc_classes ?? '', 'cpc_classes', errors);
  const validationStates = statesOf(r.validation_states ?? '', errors);
  const unitaryCell = word(r.unitary_effect ?? '');
  if (!YES.has(unitaryCell) && !NO.has(unitaryCell))
    errors.push({ column: 'unitary_effect', message: 'Yes or no' });

  if (
    errors.length ||
    !office ||
    !kind ||
    !route ||
    !status ||
    !applicationNo ||
    !filingDate ||
    pta === null ||
    !entitySize
  )
    return { errors };
  return {
    row: {
      reference: reference.trim(),
      family: {
        siteCode: r.site_code ? r.site_code.trim().toUpperCase() : null,
        title: title || null,
        technology,
        green: greenCell ? YES.has(greenCell) : null,
        sustainabilityFocus: focus || null,
        inventors,
      },
      matter: {
        office,
        kind,
        route,
        applicationNo,
        filingDate,
        priorityDate,
        termFrom,
        publicationNo,
        publicationDate,
        patentNo,
        grantDate,
        status,
        statusOn: statusOn ?? undefined,
        termAdjustmentDays: pta,
        entitySize,
        claims,
        ipcClasses,
        cpcClasses,
        validationStates,
        unitaryEffect: YES.has(unitaryCell),
        backwardCitations: citations,
      },
    },
  };
}
