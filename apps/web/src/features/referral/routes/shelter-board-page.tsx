import { useTranslation } from 'react-i18next';
import { PageFrame } from '../../../components/page-frame';

export function ShelterBoardPage() {
  const { t } = useTranslation();
  return <PageFrame title={t('nav.shelter')}>{null}</PageFrame>;
}
