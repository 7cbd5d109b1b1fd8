import { Button, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useSites } from '../../../platform/people/sites.ts';
import { useLocalName } from '../../../platform/ui/labels.ts';
import { PageHeader } from '../../../platform/ui/PageHeader.tsx';
import { useAreas } from '../api.ts';
import { useOhsT } from '../i18n/index.ts';

/** The address a QR code opens: the report form with the site and area filled in. */
export function reportUrl(siteId: string, areaId?: string) {
  const params = new URLSearchParams({ site: siteId, ...(areaId ? { area: areaId } : {}) });
  return `${window.location.origin}/ohs/report?${params}`;
}

function QrCard({ url, title, subtitle }: { url: string; title: string; subtitle: string }) {
  const t = useOhsT();
  const [svg, setSvg] = useState('');
  useEffect(() => {
    let live = true;
    void QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }).then((s) => {
      if (live) setSvg(s);
    });
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <Paper withBorder radius="md" p="md" className="ohs-qr-card" style={{ breakInside: 'avoid' }}>
      <Stack align="center" gap={6}>
        <Text fw={700} ta="center">
          {title}
        </Text>
        <Text size="xs" c="dimmed" ta="center">
          {subtitle}
        </Text>
        {svg && (
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
            width={180}
            height={180}
            alt={`QR ${title}`}
            data-url={url}
          />
        )}
        <Text size="sm" fw={600} ta="center">
          {t('qr.scanToReport')}
        </Text>
      </Stack>
    </Paper>
  );
}

const printStyle = `@media print {
  .mantine-AppShell-header, .mantine-AppShell-navbar, .ohs-no-print { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; }
  .ohs-qr-grid { grid-template-columns: repeat(3, 1fr) !important; }
}`;

/** Printable QR codes, one per area of a site (and one for the site as a whole), that open the report form. */
export function QrCodesPage() {
  const t = useOhsT();
  const local = useLocalName();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { site?: string };
  const { sites, options } = useSites();
  const siteId = search.site ?? (sites.length === 1 ? sites[0].id : null);
  const site = sites.find((s) => s.id === siteId);
  const areas = useAreas(siteId);
  return (
    <>
      <style>{printStyle}</style>
      <div className="ohs-no-print">
        <PageHeader
          title={t('qr.title')}
          crumbs={[{ label: t('nav.section'), to: '/ohs' }, { label: t('qr.title') }]}
          description={t('qr.description')}
          actions={
            site ? (
              <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
                {t('qr.printAll')}
              </Button>
            ) : null
          }
        />
        <Group mb="md">
          <Select
            aria-label={t('common.site')}
            placeholder={t('common.site')}
            data={options}
            value={siteId}
            onChange={(v) =>
              void navigate({ to: '/ohs/qr-codes', search: { site: v ?? undefined }, replace: true })
            }
            searchable
            w={280}
          />
        </Group>
      </div>
      {!site ? (
        <Text c="dimmed">{t('qr.chooseSite')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} className="ohs-qr-grid">
          <QrCard
            url={reportUrl(site.id)}
            title={`${site.code}`}
            subtitle={`${local(site)} · ${t('qr.siteOnly')}`}
          />
          {(areas.data ?? []).map((a) => (
            <QrCard
              key={a.id}
              url={reportUrl(site.id, a.id)}
              title={`${site.code} · ${a.code}`}
              subtitle={a.name}
            />
          ))}
          {areas.data && areas.data.length === 0 && <Text c="dimmed">{t('qr.noAreas')}</Text>}
        </SimpleGrid>
      )}
    </>
  );
}
