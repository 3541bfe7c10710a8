import { Button, Group, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import { formatDateTime } from '../../../lib/i18n/format';
import { useCaseTimeline } from '../api/case.queries';
import { readable } from '../api/case-rules';
import type { TimelineEntry } from '../api/case.types';

/** The case history as the API shows it to this user: what happened, by which agency, when. */
export function TimelineTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation('case');
  const query = useCaseTimeline(caseId);
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];
  if (query.error) return <ProblemAlert error={query.error} />;
  if (query.isPending) return <Text>{t('loading', { ns: 'common' })}</Text>;
  if (entries.length === 0) return <Text>{t('timeline.none')}</Text>;
  return (
    <Stack gap="md">
      <Timeline bulletSize={14} lineWidth={2} aria-label={t('tabs.timeline')}>
        {entries.map((e) => <Timeline.Item key={e.id} title={<TimelineTitle entry={e} />}><TimelineMeta entry={e} /></Timeline.Item>)}
      </Timeline>
      {query.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('actions.more', { ns: 'common' })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function TimelineTitle({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation('case');
  return <Text fw={600}>{t(`timeline.actions.${entry.action}`, { defaultValue: readable(entry.action) })}</Text>;
}

function TimelineMeta({ entry }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation('case');
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const status = (s: string) => t(`caseStatus.${s}`, { ns: 'enums', defaultValue: readable(s) });
  return (
    <Stack gap={2}>
      <Text size="sm">{formatDateTime(entry.at)} · {entry.actor.agency ? entry.actor.agency.name[lang] : t('timeline.agencyHidden')}</Text>
      {entry.fromStatus && entry.toStatus && entry.fromStatus !== entry.toStatus && (
        <Text size="sm">{t('timeline.statusChange', { from: status(entry.fromStatus), to: status(entry.toStatus) })}</Text>
      )}
      {!entry.fromStatus && entry.toStatus && <Text size="sm">{t('timeline.statusSet', { to: status(entry.toStatus) })}</Text>}
    </Stack>
  );
}
