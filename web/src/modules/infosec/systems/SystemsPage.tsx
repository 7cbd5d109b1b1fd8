import { Badge, Button, Select, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import {
  criticalities,
  type SystemView,
  systemDomains,
  systemPage,
} from '#shared/modules/infosec/contract.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { SiteFilter } from '../../../platform/people/SiteFilter.tsx';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { useFormat } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { productLabel } from './product.ts';
import { SystemForm } from './SystemForm.tsx';

const criticalityColor: Record<string, string> = {
  low: 'gray',
  medium: 'blue',
  high: 'orange',
  critical: 'red',
};

/** The register of critical systems and OT assets of the user's sites, with filters, sorting and exports. */
export function SystemsPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const can = useCan();
  const fmt = useFormat();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [domain, setDomain] = useState<string | null>(null);
  const [criticality, setCriticality] = useState<string | null>(null);
  const [editing, setEditing] = useState<SystemView | 'new' | null>(null);
  const manager = can('infosec.manage');

  const columns: Column<SystemView>[] = [
    { key: 'site', header: t('common.site'), render: (s) => s.siteCode },
    {
      key: 'name',
      header: t('systems.name'),
      sortKey: 'name',
      wrap: true,
      render: (s) => (
        <Text size="sm" fw={500}>
          {s.name}
        </Text>
      ),
    },
    { key: 'domain', header: t('systems.domain'), render: (s) => label('domains', s.domain) },
    {
      key: 'criticality',
      header: t('systems.criticality'),
      render: (s) => (
        <Badge color={criticalityColor[s.criticality]} variant="light">
          {label('criticalities', s.criticality)}
        </Badge>
      ),
    },
    { key: 'owner', header: t('systems.owner'), render: (s) => s.ownerName ?? '—' },
    {
      key: 'rto',
      header: t('systems.rto'),
      sortKey: 'rtoHours',
      align: 'right',
      render: (s) => (s.rtoHours === null ? '—' : fmt.number(s.rtoHours)),
    },
    {
      key: 'rpo',
      header: t('systems.rpo'),
      align: 'right',
      render: (s) => (s.rpoHours === null ? '—' : fmt.number(s.rpoHours)),
    },
    {
      key: 'product',
      header: t('systems.product'),
      wrap: true,
      render: (s) => productLabel(s) || '—',
    },
  ];

  return (
    <>
      <PageHeader
        title={t('systems.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('systems.title') }]}
        description={t('systems.description')}
        actions={
          manager ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('systems.add')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('systems.title')}
        endpoint="/api/infosec/systems"
        schema={systemPage}
        columns={columns}
        rowKey={(s) => s.id}
        defaultSort="name"
        defaultOrder="asc"
        searchPlaceholder={t('systems.searchPlaceholder')}
        filters={{
          siteId: siteId ?? undefined,
          domain: domain ?? undefined,
          criticality: criticality ?? undefined,
        }}
        filterBar={
          <>
            <SiteFilter value={siteId} onChange={setSiteId} w={220} />
            <Select
              aria-label={t('systems.domain')}
              placeholder={t('systems.allDomains')}
              data={systemDomains.map((d) => ({ value: d, label: label('domains', d) }))}
              value={domain}
              onChange={setDomain}
              clearable
              w={140}
            />
            <Select
              aria-label={t('systems.criticality')}
              placeholder={t('systems.allCriticalities')}
              data={criticalities.map((c) => ({ value: c, label: label('criticalities', c) }))}
              value={criticality}
              onChange={setCriticality}
              clearable
              w={180}
            />
          </>
        }
        exportPath="/api/infosec/systems/export.csv"
        exportXlsxPath="/api/infosec/systems/export.xlsx"
        onRowClick={manager ? (s) => setEditing(s) : undefined}
        emptyTitle={t('systems.emptyTitle')}
        emptyHint={t('systems.emptyHint')}
      />
      {editing && <SystemForm record={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
