import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '../api/client.ts';
import { applyServerErrors, changedFields, contractValidator } from './forms.ts';

type Versioned = { id: string; version: number };

type Options<R extends Versioned, V extends Record<string, unknown>, P extends Record<string, unknown>> = {
  /** The record being edited, or null to create one. */
  record: R | null;
  blank: V;
  toValues: (record: R) => V;
  /** The request body from the form's values (empty inputs to null, numbers parsed). */
  toPayload: (values: V, mode: 'create' | 'edit') => P;
  createSchema: z.ZodType;
  patchSchema: z.ZodType;
  create: (payload: P) => Promise<R>;
  update: (id: string, body: Partial<P> & { version: number }) => Promise<R>;
  /** Reads the record again after a stale write (409), so the user can apply the change on the current version. */
  fetch: (id: string) => Promise<R>;
  /** Query keys (first elements) that list this kind of record: refreshed after a save. */
  invalidate: string[];
  onSaved: (record: R) => void;
  savedMessage?: string;
  /** Rules of the service that the contract cannot express (field path → message). */
  check?: (values: V) => Record<string, string>;
};

/**
 * A create-or-edit form on a versioned record: validated with the server's zod contract, an edit sends only
 * the changed fields with `version`, field errors of the server go next to the fields, and a 409 offers a reload.
 */
export function useRecordForm<
  R extends Versioned,
  V extends Record<string, unknown>,
  P extends Record<string, unknown>,
>(options: Options<R, V, P>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [base, setBase] = useState<R | null>(options.record);
  const mode = base ? 'edit' : 'create';

  const form = useForm<V>({
    mode: 'controlled',
    initialValues: options.record ? options.toValues(options.record) : options.blank,
    validate: (values: V) => {
      const extra = options.check?.(values) ?? {};
      if (base) {
        const body = { ...options.toPayload(values, 'edit'), version: base.version };
        return { ...contractValidator(options.patchSchema, (v: typeof body) => v)(body), ...extra };
      }
      return {
        ...contractValidator(options.createSchema, (v: V) => options.toPayload(v, 'create'))(values),
        ...extra,
      };
    },
  });

  // A different record (or a new one) resets the form.
  const recordKey = options.record ? `${options.record.id}@${options.record.version}` : 'new';
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the record's identity and version
  useEffect(() => {
    setBase(options.record);
    form.setValues(options.record ? options.toValues(options.record) : options.blank);
    form.resetDirty();
    form.clearErrors();
    save.reset();
  }, [recordKey]);

  const save = useMutation({
    mutationFn: async (values: V) => {
      if (!base) return options.create(options.toPayload(values, 'create'));
      const before = options.toPayload(options.toValues(base), 'edit');
      const after = options.toPayload(values, 'edit');
      return options.update(base.id, { ...changedFields(before, after), version: base.version });
    },
    onSuccess: (saved) => {
      for (const key of options.invalidate) void queryClient.invalidateQueries({ queryKey: [key] });
      notifications.show({ color: 'teal', message: options.savedMessage ?? t('common.saved') });
      options.onSaved(saved);
    },
    onError: (error) => {
      applyServerErrors(form, error);
    },
  });

  async function reload() {
    if (!base) return;
    const fresh = await options.fetch(base.id);
    setBase(fresh);
    form.setValues(options.toValues(fresh));
    form.resetDirty();
    form.clearErrors();
    save.reset();
  }

  const stale = save.error instanceof ApiError && save.error.isStale;
  return {
    form,
    mode,
    base,
    save,
    submit: form.onSubmit((values) => save.mutate(values)),
    reload,
    stale,
    /** The error to show above the form (field errors are shown at their fields). */
    formError: save.error,
  };
}
