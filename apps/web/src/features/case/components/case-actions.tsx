import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../../../lib/session/use-session';
import { caseActions } from '../api/case-rules';
import type { CaseDetail } from '../api/case.types';
import { CloseCaseModal } from './close-case-modal';
import { SubmitForReviewModal } from './submit-for-review-modal';

/** The actions the status machine offers this user now; the API still decides and its refusal is shown. */
export function CaseActions({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('case');
  const user = useUser();
  const allowed = caseActions(c.status, user.roles);
  const [submitOpen, submit] = useDisclosure();
  const [closeOpen, close] = useDisclosure();
  if (!allowed.submitForReview && !allowed.close && !allowed.review) return null;
  return (
    <Group gap="xs">
      {allowed.review && <Button component={Link} to={`/cases/${c.id}/review`}>{t('actions.openReview')}</Button>}
      {allowed.submitForReview && <Button onClick={submit.open}>{t('actions.submitForReview')}</Button>}
      {allowed.close && <Button variant="outline" color="red.9" onClick={close.open}>{t('actions.close')}</Button>}
      {submitOpen && <SubmitForReviewModal caseId={c.id} opened={submitOpen} onClose={submit.close} />}
      {closeOpen && <CloseCaseModal caseId={c.id} opened={closeOpen} onClose={close.close} />}
    </Group>
  );
}
