import { Button, Modal } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MILESTONE_DOCUMENTS } from '#shared/modules/academia/contract.ts';
import { AttachmentsPanel } from '../../../platform/documents/AttachmentsPanel.tsx';
import { academiaKeys } from '../api.ts';
import { useAcademiaT } from '../i18n/index.ts';

/**
 * A milestone's deliverables (reports, data, prototypes' papers): a button with their number that opens the
 * files, where those who may add one (the program's managers; the investigator until the milestone is done)
 * attach theirs.
 */
export function MilestoneDeliverables({
  milestone,
  canWrite,
}: {
  milestone: { id: string; title: string; deliverables: number };
  canWrite: boolean;
}) {
  const t = useAcademiaT();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        leftSection={<IconPaperclip size={14} />}
        onClick={() => setOpen(true)}
        aria-label={`${t('deliverables.title')}: ${milestone.title}`}
      >
        {t('deliverables.count', { count: milestone.deliverables })}
      </Button>
      {open && (
        <Modal opened onClose={() => setOpen(false)} size="lg" title={milestone.title}>
          <AttachmentsPanel
            entityType={MILESTONE_DOCUMENTS}
            entityId={milestone.id}
            canWrite={canWrite}
            title={t('deliverables.title')}
            description={canWrite ? t('deliverables.hint') : undefined}
            onChange={() => {
              void queryClient.invalidateQueries({ queryKey: [academiaKeys.projects] });
              void queryClient.invalidateQueries({ queryKey: [academiaKeys.myProjects] });
            }}
          />
        </Modal>
      )}
    </>
  );
}
