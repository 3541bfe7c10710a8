import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../../../lib/session/use-session';
import { actionItems } from '../api/case-rules';
import type { CaseDetail } from '../api/case.types';
import { CloseCaseModal } from './close-case-modal';
import { SubmitForReviewModal } from './submit-for-review-modal';

/**
 * "Available actions": what the API says this user may take now (from the workflow maps, PRODUCT.md section 15),
 * each leading to where it is done. The API still decides when it is taken; its refusal is shown there.
 */
export function CaseActions({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('case');
  const user = useUser();
  const titleId = useId();
  const items = actionItems(c.id, c.availableActions ?? [], user.roles);
  const [submitOpen, submit] = useDisclosure();
  const [closeOpen, close] = useDisclosure();
  return (
    <Paper component="section" withBorder p="sm" aria-labelledby={titleId}>
      <Title order={2} size="h5" id={titleId}>{t('availableActions.title')}</Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" mt={4}>{t('availableActions.none')}</Text>
      ) : (
        <Group gap="xs" mt="xs">
          {items.map((item) => {
            const label = t(`availableActions.${item.key}`);
            if (item.kind === 'submit_for_review') return <Button key={item.key} onClick={submit.open}>{label}</Button>;
            if (item.kind === 'close_screening') return <Button key={item.key} variant="outline" color="red.9" onClick={close.open}>{label}</Button>;
            if (item.kind === 'link') return <Button key={item.key} component={Link} to={item.to} variant="light">{label}</Button>;
            return <Text key={item.key} size="sm" px="xs" py={4} bd="1px solid var(--mantine-color-gray-4)" style={{ borderRadius: 4 }}>{label}</Text>;
          })}
        </Group>
      )}
      {submitOpen && <SubmitForReviewModal caseId={c.id} opened={submitOpen} onClose={submit.close} />}
      {closeOpen && <CloseCaseModal caseId={c.id} opened={closeOpen} onClose={close.close} />}
    </Paper>
  );
}
