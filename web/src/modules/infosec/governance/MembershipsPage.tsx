import { Anchor, Badge, Button, Modal, Select, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import {
  type MembershipView,
  membershipKinds,
  membershipPage,
} from '#shared/modules/infosec/governance/contract.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { AttachmentsPanel } from '../../../platform/documents/AttachmentsPanel.tsx';
import { useSites } from '../../../platform/people/sites.ts';
import { type Column, DataTable } from '../../../platform/ui/DataTable.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { localDay } from '../../../platform/ui/time.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { MembershipForm } from './MembershipForm.tsx';

const today = () => localDay();

/** Memberships and agreements: filters, sorting, paging, exports; each renewal's due day beside its date. */
export function MembershipsPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const can = useCan();
  const { options: siteOptions } = useSites();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [dueBy, setDueBy] = useState('');
  const [editing, setEditing] = useState<MembershipView | 'new' | null>(null);
  const [documentsOf, setDocumentsOf] = useState<MembershipView | null>(null);
  const manage = can('infosec.manage');

  const columns: Column<MembershipView>[] = [
    {
      key: 'organisation',
      header: t('memberships.organisation'),
      sortKey: 'organisation',
      wrap: true,
      render: (m) => (
        <Text size="sm" fw={500}>
          {m.organisation}
        </Text>
      ),
    },
    {
      key: 'kind',
      header: t('memberships.kind'),
      sortKey: 'kind',
      render: (m) => <Badge variant="light">{label('membershipKinds', m.kind)}</Badge>,
    },
    { key: 'site', header: t('common.site'), render: (m) => m.siteCode ?? t('memberships.groupWide') },
    { key: 'since', header: t('memberships.since'), sortKey: 'since', render: (m) => m.since },
    {
      key: 'renewalOn',
      header: t('memberships.renewalOn'),
      sortKey: 'renewalOn',
      render: (m) => m.renewalOn ?? '—',
    },
    {
      key: 'due',
      header: t('memberships.renewalDueOn'),
      render: (m) =>
        m.renewalDueOn ? (
          <Text
            size="sm"
            c={m.renewalDueOn <= today() ? 'red' : undefined}
            fw={m.renewalDueOn <= today() ? 600 : 400}
          >
            {m.renewalDueOn}
          </Text>
        ) : (
          '—'
        ),
    },
    { key: 'owner', header: t('memberships.owner'), render: (m) => m.ownerName ?? '—' },
    {
      key: 'documents',
      header: t('memberships.documents'),
      render: (m) => (
        <Anchor
          component="button"
          size="sm"
          onClick={(e) => {
            e.stopPropagation();
            setDocumentsOf(m);
          }}
        >
          {m.documents}
        </Anchor>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('memberships.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('memberships.title') }]}
        description={t('memberships.description')}
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('memberships.add')}
            </Button>
          ) : null
        }
      />
      <DataTable
        label={t('memberships.title')}
        endpoint="/api/infosec/memberships"
        schema={membershipPage}
        columns={columns}
        rowKey={(m) => m.id}
        defaultSort="organisation"
        searchPlaceholder={t('memberships.searchPlaceholder')}
        filters={{
          siteId: siteId && siteId !== 'group' ? siteId : undefined,
          groupWide: siteId === 'group' ? 'true' : undefined,
          kind: kind ?? undefined,
          dueBy: dueBy || undefined,
        }}
        filterBar={
          <>
            <Select
              aria-label={t('common.site')}
              placeholder={t('common.allSites')}
              data={[{ value: 'group', label: t('memberships.groupWide') }, ...siteOptions]}
              value={siteId}
              onChange={setSiteId}
              searchable
              clearable
              w={200}
            />
            <Select
              aria-label={t('memberships.kind')}
              placeholder={t('memberships.allKinds')}
              data={membershipKinds.map((k) => ({ value: k, label: label('membershipKinds', k) }))}
              value={kind}
              onChange={setKind}
              clearable
              w={170}
            />
            <TextInput
              type="date"
              aria-label={t('memberships.dueBy')}
              title={t('memberships.dueBy')}
              value={dueBy}
              onChange={(e) => setDueBy(e.currentTarget.value)}
              w={170}
            />
          </>
        }
        exportPath="/api/infosec/memberships/export.csv"
        exportXlsxPath="/api/infosec/memberships/export.xlsx"
        onRowClick={manage ? (m) => setEditing(m) : undefined}
        emptyTitle={t('memberships.emptyTitle')}
        emptyHint={t('memberships.emptyHint')}
      />
      {editing && (
        <MembershipForm record={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      <Modal
        opened={documentsOf !== null}
        onClose={() => setDocumentsOf(null)}
        title={documentsOf?.organisation}
        size="lg"
      >
        {documentsOf && (
          <AttachmentsPanel
            entityType="infosec_membership"
            entityId={documentsOf.id}
            canWrite={manage}
            title={t('memberships.documents')}
            description={t('memberships.documentsHint')}
          />
        )}
      </Modal>
    </>
  );
}
