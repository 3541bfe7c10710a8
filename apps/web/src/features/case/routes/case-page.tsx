import { Loading } from '../../../components/loading';
import { Alert, Button, Center, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageFrame } from '../../../components/page-frame';
import { ProblemAlert } from '../../../components/problem-alert';
import { ProblemError } from '../../../lib/api/problem';
import { useCase } from '../api/case.queries';
import { CaseActions } from '../components/case-actions';
import { CaseHeader } from '../components/case-header';
import { CaseTabs } from '../components/case-tabs';

/** One case with what the API returns to this user: header, allowed actions, tabs, timeline. */
export function CasePage() {
  const { t } = useTranslation('case');
  const { id = '' } = useParams();
  const query = useCase(id);
  if (query.isPending) {
    return <PageFrame title={t('page.loading')}><Center p="lg"><Loading /></Center></PageFrame>;
  }
  if (query.error) {
    const notFound = query.error instanceof ProblemError && (query.error.status === 404 || query.error.status === 400);
    return (
      <PageFrame title={notFound ? t('page.notFound.title') : t('page.error')}>
        {notFound ? (
          <Alert color="gray" variant="outline" title={t('page.notFound.title')}>
            <Stack gap="xs">
              {t('page.notFound.text')}
              <Button component={Link} to="/cases" variant="default" w="fit-content">{t('page.notFound.back')}</Button>
            </Stack>
          </Alert>
        ) : (
          <ProblemAlert error={query.error} />
        )}
      </PageFrame>
    );
  }
  const c = query.data;
  return (
    <PageFrame title={t('page.title', { number: c.caseNumber })}>
      <CaseHeader c={c} />
      <CaseActions c={c} />
      <CaseTabs c={c} />
    </PageFrame>
  );
}
