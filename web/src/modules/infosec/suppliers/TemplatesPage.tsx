import { Badge, Button, Card, Group, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { type TemplateQuestion, templateView } from '#shared/modules/infosec/suppliers/contract.ts';
import { type SupplierArea, supplierAreas } from '#shared/modules/infosec/suppliers/rules.ts';
import { api } from '../../../platform/api/client.ts';
import { useCan, useSession } from '../../../platform/auth/session.ts';
import { useZh } from '../../../platform/i18n/module-texts.ts';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { linesOf } from '../drills/api.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { invalidateSuppliers, templatesQuery } from './api.ts';

type Template = z.infer<typeof templateView>;

/** A question as one line: CODE | area | weight | English | 中文. */
const lineOf = (q: TemplateQuestion) => [q.code, q.area, q.weight, q.text.en, q.text['zh-TW']].join(' | ');
function questionOf(line: string): TemplateQuestion {
  const [code = '', area = '', weight = '1', en = '', zh = ''] = line.split('|').map((p) => p.trim());
  return {
    code,
    area: (supplierAreas.includes(area as SupplierArea) ? area : 'governance') as SupplierArea,
    weight: Number(weight) || 1,
    text: { en, 'zh-TW': zh },
  };
}

/** The questionnaire templates; whoever manages the program group-wide edits them. */
export function SupplierTemplatesPage() {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const zh = useZh();
  const session = useSession();
  const can = useCan();
  const { data } = useQuery(templatesQuery());
  const [editing, setEditing] = useState<Template | null>(null);
  // The server decides (group-wide managers only); the button shows to those who may be.
  const groupWide = can('infosec.manage') && session.assignments.some((a) => a.scopeKind === 'group');
  return (
    <Stack gap="md">
      <PageHeader
        title={t('supplierTemplates.title')}
        crumbs={[{ label: t('nav.section') }, { label: t('supplierTemplates.title') }]}
        description={t('supplierTemplates.description')}
      />
      {(data?.items ?? []).map((tpl) => (
        <Card key={tpl.id} withBorder data-testid={`template-${tpl.code}`}>
          <Group justify="space-between" mb="xs">
            <Group gap="xs">
              <Title order={4}>{zh ? tpl.name['zh-TW'] : tpl.name.en}</Title>
              <Badge variant="light" color={tpl.active ? 'teal' : 'gray'}>
                {t(tpl.active ? 'supplierTemplates.active' : 'supplierTemplates.inactive')}
              </Badge>
              <Text size="sm" c="dimmed">
                {t('supplierTemplates.used', { count: tpl.assessments })}
              </Text>
            </Group>
            {groupWide && (
              <Button variant="default" onClick={() => setEditing(tpl)}>
                {t('supplierTemplates.edit')}
              </Button>
            )}
          </Group>
          <Table>
            <Table.Tbody>
              {tpl.questions.map((q) => (
                <Table.Tr key={q.code}>
                  <Table.Td w={70}>{q.code}</Table.Td>
                  <Table.Td>{zh ? q.text['zh-TW'] : q.text.en}</Table.Td>
                  <Table.Td w={220}>{label('supplierAreas', q.area)}</Table.Td>
                  <Table.Td w={60}>{q.weight}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
      {editing && <TemplateForm template={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function TemplateForm({ template, onClose }: { template: Template; onClose: () => void }) {
  const t = useInfosecT();
  const queryClient = useQueryClient();
  const [en, setEn] = useState(template.name.en);
  const [zhName, setZhName] = useState(template.name['zh-TW']);
  const [lines, setLines] = useState(template.questions.map(lineOf).join('\n'));
  const save = useMutation({
    mutationFn: () =>
      api.patch(
        `/api/infosec/supplier-templates/${template.id}`,
        {
          name: { en, 'zh-TW': zhName },
          questions: linesOf(lines).map(questionOf),
          version: template.version,
        },
        templateView,
      ),
    onSuccess: async () => {
      await invalidateSuppliers(queryClient);
      onClose();
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('supplierTemplates.edit')}
      size="xl"
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      busy={save.isPending}
      error={save.error}
    >
      <TextInput
        label={t('supplierTemplates.nameEn')}
        value={en}
        onChange={(e) => setEn(e.currentTarget.value)}
        data-autofocus
      />
      <TextInput
        label={t('supplierTemplates.nameZh')}
        value={zhName}
        onChange={(e) => setZhName(e.currentTarget.value)}
      />
      <Textarea
        label={t('supplierTemplates.questions')}
        description={t('supplierTemplates.questionsHint', { areas: supplierAreas.join(', ') })}
        value={lines}
        onChange={(e) => setLines(e.currentTarget.value)}
        autosize
        minRows={8}
        styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
      />
    </FormModal>
  );
}
