import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { SupplierView } from '#shared/modules/infosec/suppliers/contract.ts';
import { type ApiError, api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/session.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { ProblemAlert } from '../../../platform/ui/problem.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { invalidateSuppliers, supplierQuery } from './api.ts';
import { ContactForm, SupplierForm } from './SupplierForm.tsx';
import { criticalityColor } from './SuppliersPage.tsx';

type Contact = SupplierView['contacts'][number];

/** One critical supplier: what it supplies and to which sites, its contacts; the site's team edits both. */
export function SupplierPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const can = useCan();
  const queryClient = useQueryClient();
  const { supplierId } = useParams({ strict: false }) as { supplierId: string };
  const q = useQuery(supplierQuery(supplierId));
  const [editing, setEditing] = useState(false);
  const [contact, setContact] = useState<Contact | 'new' | null>(null);
  const s = q.data;
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!s) return null;
  const manage = can('infosec.manage');
  const removeContact = (c: Contact) =>
    modals.openConfirmModal({
      title: `${s.name} · ${t('suppliers.removeContact')}`,
      children: <Text size="sm">{t('suppliers.removeContactConfirm', { name: c.name })}</Text>,
      labels: { confirm: t('suppliers.removeContact'), cancel: t('suppliers.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await api.delete(`/api/infosec/supplier-contacts/${c.id}`);
        } catch (error) {
          modals.open({
            title: t('suppliers.removeFailed'),
            children: <Text size="sm">{(error as ApiError).message}</Text>,
          });
          return;
        }
        notifications.show({ message: t('suppliers.contactRemoved'), color: 'teal' });
        await invalidateSuppliers(queryClient);
      },
    });
  const fact = (name: string, value: string) => (
    <Text size="sm">
      <Text span c="dimmed">
        {name}:
      </Text>{' '}
      {value}
    </Text>
  );
  return (
    <Stack gap="md">
      <PageHeader
        title={s.name}
        crumbs={[
          { label: t('nav.section') },
          { label: t('suppliers.title'), to: '/infosec/suppliers' },
          { label: s.siteCode },
        ]}
        actions={manage ? <Button onClick={() => setEditing(true)}>{t('suppliers.edit')}</Button> : null}
      />
      <Card withBorder radius="md">
        <Group gap="xs" mb="xs">
          <Badge variant="light" color={criticalityColor[s.criticality]}>
            {label('supplierCriticalities', s.criticality)}
          </Badge>
          <Badge variant="light">{label('supplierCategories', s.category)}</Badge>
          {!s.active && (
            <Badge variant="light" color="gray">
              {t('suppliers.inactive')}
            </Badge>
          )}
        </Group>
        <Stack gap={4}>
          {fact(t('common.site'), s.siteCode)}
          {fact(t('suppliers.country'), s.country)}
          {fact(t('suppliers.supplies'), s.supplies)}
          {fact(t('suppliers.served'), s.servedSites.map((x) => x.code).join(', ') || '—')}
          {fact(t('suppliers.lastConfirmed'), s.lastConfirmedOn ?? '—')}
          {fact(t('suppliers.followUpDue'), s.followUpDueOn ?? '—')}
        </Stack>
      </Card>
      <Card withBorder radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t('suppliers.contacts')}</Title>
          {manage && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setContact('new')}>
              {t('suppliers.addContact')}
            </Button>
          )}
        </Group>
        {s.contacts.length === 0 ? (
          <Text c="dimmed">{t('suppliers.noContacts')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table aria-label={t('suppliers.contacts')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('suppliers.contactName')}</Table.Th>
                  <Table.Th>{t('suppliers.position')}</Table.Th>
                  <Table.Th>{t('suppliers.email')}</Table.Th>
                  <Table.Th>{t('suppliers.phone')}</Table.Th>
                  <Table.Th>{t('suppliers.signIn')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.contacts.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td>{c.position ?? '—'}</Table.Td>
                    <Table.Td>{c.email}</Table.Td>
                    <Table.Td>{c.phone ?? '—'}</Table.Td>
                    <Table.Td>{c.userId ? t('suppliers.hasSignIn') : '—'}</Table.Td>
                    <Table.Td>
                      {manage && (
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            aria-label={`${t('suppliers.editContact')} ${c.name}`}
                            onClick={() => setContact(c)}
                          >
                            {t('suppliers.editContact')}
                          </Button>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            aria-label={`${t('suppliers.removeContact')} ${c.name}`}
                            onClick={() => removeContact(c)}
                          >
                            {t('suppliers.removeContact')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {editing && <SupplierForm record={s} onClose={() => setEditing(false)} />}
      {contact && (
        <ContactForm
          supplier={s}
          record={contact === 'new' ? null : contact}
          onClose={() => setContact(null)}
        />
      )}
    </Stack>
  );
}
