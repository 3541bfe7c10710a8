import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EnumBadge } from '../../../components/enum-badge';
import { ProblemAlert } from '../../../components/problem-alert';
import { formatDateTime } from '../../../lib/i18n/format';
import { useOpenReview } from '../api/review-api';
import type { CaseRecord, Review } from '../api/types';

/** Every review of the case, and the button to open one when none is open and the case is identified. */
export function ReviewList({ record, reviews }: { record: CaseRecord; reviews: Review[] }) {
  const { t } = useTranslation('caseAnalysis');
  const open = useOpenReview(record.id);
  const hasOpen = reviews.some((r) => r.status === 'open');
  const decided = reviews.some((r) => r.decision);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="reviews-heading">
      <Title order={2} size="h4" id="reviews-heading" mb="xs">{t('reviews.heading')}</Title>
      <Stack gap="xs">
        {reviews.length === 0 && <Text size="sm">{t('reviews.empty')}</Text>}
        {reviews.map((r) => (
          <Group key={r.id} gap="xs">
            <EnumBadge kind="reviewStatus" value={r.status} color={r.status === 'open' ? 'blue' : 'gray'} />
            {r.decision && <EnumBadge kind="decision" value={r.decision} color="grape" />}
            <Text size="sm">{r.decidedAt ? t('reviews.decided', { date: formatDateTime(r.decidedAt) }) : t('reviews.opened', { date: formatDateTime(r.openedAt) })}</Text>
          </Group>
        ))}
        {!hasOpen && (record.status === 'identified' ? (
          <Group>
            <Button onClick={() => open.mutate()} loading={open.isPending}>{t('reviews.open')}</Button>
          </Group>
        ) : !decided && (
          // Why no review can be opened, until one has been decided (the decision then says what happened).
          <Text size="sm">{t('reviews.cannotOpen', { status: t(`caseStatus.${record.status}`, { ns: 'enums' }) })}</Text>
        ))}
        <ProblemAlert error={open.error} />
      </Stack>
    </Card>
  );
}
