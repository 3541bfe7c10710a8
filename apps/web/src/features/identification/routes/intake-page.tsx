import { useTranslation } from 'react-i18next';
import { PageFrame } from '../../../components/page-frame';

export function IntakePage() {
  const { t } = useTranslation();
  return <PageFrame title={t('nav.intake')}>{null}</PageFrame>;
}
