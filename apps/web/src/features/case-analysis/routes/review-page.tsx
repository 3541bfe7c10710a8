import { Loading } from '../../../components/loading';
import { Grid, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageFrame } from '../../../components/page-frame';
import { ProblemAlert } from '../../../components/problem-alert';
import { useCase, useCaseReviews } from '../api/review-api';
import { CaseHistory } from '../components/case-history';
import { CaseSummary, ScreeningExplanation } from '../components/case-summary';
import { DecisionForm } from '../components/decision-form';
import { ReviewList } from '../components/review-list';

/** The committee's review screen (PRODUCT.md sections 6 and 15). */
export function ReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('caseAnalysis');
  const record = useCase(id);
  const reviews = useCaseReviews(id);
  const open = reviews.data?.items.find((r) => r.status === 'open');
  // The review being decided on this screen stays shown once decided, so that its outcome is seen.
  const [activeId, setActiveId] = useState<string | null>(null);
  useEffect(() => { if (open) setActiveId(open.id); }, [open?.id]);
  const active = reviews.data?.items.find((r) => r.id === (open?.id ?? activeId));
  return (
    <PageFrame title={record.data ? t('title', { number: record.data.caseNumber }) : t('titleLoading')}>
      <ProblemAlert error={record.error ?? reviews.error} />
      {(record.isLoading || reviews.isLoading) && <Loading />}
      {record.data && reviews.data && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <CaseSummary record={record.data} />
              <ScreeningExplanation record={record.data} />
              <CaseHistory caseId={id} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md">
              <ReviewList record={record.data} reviews={reviews.data.items} />
              {active && <DecisionForm key={active.id} record={record.data} review={active} />}
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </PageFrame>
  );
}
