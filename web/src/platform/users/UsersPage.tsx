import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  MultiSelect,
  Paper,
  PasswordInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconLockOpen, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Program } from '#shared/platform/access/programs.ts';
import { roles } from '#shared/platform/access/roles.ts';
import { subsidiaryView } from '#shared/platform/org/contract.ts';
import { userInput, userPage, userPatch, userView } from '#shared/platform/users/contract.ts';
import { api } from '../api/client.ts';
import { useCan, useSession } from '../auth/session.ts';
import { localeNames } from '../i18n/index.ts';
import { programChoices } from '../modules/manifest.ts';
import { programNameKey, programShortKey } from '../modules/program-names.ts';
import { useSites } from '../people/sites.ts';
import { type Column, DataTable } from '../ui/DataTable.tsx';
import { FormModal } from '../ui/FormModal.tsx';
import { useFormat } from '../ui/labels.ts';
import { PageHeader } from '../ui/PageHeader.tsx';
import { problemMessage } from '../ui/problem.tsx';
import { useRecordForm } from '../ui/useRecordForm.ts';

type User = z.infer<typeof userView>;
type Role = (typeof roles)[number];
type AssignmentValues = {
  role: Role;
  program: string;
  scopeKind: 'group' | 'subsidiary' | 'sites';
  subsidiaryId: string | null;
  siteIds: string[];
};
type Values = {
  email: string;
  displayName: string;
  locale: 'en' | 'zh-TW';
  password: string;
  active: boolean;
  assignments: AssignmentValues[];
};

const usersKey = '/api/users';
const ALL = '__all__';
/** Roles whose assignment can be narrowed to one program. */
const programRoles: Role[] = ['program_owner', 'site_officer'];

function useSubsidiaries() {
  const query = useQuery({
    queryKey: ['/api/org/subsidiaries'],
    queryFn: () => api.get('/api/org/subsidiaries', z.object({ items: z.array(subsidiaryView) })),
    staleTime: 60_000,
  });
  return query.data?.items ?? [];
}

/** Describes role assignments with codes: the role, the program's short name and the site codes. */
function useAssignmentText() {
  const { t } = useTranslation();
  const { sites } = useSites();
  const subsidiaries = useSubsidiaries();
  const siteCode = new Map(sites.map((s) => [s.id, s.code]));
  const subCode = new Map(subsidiaries.map((s) => [s.id, s.code]));
  return (a: User['assignments'][number]) =>
    [
      t(`roles.${a.role}`),
      a.program ? t(programShortKey(a.program)) : null,
      a.scopeKind === 'group'
        ? t('scope.group')
        : a.scopeKind === 'subsidiary'
          ? (subCode.get(a.subsidiaryId ?? '') ?? '?')
          : a.siteIds.map((id) => siteCode.get(id) ?? '?').join(', '),
    ]
      .filter(Boolean)
      .join(' · ');
}

function toPayload(v: Values, mode: 'create' | 'edit') {
  const assignments = v.assignments.map((a) => ({
    role: a.role,
    program: programRoles.includes(a.role) && a.program !== ALL ? (a.program as Program) : null,
    scopeKind: a.scopeKind,
    ...(a.scopeKind === 'subsidiary' ? { subsidiaryId: a.subsidiaryId } : {}),
    ...(a.scopeKind === 'sites' ? { siteIds: a.siteIds } : {}),
  }));
  if (mode === 'create') {
    return {
      email: v.email.trim(),
      displayName: v.displayName.trim(),
      locale: v.locale,
      password: v.password,
      assignments,
    };
  }
  return {
    displayName: v.displayName.trim(),
    locale: v.locale,
    active: v.active,
    assignments,
    ...(v.password ? { password: v.password } : {}),
  };
}

