import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import { ProblemError } from '../../../lib/api/problem';
import { useCloseCase } from '../api/case.queries';
import { SCREENING_CLOSE_REASONS } from '../api/case-rules';

/** Close a case still in screening (no indicators, duplicate); later closures go through a closure request. */
export function CloseCaseModal({ caseId, opened, onClose }: { caseId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('case');
  const [reason, setReason] = useState<(typeof SCREENING_CLOSE_REASONS)[number] | null>(null);
  const close = useCloseCase(caseId);
  const fieldError = close.error instanceof ProblemError ? close.error.fieldError('reason') : undefined;
  return (
    <Modal opened={opened} onClose={onClose} title={t('actions.close')} closeButtonProps={{ 'aria-label': t('actions.close', { ns: 'common' }) }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason) close.mutate({ reason }, { onSuccess: onClose });
        }}
      >
        <Stack>
          <Select
            label={t('actions.closeReason')}
            required
            value={reason}
            onChange={(v) => setReason(SCREENING_CLOSE_REASONS.find((r) => r === v) ?? null)}
            data={SCREENING_CLOSE_REASONS.map((v) => ({ value: v, label: t(`closureReason.${v}`, { ns: 'enums' }) }))}
            error={fieldError}
            comboboxProps={{ withinPortal: false }}
          />
          <ProblemAlert error={close.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('actions.cancel', { ns: 'common' })}</Button>
            <Button type="submit" color="red.9" loading={close.isPending} disabled={!reason}>{t('actions.confirmClose')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
