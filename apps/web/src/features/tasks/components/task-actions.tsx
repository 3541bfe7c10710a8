import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import { useTaskAction } from '../api/inbox.queries';
import { taskActions } from '../api/task-rules';
import type { Task } from '../api/task.types';

/** Claim, release, complete: offered when the API would accept them; its refusal is shown under them. */
export function TaskActions({ task, userId }: { task: Task; userId: string }) {
  const { t } = useTranslation('tasks');
  const claim = useTaskAction('claim', t('refused'));
  const release = useTaskAction('release', t('refused'));
  const complete = useTaskAction('complete', t('refused'));
  const allowed = taskActions(task, userId);
  const busy = claim.isPending || release.isPending || complete.isPending;
  const error = claim.error ?? release.error ?? complete.error;
  const run = (m: typeof claim) => {
    for (const other of [claim, release, complete]) other.reset();
    m.mutate(task.id);
  };
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {allowed.claim && <Button size="xs" onClick={() => run(claim)} loading={claim.isPending} disabled={busy}>{t('actions.claim')}</Button>}
        {allowed.release && (
          <Button size="xs" variant="default" onClick={() => run(release)} loading={release.isPending} disabled={busy}>{t('actions.release')}</Button>
        )}
        {allowed.complete && (
          <Button size="xs" color="teal.9" onClick={() => run(complete)} loading={complete.isPending} disabled={busy}>{t('actions.complete')}</Button>
        )}
      </Group>
      <ProblemAlert error={error} />
    </Stack>
  );
}