function AssignmentsEditor({
  form,
}: {
  form: ReturnType<typeof useRecordForm<User, Values, ReturnType<typeof toPayload>>>['form'];
}) {
  const { t } = useTranslation();
  const { options: siteOptions } = useSites();
  const subsidiaries = useSubsidiaries();
  const values = form.getValues().assignments;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {t('users.roles')}
        </Text>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            form.insertListItem('assignments', {
              role: 'employee',
              program: ALL,
              scopeKind: 'sites',
              subsidiaryId: null,
              siteIds: [],
            } satisfies AssignmentValues)
          }
        >
          {t('users.addRole')}
        </Button>
      </Group>
      {values.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('users.noRoles')}
        </Text>
      )}
      {values.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items are edited in place
        <Paper key={i} withBorder p="sm" radius="md" data-testid={`assignment-${i}`}>
          <Stack gap="xs">
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <Select
                label={t('users.role')}
                data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                allowDeselect={false}
                style={{ flex: 1 }}
                {...form.getInputProps(`assignments.${i}.role`)}
              />
              {programRoles.includes(a.role) && (
                <Select
                  label={t('users.program')}
                  data={[
                    ...(a.role === 'program_owner' ? [] : [{ value: ALL, label: t('users.allPrograms') }]),
                    ...programChoices().map((p) => ({ value: p, label: t(programNameKey(p)) })),
                  ]}
                  allowDeselect={false}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`assignments.${i}.program`)}
                />
              )}
              <Tooltip label={t('users.removeRole')}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={4}
                  onClick={() => form.removeListItem('assignments', i)}
                  aria-label={t('users.removeRole')}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
            <SegmentedControl
              size="xs"
              data={[
                { value: 'group', label: t('scope.group') },
                { value: 'subsidiary', label: t('scope.subsidiary') },
                { value: 'sites', label: t('scope.sites') },
              ]}
              {...form.getInputProps(`assignments.${i}.scopeKind`)}
            />
            {a.scopeKind === 'subsidiary' && (
              <Select
                aria-label={t('scope.subsidiary')}
                placeholder={t('users.chooseSubsidiary')}
                data={subsidiaries.map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
                {...form.getInputProps(`assignments.${i}.subsidiaryId`)}
              />
            )}
            {a.scopeKind === 'sites' && (
              <MultiSelect
                aria-label={t('scope.sites')}
                placeholder={t('users.chooseSites')}
                data={siteOptions}
                searchable
                {...form.getInputProps(`assignments.${i}.siteIds`)}
              />
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function UserFormModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSession();
  const f = useRecordForm({
    record: user,
    blank: {
      email: '',
      displayName: '',
      locale: 'en',
      password: '',
      active: true,
      assignments: [],
    } as Values,
    toValues: (u) => ({
      email: u.email,
      displayName: u.displayName,
      locale: u.locale,
      password: '',
      active: u.active,
      assignments: u.assignments.map((a) => ({
        role: a.role,
        program: a.program ?? ALL,
        scopeKind: a.scopeKind,
        subsidiaryId: a.subsidiaryId,
        siteIds: a.siteIds,
      })),
    }),
    toPayload,
    createSchema: userInput,
    patchSchema: userPatch,
    create: (p) => api.post(usersKey, p, userView),
    update: (id, body) => api.patch(`${usersKey}/${id}`, body, userView),
    fetch: (id) => api.get(`${usersKey}/${id}`, userView),
    invalidate: [usersKey, '/api/home'],
    onSaved: onClose,
    check: (v) => {
      const errors: Record<string, string> = {};
      v.assignments.forEach((a, i) => {
        if (a.role === 'program_owner' && (a.program === ALL || !a.program))
          errors[`assignments.${i}.program`] = t('users.programRequired');
        if (a.scopeKind === 'subsidiary' && !a.subsidiaryId)
          errors[`assignments.${i}.subsidiaryId`] = t('users.subsidiaryRequired');
        if (a.scopeKind === 'sites' && a.siteIds.length === 0)
          errors[`assignments.${i}.siteIds`] = t('users.sitesRequired');
      });
      return errors;
    },
  });
  const unlock = useMutation({
    mutationFn: (u: User) => api.patch(`${usersKey}/${u.id}`, { unlock: true, version: u.version }, userView),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('users.unlocked') });
      void queryClient.invalidateQueries({ queryKey: [usersKey] });
      void queryClient.invalidateQueries({ queryKey: ['/api/home'] });
      onClose();
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: t('errors.title'), message: problemMessage(error, t) }),
  });
  const base = f.base;
  const self = base?.id === session.user.id;

  return (
    <FormModal
      opened
      onClose={onClose}
      title={base ? t('users.edit') : t('users.add')}
      onSubmit={f.submit}
      busy={f.save.isPending}
      error={f.formError}
      onReload={() => void f.reload()}
      size="xl"
    >
      {base?.locked && (
        <Alert color="orange" icon={<IconLock size={18} />} title={t('users.lockedTitle')}>
          <Group justify="space-between">
            <Text size="sm">{t('users.lockedText')}</Text>
            <Button
              size="xs"
              leftSection={<IconLockOpen size={14} />}
              onClick={() => unlock.mutate(base)}
              loading={unlock.isPending}
            >
              {t('users.unlock')}
            </Button>
          </Group>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('users.email')}
          type="email"
          required
          disabled={!!base}
          data-autofocus={!base || undefined}
          {...f.form.getInputProps('email')}
        />
        <TextInput
          label={t('users.displayName')}
          required
          data-autofocus={!!base || undefined}
          {...f.form.getInputProps('displayName')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PasswordInput
          label={base ? t('users.newPassword') : t('users.password')}
          description={base ? t('users.newPasswordHint') : t('users.passwordHint')}
          autoComplete="new-password"
          required={!base}
          {...f.form.getInputProps('password')}
        />
        <Select
          label={t('userMenu.language')}
          data={Object.entries(localeNames).map(([value, label]) => ({ value, label }))}
          allowDeselect={false}
          {...f.form.getInputProps('locale')}
        />
      </SimpleGrid>
      {base && (
        <Switch
          label={t('users.active')}
          description={self ? t('users.cannotDeactivateSelf') : t('users.activeHint')}
          disabled={self}
          {...f.form.getInputProps('active', { type: 'checkbox' })}
        />
      )}
      <Divider />
      <AssignmentsEditor form={f.form} />
    </FormModal>
  );
}

/** Users and their role assignments; create, change roles, unlock, deactivate. */
export function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const fmt = useFormat();
  const describe = useAssignmentText();
  const [role, setRole] = useState<string | null>(null);
  const [editing, setEditing] = useState<User | null | 'new'>(null);
  const manage = can('users.manage');
  const columns: Column<User>[] = [
    {
      key: 'displayName',
      header: t('users.displayName'),
      sortKey: 'displayName',
      render: (u) => (
        <Text size="sm" fw={500}>
          {u.displayName}
        </Text>
      ),
    },
    { key: 'email', header: t('users.email'), sortKey: 'email', render: (u) => u.email },
    {
      key: 'roles',
      header: t('users.roles'),
      wrap: true,
      render: (u) => (
        <Group gap={4}>
          {u.assignments.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: assignments have no id
            <Badge key={i} variant="light" tt="none" radius="sm">
              {describe(a)}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      key: 'status',
      header: t('users.status'),
      render: (u) => (
        <Group gap={4}>
          {u.active ? (
            <Badge color="teal" variant="light">
              {t('users.statusActive')}
            </Badge>
          ) : (
            <Badge color="gray">{t('users.statusInactive')}</Badge>
          )}
          {u.locked && (
            <Badge color="orange" leftSection={<IconLock size={10} />}>
              {t('users.statusLocked')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'lastSignIn',
      header: t('users.lastSignIn'),
      sortKey: 'lastSignInAt',
      render: (u) => (u.lastSignInAt ? fmt.dateTime(u.lastSignInAt) : t('users.never')),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('users.title')}
        crumbs={[{ label: t('nav.administration') }, { label: t('nav.users') }]}
        description={t('users.description')}
      />
      <DataTable
        label={t('users.title')}
        endpoint={usersKey}
        schema={userPage}
        columns={columns}
        rowKey={(u) => u.id}
        defaultSort="displayName"
        filters={{ role: role ?? undefined }}
        filterBar={
          <Select
            aria-label={t('users.role')}
            placeholder={t('users.allRoles')}
            data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            onChange={setRole}
            clearable
            w={220}
          />
        }
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('users.add')}
            </Button>
          ) : null
        }
        onRowClick={manage ? setEditing : undefined}
      />
      {editing !== null && (
        <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
