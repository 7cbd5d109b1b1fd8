import { type DemoSite, writesChinese } from './organisation.ts';
import type { Random } from './random.ts';
import type { AreaRow } from './rows.ts';

/** Buildings, their floors and the production lines on them, and the site's utility zones. */
export function siteAreas(rng: Random, site: DemoSite, siteId: string): AreaRow[] {
  const out: AreaRow[] = [];
  // Taiwanese and Chinese sites name their areas in Chinese.
  const zh = writesChinese(site.country);
  const floors = site.employees >= 5000 ? 3 : 2;
  let line = 0;
  for (const building of site.buildings) {
    const code = building.replace(/\s+/g, '').toUpperCase();
    const buildingName = zh
      ? buildingNameZh(building)
      : /^[A-Z]+\d+$/.test(building)
        ? `${building} Building`
        : building;
    const b: AreaRow = {
      id: rng.uuid(),
      site_id: siteId,
      parent_id: null,
      kind: 'building',
      code,
      name: buildingName,
    };
    out.push(b);
    for (let f = 1; f <= floors; f++) {
      const floor: AreaRow = {
        id: rng.uuid(),
        site_id: siteId,
        parent_id: b.id,
        kind: 'floor',
        code: `${code}-${f}F`,
        name: zh ? `${buildingName} ${f}樓` : `${buildingName}, ${f}F`,
      };
      out.push(floor);
      if (site.lines.length === 0) continue;
      const process = site.lines[line % site.lines.length];
      line++;
      out.push({
        id: rng.uuid(),
        site_id: siteId,
        parent_id: floor.id,
        kind: 'line',
        code: `${code}-${f}F-L1`,
        name: zh ? `${LINE_ZH[process] ?? process}產線 ${line}` : `${process} line ${line}`,
      });
    }
  }
  const zones: [AreaRow['kind'], string, string][] =
    site.kind === 'office'
      ? [
          ['room', 'SRV', 'Server room'],
          ['zone', 'LOBBY', 'Reception and lobby'],
        ]
      : [
          ['zone', 'CHEM', 'Chemical storage'],
          ['zone', 'GAS', 'Bulk gas yard'],
          ['zone', 'WWT', 'Wastewater treatment plant'],
          ['zone', 'WH', 'Warehouse'],
        ];
  if (site.code === 'ASE-KH') zones.push(['room', 'CLINIC', "Employees' clinic"]);
  for (const [kind, code, name] of zones)
    out.push({
      id: rng.uuid(),
      site_id: siteId,
      parent_id: null,
      kind,
      code,
      name: zh ? (ZONE_ZH[code] ?? name) : name,
    });
  return out;
}

/** The Chinese names of the production processes of the lines. */
const LINE_ZH: Record<string, string> = {
  'Wafer bumping': '晶圓凸塊',
  'Flip chip': '覆晶',
  'Wire bonding': '打線',
  Molding: '封膠',
  'Final test': '成品測試',
  'System in package': '系統級封裝',
  Bumping: '凸塊',
  'Fan-out': '扇出型封裝',
  'Wafer sort': '晶圓針測',
  SMT: '表面黏著',
  'System assembly': '系統組裝',
  'Functional test': '功能測試',
  'Conformal coating': '三防塗覆',
  'Box build': '整機組裝',
};

const ZONE_ZH: Record<string, string> = {
  SRV: '機房',
  LOBBY: '接待大廳',
  CHEM: '化學品倉庫',
  GAS: '大宗氣體供應區',
  WWT: '廢水處理場',
  WH: '倉庫',
  CLINIC: '員工醫務室',
};

/** K7 → K7 棟, Plant 2 → 第2廠, Plant A → A廠, Neihu Tower → 內湖大樓. */
function buildingNameZh(building: string): string {
  if (/^[A-Z]+\d+$/.test(building)) return `${building} 棟`;
  const plant = /^Plant (\w+)$/.exec(building);
  if (plant) return /^\d+$/.test(plant[1]) ? `第${plant[1]}廠` : `${plant[1]}廠`;
  return building === 'Neihu Tower' ? '內湖大樓' : building;
}
