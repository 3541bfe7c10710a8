import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Task } from '../api/task.types';

/** Which case the task is about: its number, linking to the case page (nothing for a task without a case). */
export function TaskCase({ task, id }: { task: Pick<Task, 'caseId' | 'caseNumber'>; id?: string }) {
  const { t } = useTranslation('tasks');
  if (!task.caseId) return null;
  return (
    <Text size="sm" id={id}>
      {t('case')}{' '}
      <Anchor component={Link} to={`/cases/${task.caseId}`} size="sm" fw={600}>{task.caseNumber ?? t('openCase')}</Anchor>
    </Text>
  );
}
