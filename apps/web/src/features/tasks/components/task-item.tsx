import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/i18n/format';
import { workLink } from '../api/task-rules';
import type { Task } from '../api/task.types';
import { TaskActions } from './task-actions';
import { TaskCase } from './task-case';
import { TaskClaimedBy } from './task-claimed-by';
import { TaskMarks } from './task-marks';

/** One task of the inbox: what it is, how urgent, who holds it, what can be done, and where. */
export function TaskItem({ task, userId, roles, now }: { task: Task; userId: string; roles: string[]; now: number }) {
  const { t } = useTranslation('tasks');
  const titleId = useId();
  const caseId = useId();
  const work = workLink(task, roles);
  return (
    <Paper component="li" withBorder p="sm" radius="md" aria-labelledby={task.caseId ? `${titleId} ${caseId}` : titleId} style={{ listStyle: 'none' }}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={4}>
            <Text id={titleId} fw={600}>{t(`taskType.${task.type}`, { ns: 'enums' })}</Text>
            <TaskCase task={task} id={caseId} />
            <Text size="sm">{t('dueAt', { when: formatDateTime(task.dueAt) })}</Text>
          </Stack>
          <TaskMarks task={task} now={now} />
        </Group>
        <Group justify="space-between" align="center" wrap="wrap" gap="xs">
          <TaskClaimedBy task={task} userId={userId} />
          <Group gap="xs" wrap="wrap">
            <TaskActions task={task} userId={userId} />
            {work && <Button component={Link} to={work.to} size="xs" variant="light">{t(work.label)}</Button>}
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
