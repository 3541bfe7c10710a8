import { Badge, Checkbox, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/loading';
import type { CommitteeMember } from '../api/types';
import { localized } from '../lib/localized';
import { quorumProgress } from '../lib/quorum';

/**
 * The committee members present, by agency, with the quorum shown as it is met ("2 of 3 agencies"),
 * green once met; `error` is the API's refusal for this part (e.g. no quorum). While the list is read it says
 * so, never that there are no members.
 */
export function MembersField({ members, loading, value, onChange, required, error }: {
  members: CommitteeMember[];
  loading?: boolean;
  value: string[];
  onChange: (ids: string[]) => void;
  required?: { members: number; agencies: number };
  error?: string;
}) {
  const { t, i18n } = useTranslation('caseAnalysis');
  const q = quorumProgress(value, members, required);
  const share = Math.min(1, Math.min(q.members / q.required.members, q.agencies / q.required.agencies));
  return (
    <Stack gap="xs">
      <Checkbox.Group label={t('members.heading')} description={t('members.hint')} value={value} onChange={onChange} error={error}>
        <Stack gap={6} mt="xs">
          {loading && <Loading size="sm" />}
          {!loading && members.length === 0 && <Text size="sm">{t('members.empty')}</Text>}
          {members.map((m) => (
            <Checkbox key={m.id} value={m.id} label={t('members.item', { name: m.displayName, agency: localized(m.agency.name, i18n.language) })} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Group gap="sm" wrap="nowrap" aria-live="polite">
        <Badge color={q.met ? 'teal.9' : 'gray'} variant={q.met ? 'filled' : 'light'}>{t(q.met ? 'members.met' : 'members.notMet')}</Badge>
        <Text size="sm">{t('members.quorum', {
          members: q.members, requiredMembers: q.required.members, agencies: q.agencies, requiredAgencies: q.required.agencies,
        })}</Text>
      </Group>
      <Progress value={share * 100} color={q.met ? 'green' : 'yellow'} aria-hidden />
    </Stack>
  );
}
