import { useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { investigationView } from '#shared/modules/ohs/investigations/contract.ts';
import { useWrite } from '../../../platform/services/mutation.ts';
import { ohsKeys } from '../api.ts';

export type Investigation = z.infer<typeof investigationView>;
export type RootCause = Investigation['rootCauses'][number];

export const investigationKey = (id: string) => [ohsKeys.investigations, id];

/** A write to the investigation: the saved investigation replaces the cached one, incidents and actions refresh. */
export function useInvestigationWrite<Vars>(
  investigation: Investigation,
  fn: (vars: Vars) => Promise<Investigation>,
  success?: string,
  onSuccess?: () => void,
) {
  const queryClient = useQueryClient();
  return useWrite(fn, {
    invalidate: [ohsKeys.incidents, ohsKeys.actions],
    success,
    onSuccess: (saved) => {
      queryClient.setQueryData(investigationKey(investigation.id), saved);
      onSuccess?.();
    },
  });
}
