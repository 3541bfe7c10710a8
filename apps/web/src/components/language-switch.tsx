import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../lib/i18n/i18n';
import type { Language } from '../lib/i18n/language';

/** ES / EN, remembered in this browser; `onSwitched` lets a screen refetch texts the API wrote. */
export function LanguageSwitch({ long = false, onSwitched }: { long?: boolean; onSwitched?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={i18n.language}
      onChange={(lang) => {
        switchLanguage(lang as Language);
        onSwitched?.();
      }}
      data={[
        { value: 'es', label: long ? 'Español' : 'ES' },
        { value: 'en', label: long ? 'English' : 'EN' },
      ]}
    />
  );
}
