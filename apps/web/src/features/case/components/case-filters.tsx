import { Button, Group, Select, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, MINOR_FILTERS, TRAFFICKING_STATUSES, type CaseListFilters } from '../api/case.types';

/** The case list's filters; they live in the URL so that a reload or a shared link keeps them. */
export function CaseFilters({ value, onChange }: { value: CaseListFilters; onChange: (next: CaseListFilters) => void }) {
  const { t } = useTranslation('case');
  const [q, setQ] = useState(value.q ?? '');
  useEffect(() => setQ(value.q ?? ''), [value.q]);
  return (
    <Group gap="sm" wrap="wrap" align="flex-end">
      <form
        role="search"
        aria-label={t('list.filters.search')}
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ ...value, q: q.trim() || undefined });
        }}
      >
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput label={t('list.filters.q')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={200} />
          <Button type="submit" variant="default">{t('list.filters.apply')}</Button>
        </Group>
      </form>
      <Select
        label={t('list.filters.status')}
        placeholder={t('list.filters.all')}
        clearable
        value={value.status ?? null}
        onChange={(status) => onChange({ ...value, status: CASE_STATUSES.find((v) => v === status) })}
        data={CASE_STATUSES.map((v) => ({ value: v, label: t(`caseStatus.${v}`, { ns: 'enums' }) }))}
        w={180}
      />
      <Select
        label={t('list.filters.traffickingStatus')}
        placeholder={t('list.filters.all')}
        clearable
        value={value.traffickingStatus ?? null}
        onChange={(v) => onChange({ ...value, traffickingStatus: TRAFFICKING_STATUSES.find((s) => s === v) })}
        data={TRAFFICKING_STATUSES.map((v) => ({ value: v, label: t(`traffickingStatus.${v}`, { ns: 'enums' }) }))}
        w={200}
      />
      <Select
        label={t('list.filters.isMinor')}
        placeholder={t('list.filters.all')}
        clearable
        value={value.isMinor ?? null}
        onChange={(v) => onChange({ ...value, isMinor: MINOR_FILTERS.find((m) => m === v) })}
        data={[
          { value: 'true', label: t('list.filters.minorsOnly') },
          { value: 'false', label: t('list.filters.adultsOnly') },
        ]}
        w={160}
      />
    </Group>
  );
}
