import { useComputedColorScheme } from '@mantine/core';
import { rootCauseCategories } from '#shared/modules/ohs/investigations/contract.ts';
import { useOhsLabel } from '../i18n/index.ts';

type Cause = { id: string; category: string | null; statement: string };

const W = 960;
const BONE_H = 130;
const HEAD_W = 170;
const CAUSE_CHARS = 25;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * An Ishikawa diagram: the effect at the head, a bone per category (people, machine, method, material,
 * measurement, environment, management), the causes along their bone. Categories without a cause stay
 * faint, so the empty ones show where nobody has looked yet.
 */
export function Fishbone({ causes, effect, label }: { causes: Cause[]; effect: string; label: string }) {
  const tl = useOhsLabel();
  const dark = useComputedColorScheme('light') === 'dark';
  const ink = dark ? '#dee2e6' : '#343a40';
  const faint = dark ? '#5c5f66' : '#ced4da';
  const accent = 'var(--mantine-color-blue-6)';
  const cats = [...rootCauseCategories];
  const top = cats.slice(0, 4);
  const bottom = cats.slice(4);
  const spineY = BONE_H + 40;
  const H = spineY * 2 + 10;
  const spineEnd = W - HEAD_W - 10;
  const step = (spineEnd - 110) / 4;

  const bone = (cat: string, i: number, up: boolean) => {
    const list = causes.filter((c) => c.category === cat);
    const x = 110 + step * i + (up ? 0 : step / 2);
    const tipX = x - 60;
    const tipY = up ? 30 : H - 34;
    const active = list.length > 0;
    const color = active ? ink : faint;
    const shown = list.slice(0, 4);
    return (
      <g key={cat}>
        <line x1={tipX} y1={tipY} x2={x + 40} y2={spineY} stroke={color} strokeWidth={active ? 2 : 1.2} />
        <text
          x={tipX}
          y={up ? tipY - 10 : tipY + 20}
          fill={active ? accent : faint}
          fontSize={13}
          fontWeight={700}
          textAnchor="middle"
        >
          {tl('categories', cat)}
          {active ? ` (${list.length})` : ''}
        </text>
        {shown.map((c, j) => {
          // Along the bone, from its tip towards the spine.
          const f = (j + 1) / (shown.length + 1);
          const bx = tipX + (x + 40 - tipX) * f;
          const by = tipY + (spineY - tipY) * f;
          return (
            <g key={c.id}>
              <line x1={bx} y1={by} x2={bx + 14} y2={by} stroke={color} strokeWidth={1} />
              <text x={bx + 18} y={by + 4} fill={ink} fontSize={11}>
                <title>{c.statement}</title>
                {clip(c.statement, CAUSE_CHARS)}
              </text>
            </g>
          );
        })}
        {list.length > shown.length && (
          <text x={x + 10} y={up ? spineY - 8 : spineY + 16} fill={faint} fontSize={11}>
            +{list.length - shown.length}
          </text>
        )}
      </g>
    );
  };

  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={label}
      style={{ maxWidth: W, display: 'block' }}
    >
      <line x1={20} y1={spineY} x2={spineEnd} y2={spineY} stroke={ink} strokeWidth={3} />
      <polygon
        points={`${spineEnd},${spineY - 8} ${spineEnd + 14},${spineY} ${spineEnd},${spineY + 8}`}
        fill={ink}
      />
      <rect
        x={spineEnd + 18}
        y={spineY - 34}
        width={HEAD_W - 10}
        height={68}
        rx={8}
        fill="var(--mantine-color-red-light)"
        stroke="var(--mantine-color-red-6)"
      />
      <foreignObject x={spineEnd + 22} y={spineY - 32} width={HEAD_W - 18} height={64}>
        <div
          style={{
            height: '100%',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            textAlign: 'center',
            fontSize: 12,
            fontWeight: 600,
            color: ink,
            overflow: 'hidden',
            lineHeight: 1.25,
          }}
        >
          {clip(effect, 80)}
        </div>
      </foreignObject>
      {top.map((c, i) => bone(c, i, true))}
      {bottom.map((c, i) => bone(c, i, false))}
    </svg>
  );
}
