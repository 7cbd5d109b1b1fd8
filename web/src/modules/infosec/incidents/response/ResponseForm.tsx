import type { ReactNode } from 'react';
import { responseView } from '#shared/modules/infosec/response/contract.ts';
import { api } from '../../../../platform/api/client.ts';
import { FormModal } from '../../../../platform/ui/FormModal.tsx';
import { useResponseWrite } from './api.ts';

/** A dialog that posts one piece of response work (`path` under the incident) and closes when it is saved. */
export function ResponseForm({
  incidentId,
  title,
  path,
  body,
  onClose,
  children,
}: {
  incidentId: string;
  title: string;
  path: 'tasks' | 'custody' | 'lessons';
  body: () => unknown;
  onClose: () => void;
  children: ReactNode;
}) {
  const save = useResponseWrite(
    incidentId,
    () => api.post(`/api/infosec/incidents/${incidentId}/${path}`, body(), responseView),
    onClose,
  );
  return (
    <FormModal
      opened
      onClose={onClose}
      title={title}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate(undefined);
      }}
      busy={save.isPending}
      error={save.error}
    >
      {children}
    </FormModal>
  );
}
