import { useTranslation } from 'react-i18next';
import { PageFrame } from '../../../components/page-frame';

export function ReferralsPage() {
  const { t } = useTranslation();
  return <PageFrame title={t('nav.referrals')}>{null}</PageFrame>;
}
