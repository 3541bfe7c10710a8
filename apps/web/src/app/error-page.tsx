import { Alert, Button, Code, Container, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useRouteError } from 'react-router';
import { LanguageSwitch } from '../components/language-switch';
import { latestRequestId } from '../lib/api/client';
import { ProblemError } from '../lib/api/problem';
import { PageFrame } from '../components/page-frame';

/** The request id a support person can find in the logs: the failed answer's own, or else the latest answer's. */
function requestIdOf(error: unknown): { id: string; own: boolean } | null {
  if (error instanceof ProblemError && error.problem.requestId) return { id: error.problem.requestId, own: true };
  const latest = latestRequestId();
  return latest ? { id: latest, own: false } : null;
}

/**
 * Ruta's own page for an error no screen handled (React Router's `errorElement`): what happened in the
 * user's language, the way back, and the request id to give support. Within the layout (`standalone`
 * false) the navigation stays; at the root it stands alone.
 */
export function ErrorPage({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const error = useRouteError();
  const request = requestIdOf(error);
  const content = (
    <PageFrame title={t('errorPage.title')}>
      <Alert color="red" variant="outline" role="alert">
        <Stack gap="xs">
          <Text>{t('errorPage.text')}</Text>
          {request ? (
            <Text size="sm">
              {t(request.own ? 'errorPage.requestId' : 'errorPage.latestRequestId')}{' '}
              <Code data-testid="error-request-id">{request.id}</Code>
            </Text>
          ) : null}
          <Text size="sm">{t(request ? 'errorPage.report' : 'errorPage.reportWithoutId')}</Text>
        </Stack>
      </Alert>
      <Group gap="sm">
        <Button variant="default" onClick={() => void navigate(-1)}>{t('errorPage.back')}</Button>
        {/* A full load from the root: whatever broke this page is left behind with it. */}
        {standalone
          ? <Button component="a" href="/">{t('errorPage.inbox')}</Button>
          : <Button component={Link} to="/">{t('errorPage.inbox')}</Button>}
      </Group>
    </PageFrame>
  );
  if (!standalone) return content;
  return (
    <Container size="sm" py="xl">
      <Stack gap="lg">
        <Group justify="space-between">
          <Text fw={700} size="xl" c="blue.8">Ruta</Text>
          <LanguageSwitch />
        </Group>
        <main>{content}</main>
      </Stack>
    </Container>
  );
}
