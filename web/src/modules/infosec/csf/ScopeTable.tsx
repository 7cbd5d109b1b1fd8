import { Checkbox, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useSites } from '../../../platform/people/sites.ts';
import { useLocalName } from '../../../platform/ui/labels.ts';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';

const DOMAINS = ['it', 'ot'] as const;

/** A site and domain as the scope's key. */
export const scopeKey = (siteId: string, domain: string) => `${siteId}:${domain}`;

/** The scope's keys as the API takes them. */
export const scopeOf = (keys: Iterable<string>) =>
  [...keys].map((k) => {
    const [siteId = '', domain = ''] = k.split(':');
    return { siteId, domain: domain as 'it' | 'ot' };
  });

/**
 * Sites × IT/OT to tick for a campaign. `existing`: pairs the campaign already assesses, shown ticked and
 * locked.
 */
export function ScopeTable({
  chosen,
  onChange,
  existing = new Set(),
}: {
  chosen: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  existing?: ReadonlySet<string>;
}) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const localName = useLocalName();
  const { sites } = useSites();
  const toggle = (k: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(k);
    else next.delete(k);
    onChange(next);
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('csf.scope')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('csf.scopeHint')}
      </Text>
      <ScrollArea.Autosize mah={320} type="auto">
        <Table fz="sm" verticalSpacing={4} aria-label={t('csf.scope')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('csf.site')}</Table.Th>
              {DOMAINS.map((d) => (
                <Table.Th key={d} w={70}>
                  {label('domains', d)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sites.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  {s.code} · {localName(s)}
                </Table.Td>
                {DOMAINS.map((d) => {
                  const k = scopeKey(s.id, d);
                  return (
                    <Table.Td key={d}>
                      <Checkbox
                        aria-label={`${s.code} ${label('domains', d)}`}
                        checked={existing.has(k) || chosen.has(k)}
                        disabled={existing.has(k)}
                        onChange={(e) => toggle(k, e.currentTarget.checked)}
                      />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}
