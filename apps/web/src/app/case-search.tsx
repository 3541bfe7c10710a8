import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Case search by number: opens the case list filtered by it (the API answers only what the user may see). */
export function CaseSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (q.trim()) navigate(`/cases?q=${encodeURIComponent(q.trim())}`);
      }}
    >
      <TextInput
        size="xs"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        visibleFrom="xs"
      />
    </form>
  );
}
