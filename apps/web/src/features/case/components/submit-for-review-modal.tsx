import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import { ProblemError } from '../../../lib/api/problem';
import { useSubmitForReview } from '../api/case.queries';

/** Send a case in screening to the case-analysis team, with the officer's rationale. */
export function SubmitForReviewModal({ caseId, opened, onClose }: { caseId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('case');
  const [rationale, setRationale] = useState('');
  const submit = useSubmitForReview(caseId);
  const fieldError = submit.error instanceof ProblemError ? submit.error.fieldError('rationale') : undefined;
  return (
    <Modal opened={opened} onClose={onClose} title={t('actions.submitForReview')} closeButtonProps={{ 'aria-label': t('actions.close', { ns: 'common' }) }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit.mutate({ rationale: rationale.trim() }, { onSuccess: onClose });
        }}
      >
        <Stack>
          <Textarea label={t('actions.rationale')} value={rationale} onChange={(e) => setRationale(e.currentTarget.value)} required autosize minRows={3} error={fieldError} />
          <ProblemAlert error={submit.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('actions.cancel', { ns: 'common' })}</Button>
            <Button type="submit" loading={submit.isPending}>{t('actions.send')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
