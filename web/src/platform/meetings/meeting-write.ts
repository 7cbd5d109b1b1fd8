import { useQueryClient } from '@tanstack/react-query';
import type { MeetingView } from '#shared/platform/meetings/contract.ts';
import { ApiError } from '../api/client.ts';
import { useWrite } from '../services/mutation.ts';
import { meetingKeys } from './parts.tsx';

/** People the user pickers offer first: the committee's members. */
export type Known = { id: string; name: string }[];

/** A write to the meeting that answers with the meeting: the page shows the new version at once. */
export function useMeetingWrite<V>(
  meetingId: string,
  fn: (v: V) => Promise<MeetingView>,
  success: string,
  onSuccess?: () => void,
) {
  const queryClient = useQueryClient();
  return useWrite(fn, {
    invalidate: meetingKeys.filter((k) => k !== '/api/meetings'),
    success,
    onSuccess: (m) => {
      queryClient.setQueryData(['/api/meetings', meetingId], m);
      void queryClient.invalidateQueries({
        queryKey: ['/api/meetings'],
        predicate: (q) => q.queryKey[1] !== meetingId,
      });
      onSuccess?.();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: ['/api/meetings', meetingId] });
    },
  });
}
