import { Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import {
  type AssessmentStep,
  type AssessmentView,
  assessmentView,
} from '#shared/modules/infosec/csf/contract.ts';
import { api } from '../../../platform/api/client.ts';
import { UserSelect } from '../../../platform/services/UserSelect.tsx';
import { FormModal } from '../../../platform/ui/FormModal.tsx';
import { useInfosecLabel, useInfosecT } from '../i18n/index.ts';
import { invalidateCsf } from './api.ts';

/** One subcategory's answer as edited here. */

export function StepModal({
  assessment,
  step,
  onClose,
}: {
  assessment: AssessmentView;
  step: AssessmentStep;
  onClose: () => void;
}) {
  const t = useInfosecT();
  const label = useInfosecLabel();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const required = step === 'return';
  const save = useMutation({
    mutationFn: () =>
      api.post(
        `/api/infosec/csf/assessments/${assessment.id}/steps`,
        { step, comment: comment.trim() || undefined, version: assessment.version },
        assessmentView,
      ),
    onSuccess: () => {
      notifications.show({ message: label('csfStepDone', step), color: 'teal' });
      void invalidateCsf(queryClient);
      onClose();
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={required ? t('csf.returnTitle') : label('csfSteps', step)}
      submitLabel={label('csfSteps', step)}
      onSubmit={(e) => {
        e?.preventDefault();
        if (required && !comment.trim()) return;
        save.mutate();
      }}
      busy={save.isPending}
      error={save.error}
      onReload={() => {
        void invalidateCsf(queryClient);
        onClose();
      }}
      size="md"
    >
      <Textarea
        data-autofocus
        label={required ? t('csf.returnComment') : t('csf.stepComment')}
        required={required}
        autosize
        minRows={3}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
    </FormModal>
  );
}

export function AssessorModal({ assessment, onClose }: { assessment: AssessmentView; onClose: () => void }) {
  const t = useInfosecT();
  const queryClient = useQueryClient();
  const [assessorId, setAssessorId] = useState<string | null>(assessment.assessorId);
  const [consultancy, setConsultancy] = useState(assessment.consultancy ?? '');
  const save = useMutation({
    mutationFn: () =>
      api.patch(
        `/api/infosec/csf/assessments/${assessment.id}/assessor`,
        { assessorId, consultancy: consultancy.trim() || null, version: assessment.version },
        assessmentView,
      ),
    onSuccess: () => {
      notifications.show({ message: t('csf.assessorSaved'), color: 'teal' });
      void invalidateCsf(queryClient);
      onClose();
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('csf.nameAssessor')}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      busy={save.isPending}
      error={save.error}
      size="md"
    >
      <UserSelect
        data-autofocus
        label={t('csf.assessorPerson')}
        description={t('csf.assessorPersonHint')}
        value={assessorId}
        onChange={setAssessorId}
        outsideSearch={`/api/infosec/csf/assessments/${assessment.id}/outside-assessors`}
        clearable
        known={
          assessment.assessorId ? [{ id: assessment.assessorId, name: assessment.assessorName ?? '…' }] : []
        }
      />
      <TextInput
        label={t('csf.consultancy')}
        value={consultancy}
        onChange={(e) => setConsultancy(e.currentTarget.value)}
      />
    </FormModal>
  );
}

export function CorrectModal({ assessment, onClose }: { assessment: AssessmentView; onClose: () => void }) {
  const t = useInfosecT();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post(
        `/api/infosec/csf/assessments/${assessment.id}/corrections`,
        { reason: reason.trim(), version: assessment.version },
        assessmentView,
      ),
    onSuccess: (next) => {
      void invalidateCsf(queryClient);
      onClose();
      void navigate({ to: '/infosec/csf/assessments/$assessmentId', params: { assessmentId: next.id } });
    },
  });
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('csf.correctTitle')}
      submitLabel={t('csf.correct')}
      onSubmit={(e) => {
        e?.preventDefault();
        save.mutate();
      }}
      busy={save.isPending}
      error={save.error}
      size="md"
    >
      <Text size="sm" c="dimmed">
        {t('csf.correctHint')}
      </Text>
      <Textarea
        data-autofocus
        label={t('csf.correctReason')}
        required
        autosize
        minRows={3}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
    </FormModal>
  );
}
