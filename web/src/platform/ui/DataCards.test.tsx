import { MantineProvider } from '@mantine/core';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import '../i18n/index.ts';
import { DataCards } from './DataCards.tsx';
import type { Column } from './DataTable.tsx';

type Row = { id: string; title: string; status: string; site: string };

const columns: Column<Row>[] = [
  { key: 'title', header: 'Action', render: (r) => r.title },
  { key: 'status', header: 'Status', render: (r) => r.status },
  { key: 'site', header: 'Site', render: (r) => r.site },
];
const rows: Row[] = [
  { id: 'a', title: 'Cover every skylight of the roofs', status: 'Verified effective', site: 'ASE-CL' },
  { id: 'b', title: 'Refresher training for handlers', status: 'In progress', site: 'ASE-KH' },
];

const html = (node: ReactElement) => renderToStaticMarkup(<MantineProvider>{node}</MantineProvider>);
const cards = (items: Row[], loading = false) =>
  html(
    <DataCards
      columns={columns}
      items={items}
      loading={loading}
      rowKey={(r) => r.id}
      expanded={new Set()}
      toggleExpanded={() => {}}
      label="Actions"
      total={items.length}
      busy={false}
      dimmed={false}
    />,
  );

describe('DataCards (a list on a phone)', () => {
  it('shows one card per row with every column labelled, the first as its title', () => {
    const out = cards(rows);
    expect(out.match(/role="listitem"/g)).toHaveLength(2);
    expect(out).toContain('aria-label="Actions"');
    for (const r of rows) for (const v of [r.title, r.status, r.site]) expect(out).toContain(v);
    // The other columns carry their header as a label on every card; the title column does not repeat it.
    expect(out.match(/>Status</g)).toHaveLength(2);
    expect(out.match(/>Site</g)).toHaveLength(2);
    expect(out).not.toContain('>Action<');
  });

  it('shows placeholders while loading, and no card', () => {
    const out = cards([], true);
    expect(out).not.toContain('role="listitem"');
    expect(out).toContain('mantine-Skeleton');
  });
});
