import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../lib/api/problem';

/**
 * A refused or failed request as the API explained it (title, detail, and each field it names);
 * forms show `errors[].path` on their fields as well.
 */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (!(error instanceof ProblemError)) {
    return <Alert color="red" role="alert" title={t('problem.network')}>{t('problem.networkText')}</Alert>;
  }
  const { problem } = error;
  return (
    <Alert color="red" role="alert" title={problem.title ?? t('problem.generic')}>
      {problem.detail !== problem.title && problem.detail}
      {problem.errors && problem.errors.length > 0 && (
        <List size="sm" mt="xs">
          {problem.errors.map((e) => (
            <List.Item key={`${e.path}:${e.message}`}>{e.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
