import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import { ProblemError } from '../../../lib/api/problem';

/**
 * A modal that asks for a text (decline's reason, completion's outcome) and, for a decline, the reason as a
 * code the reports count; it shows the API's refusal on them.
 */
export function ReasonModal({ opened, title, label, required, submitLabel, pending, error, onClose, onSubmit, codes }: {
  opened: boolean; title: string; label: string; required: boolean; submitLabel: string; pending: boolean; error: unknown;
  onClose: () => void; onSubmit: (text: string, code?: string) => void; codes?: { label: string; options: { value: string; label: string }[] };
}) {
  const { t } = useTranslation('referral');
  const [text, setText] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [codeMissing, setCodeMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const noText = required && text.trim() === '';
    const noCode = !!codes && !code;
    setMissing(noText);
    setCodeMissing(noCode);
    if (noText || noCode) return;
    onSubmit(text.trim(), code ?? undefined);
  };
  const fieldError = error instanceof ProblemError ? error.fieldError('reason') ?? error.fieldError('outcome') : undefined;
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': t('actions.close', { ns: 'common' }) }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {codes && (
            <Select label={codes.label} data={codes.options} value={code} required allowDeselect={false}
              onChange={(value) => { setCode(value); setCodeMissing(false); }}
              error={codeMissing ? t('modal.reasonCodeRequired') : error instanceof ProblemError ? error.fieldError('reasonCode') : undefined} />
          )}
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
