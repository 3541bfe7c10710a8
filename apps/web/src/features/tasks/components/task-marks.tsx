import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dueMark } from '../api/task-rules';
import type { Task } from '../api/task.types';

/** A dark orange: Mantine's orange 9 reads 4.3:1 on white, under AA's 4.5:1 for a badge's small text. */
const WARNING = '#9c3d00';
const PRIORITY_COLOR = { urgent: 'red.9', high: WARNING, normal: 'gray.7' } as const;

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
      {mark === 'dueSoon' && <Badge color={WARNING} variant="filled">{t('marks.dueSoon')}</Badge>}
      {task.escalated && <Badge color="grape.9" variant="filled">{t('marks.escalated')}</Badge>}
    </Group>
  );
}
