import { useTranslation } from 'react-i18next';
import { PageFrame } from '../../../components/page-frame';

export function ReviewPage() {
  const { t } = useTranslation();
  return <PageFrame title={t('nav.cases')}>{null}</PageFrame>;
}
