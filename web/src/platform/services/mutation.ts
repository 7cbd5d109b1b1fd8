import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { problemMessage } from '../ui/problem.tsx';

/**
 * A write: on success, refreshes the queries whose key starts with one of `invalidate` and says so. The error
 * stays on the mutation for a form to show at its fields; with `notifyErrors`, it is also shown as a
 * notification (for buttons that have no form around them). After a 409 the same queries are refreshed, so
 * the page shows the record as someone else left it.
 */
export function useWrite<Vars, Result>(
  fn: (vars: Vars) => Promise<Result>,
  options: {
    invalidate: string[];
    success?: string | ((r: Result) => string);
    onSuccess?: (r: Result) => void;
    onError?: (error: unknown) => void;
    notifyErrors?: boolean;
  },
) {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: fn,
    onSuccess: (result) => {
      for (const key of options.invalidate) void queryClient.invalidateQueries({ queryKey: [key] });
      const message = typeof options.success === 'function' ? options.success(result) : options.success;
      if (message) notifications.show({ color: 'teal', message });
      options.onSuccess?.(result);
    },
    onError: (error) => {
      // A conflict (a stale version, a transition no longer possible): show the record as it now is.
      if (error instanceof ApiError && error.status === 409)
        for (const key of options.invalidate) void queryClient.invalidateQueries({ queryKey: [key] });
      if (options.notifyErrors)
        notifications.show({ color: 'red', title: t('errors.title'), message: problemMessage(error, t) });
      options.onError?.(error);
    },
  });
}
