import { Loading } from '../../../components/loading';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageFrame } from '../../../components/page-frame';
import { ProblemAlert } from '../../../components/problem-alert';
import { useUser } from '../../../lib/session/use-session';
import { useAgencies, useBorderPoints, useIndicatorCatalog, useProvinces } from '../api/reference-data';
import { IntakeForm } from '../components/intake-form';

/** Intake for immigration officers (PRODUCT.md section 15): the guided form once its reference data is here. */
export function IntakePage() {
  const { t } = useTranslation('identification');
  const user = useUser();
  const catalog = useIndicatorCatalog();
  const provinces = useProvinces();
  const borderPoints = useBorderPoints();
  const agencies = useAgencies();
  // A new form (after a discarded draft) is a new mount with a fresh idempotency key.
  const [formKey, setFormKey] = useState(0);
  const queries = [catalog, provinces, borderPoints, agencies];
  const failed = queries.find((q) => q.error)?.error;

  return (
    <PageFrame title={t('title')}>
      {failed ? (
        <ProblemAlert error={failed} />
      ) : catalog.data && provinces.data && borderPoints.data && agencies.data ? (
        <IntakeForm
          key={formKey}
          user={user}
          catalog={catalog.data}
          provinces={provinces.data}
          borderPoints={borderPoints.data}
          agencies={agencies.data}
          onDiscarded={() => setFormKey((k) => k + 1)}
        />
      ) : (
        <Loading />
      )}
    </PageFrame>
  );
}
