import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Load more" under a list when the API has another page. */
export function LoadMore({ hasMore, loading, onLoad }: { hasMore: boolean; loading: boolean; onLoad: () => void }) {
  const { t } = useTranslation('referral');
  if (!hasMore) return null;
  return (
    <Group justify="center" mt="sm">
      <Button variant="default" loading={loading} onClick={onLoad}>{t('list.loadMore')}</Button>
    </Group>
  );
}
