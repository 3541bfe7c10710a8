import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INBOX_STATUSES, TASK_TYPES, type InboxFilters as Filters } from '../api/task.types';

/** Filters by type and status (the API filters; the order stays most urgent first). */
export function InboxFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  const { t } = useTranslation('tasks');
  return (
    <Group gap="sm" wrap="wrap" align="flex-end">
      <Select
        label={t('filters.type')}
        placeholder={t('filters.all')}
        clearable
        value={value.type ?? null}
        onChange={(type) => onChange({ ...value, type: TASK_TYPES.find((v) => v === type) })}
        data={TASK_TYPES.map((v) => ({ value: v, label: t(`taskType.${v}`, { ns: 'enums' }) }))}
        w={280}
      />
      <Select
        label={t('filters.status')}
        placeholder={t('filters.all')}
        clearable
        value={value.status ?? null}
        onChange={(status) => onChange({ ...value, status: INBOX_STATUSES.find((v) => v === status) })}
        data={INBOX_STATUSES.map((v) => ({ value: v, label: t(`taskStatus.${v}`, { ns: 'enums' }) }))}
        w={180}
      />
    </Group>
  );
}
