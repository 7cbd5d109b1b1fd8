import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { partnerPage } from '#shared/modules/academia/contract.ts';

export { toMinor } from '#shared/modules/academia/money.ts';

import { programPage } from '#shared/modules/academia/program-contract.ts';
import { api } from '../../platform/api/client.ts';

/** Query keys of the program's data: a change refreshes every list and view that starts with one of them. */
export const academiaKeys = {
  partners: '/api/academia/partners',
  agreements: '/api/academia/agreements',
  projects: '/api/academia/projects',
  interns: '/api/academia/interns',
  scholarships: '/api/academia/scholarships',
  payments: '/api/academia/payments',
  contribution: '/api/academia/contribution',
  courses: '/api/academia/courses',
  mentorships: '/api/academia/mentorships',
  placements: '/api/academia/placements',
  myProjects: '/api/academia/my/projects',
};

/** Every partner, for pickers (about seventy), labelled in the reader's language. */
export function usePartnerOptions() {
  const { i18n } = useTranslation();
  const zh = i18n.language === 'zh-TW';
  const query = useQuery({
    queryKey: [academiaKeys.partners, 'all'],
    queryFn: () => api.get('/api/academia/partners', partnerPage, { pageSize: 500, sort: 'name' }),
    staleTime: 60_000,
  });
  return (query.data?.items ?? []).map((p) => ({ value: p.id, label: zh && p.nameZh ? p.nameZh : p.name }));
}

/** A record's school in the reader's language: its Chinese name on a Chinese page, where it has one. */
export function useSchoolName() {
  const { i18n } = useTranslation();
  const zh = i18n.language === 'zh-TW';
  return <T extends { partnerName: string | null; partnerNameZh: string | null }>(row: T): T['partnerName'] =>
    (zh && row.partnerNameZh) || row.partnerName;
}

/** The program records, for pickers (a few dozen), by code, labelled in the reader's language. */
export function useProgramOptions() {
  const { i18n } = useTranslation();
  const zh = i18n.language === 'zh-TW';
  const query = useQuery({
    queryKey: ['/api/academia/programs', 'all'],
    queryFn: () => api.get('/api/academia/programs', programPage, { pageSize: 500, sort: 'code' }),
    staleTime: 60_000,
  });
  return (query.data?.items ?? []).map((p) => ({ value: p.code, label: zh ? p.nameZh : p.name }));
}

/** Minor units (cents) as an amount with its currency: "TWD 1,500,000.00". */
export function useMoney() {
  const { i18n } = useTranslation();
  const f = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (minor: number | null, currency: string) =>
    minor === null ? '—' : `${currency} ${f.format(minor / 100)}`;
}
