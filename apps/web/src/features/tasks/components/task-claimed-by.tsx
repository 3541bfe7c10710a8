import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Task } from '../api/task.types';

/** Who holds the task: nobody (it is in the shared queue), me, or someone else. */
export function TaskClaimedBy({ task, userId }: { task: Task; userId: string }) {
  const { t } = useTranslation('tasks');
  const key = !task.claimedBy ? 'claimed.nobody' : task.claimedBy === userId ? 'claimed.me' : 'claimed.other';
  return <Text size="sm">{t(key)}</Text>;
}
