import { Loading } from '../../../components/loading';
import { Button, Center, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageFrame } from '../../../components/page-frame';
import { ProblemAlert } from '../../../components/problem-alert';
import { formatDateTime } from '../../../lib/i18n/format';
import { useUser } from '../../../lib/session/use-session';
import { useInbox } from '../api/inbox.queries';
import type { InboxFilters as Filters } from '../api/task.types';
import { InboxFilters } from '../components/inbox-filters';
import { TaskItem } from '../components/task-item';
import { UserSummary } from '../components/user-summary';

/** Home: the user's shared queue, most urgent first as the API orders it; it refreshes by itself. */
export function InboxPage() {
  const { t } = useTranslation('tasks');
  const user = useUser();
  const [filters, setFilters] = useState<Filters>({});
  const inbox = useInbox(filters);
  const tasks = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const now = inbox.dataUpdatedAt || Date.now();
  return (
    <PageFrame
      title={t('title')}
      actions={
        <Button size="xs" variant="default" onClick={() => void inbox.refetch()} loading={inbox.isRefetching}>
          {t('actions.refresh', { ns: 'common' })}
        </Button>
      }
    >
      <UserSummary user={user} />
      <InboxFilters value={filters} onChange={setFilters} />
      {inbox.dataUpdatedAt > 0 && (
        <Text size="sm" aria-live="polite">{t('updatedAt', { when: formatDateTime(new Date(inbox.dataUpdatedAt).toISOString()) })}</Text>
      )}
      <ProblemAlert error={inbox.error} />
      {inbox.isPending ? (
        <Center p="lg"><Loading /></Center>
      ) : tasks.length === 0 && !inbox.error ? (
        <Text>{t('empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} aria-label={t('listLabel')}>
          {tasks.map((task) => (
            <TaskItem key={task.id} task={task} userId={user.id} roles={user.roles} now={now} />
          ))}
        </Stack>
      )}
      {inbox.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void inbox.fetchNextPage()} loading={inbox.isFetchingNextPage}>
            {t('actions.more', { ns: 'common' })}
          </Button>
        </Group>
      )}
    </PageFrame>
  );
}
