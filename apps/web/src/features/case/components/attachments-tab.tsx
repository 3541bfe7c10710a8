import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/i18n/format';
import type { CaseDetail } from '../api/case.types';

/** The attachments the case lists (download and upload come with the later issue). */
export function AttachmentsTab({ attachments }: { attachments: NonNullable<CaseDetail['attachments']> }) {
  const { t } = useTranslation('case');
  if (attachments.length === 0) return <Text>{t('attachments.none')}</Text>;
  return (
    <List aria-label={t('tabs.attachments')}>
      {attachments.map((a) => (
        <List.Item key={a.id}>
          {a.filename ?? a.name ?? a.id}{a.createdAt ? ` — ${formatDateTime(a.createdAt)}` : ''}
        </List.Item>
      ))}
    </List>
  );
}
