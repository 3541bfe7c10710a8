import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthOptions, type Period } from '../lib/period';
import classes from './reports.module.css';

/**
 * The period of whole months (PRODUCT.md section 11). Months are chosen from a list named in the app's
 * language (a browser's own month picker speaks the browser's language, and some browsers have none).
 * The API decides what is valid; its refusal is shown on the field it names.
 */
export function PeriodForm({ value, errors, onChange }: {
  value: Period; errors: { from?: string; to?: string }; onChange: (next: Period) => void;
}) {
  const { t, i18n } = useTranslation('reports');
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value.from, value.to]); // eslint-disable-line react-hooks/exhaustive-deps
  const data = useMemo(() => monthOptions(i18n.language, [value.from, value.to]), [i18n.language, value.from, value.to]);
  const field = (end: keyof Period) => (
    <Select
      label={t(`period.${end}`)}
      required
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('period.noMonth')}
      data={data}
      value={data.some((o) => o.value === draft[end]) ? draft[end] : null}
      onChange={(month) => month && setDraft({ ...draft, [end]: month })}
      error={errors[end]}
      maxDropdownHeight={280}
      w={220}
    />
  );
  return (
    <form
      aria-label={t('period.label')}
      className={classes.noPrint}
      onSubmit={(e) => {
        e.preventDefault();
        onChange(draft);
      }}
    >
      <Stack gap={4}>
        <Group gap="sm" align="flex-start" wrap="wrap">
          {field('from')}
          {field('to')}
          <Button type="submit" mt={25}>{t('period.show')}</Button>
        </Group>
        <Text size="sm">{t('period.format')}</Text>
      </Stack>
    </form>
  );
}
