import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A write of the OHS module: on success, refreshes the queries whose key starts with one of `invalidate`
 * and says so; the error stays on the mutation for the form to show (fields, stale version).
 */
export function useOhsMutation<Vars, Result>(
  fn: (vars: Vars) => Promise<Result>,
  options: {
    invalidate: string[];
    success?: string | ((r: Result) => string);
    onSuccess?: (r: Result) => void;
  },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (result) => {
      for (const key of options.invalidate) void queryClient.invalidateQueries({ queryKey: [key] });
      const message = typeof options.success === 'function' ? options.success(result) : options.success;
      if (message) notifications.show({ color: 'teal', message });
      options.onSuccess?.(result);
    },
  });
}
