import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import { ProblemError } from '../../../lib/api/problem';

/** A modal that asks for a text (decline's reason, completion's outcome) and shows the API's refusal on it. */
export function ReasonModal({ opened, title, label, required, submitLabel, pending, error, onClose, onSubmit }: {
  opened: boolean; title: string; label: string; required: boolean; submitLabel: string; pending: boolean; error: unknown;
  onClose: () => void; onSubmit: (text: string) => void;
}) {
  const { t } = useTranslation('referral');
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (required && text.trim() === '') { setMissing(true); return; }
    onSubmit(text.trim());
  };
  const fieldError = error instanceof ProblemError ? error.fieldError('reason') ?? error.fieldError('outcome') : undefined;
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Textarea label={label} value={text} autosize minRows={3} data-autofocus required={required}
            onChange={(e) => { setText(e.currentTarget.value); setMissing(false); }}
            error={missing ? t('modal.required') : fieldError} />
          <ProblemAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('actions.cancel', { ns: 'common' })}</Button>
            <Button type="submit" loading={pending}>{submitLabel}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
