import { useTranslation } from 'react-i18next';
import { PageFrame } from '../../../components/page-frame';

export function InboxPage() {
  const { t } = useTranslation();
  return <PageFrame title={t('nav.inbox')}>{null}</PageFrame>;
}
