import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../platform/api/client.ts';
import { useAcademiaT } from './i18n/index.ts';

/** Every query of the program: a removed record can move any of its lists and figures. */
const isAcademiaQuery = (key: readonly unknown[]) =>
  typeof key[0] === 'string' && key[0].startsWith('/api/academia/');

/**
 * Asks before deleting one of the program's records, then deletes it at the version shown (a stale version
 * is refused and said so) and refreshes the program's lists and figures.
 */
export function useConfirmDelete() {
  const t = useAcademiaT();
  const queryClient = useQueryClient();
  return (path: string, version: number, after?: () => void) =>
    modals.openConfirmModal({
      title: t('teaching.delete'),
      children: <Text size="sm">{t('teaching.deleteConfirm')}</Text>,
      labels: { confirm: t('teaching.delete'), cancel: t('teaching.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await api.delete(path, { version });
        } catch (error) {
          modals.open({
            title: t('teaching.deleteFailed'),
            children: <Text size="sm">{(error as ApiError).message}</Text>,
          });
          return;
        }
        await queryClient.invalidateQueries({ predicate: (query) => isAcademiaQuery(query.queryKey) });
        after?.();
      },
    });
}
