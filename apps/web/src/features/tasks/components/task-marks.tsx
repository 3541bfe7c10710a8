import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dueMark } from '../api/task-rules';
import type { Task } from '../api/task.types';

const PRIORITY_COLOR = { urgent: 'red.9', high: 'orange.9', normal: 'gray.7' } as const;

/** Priority, overdue or due within 24 hours, and escalated: what tells a user which task to take first. */
export function TaskMarks({ task, now }: { task: Task; now: number }) {
  const { t } = useTranslation('tasks');
  const mark = dueMark(task, now);
  return (
    <Group gap={6}>
      <Badge color={PRIORITY_COLOR[task.priority] ?? 'gray.7'} variant="outline">
        {t('priority', { value: t(`taskPriority.${task.priority}`, { ns: 'enums' }) })}
      </Badge>
      {mark === 'overdue' && <Badge color="red.9" variant="filled">{t('marks.overdue')}</Badge>}
      {mark === 'dueSoon' && <Badge color="#9c3d00" variant="filled">{t('marks.dueSoon')}</Badge>}
      {task.escalated && <Badge color="grape.9" variant="filled">{t('marks.escalated')}</Badge>}
    </Group>
  );
}
