import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../lib/api/countries';
import { itemsOf, useCountries } from '../../../lib/api/shared-queries';
import { languageName } from '../../../lib/i18n/code-names';
import { formatDate, formatDateTime } from '../../../lib/i18n/format';
import { useBorderPointNames, useProvinceNames } from '../api/case.queries';
import type { CaseDetail } from '../api/case.types';
import { FieldTable } from './field-table';

/** Victim, identification and consent: only the keys the API returned to this user. */
export function SummaryTab({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation('case');
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const e = (kind: string, v: string | null | undefined) => (v ? t(`${kind}.${v}`, { ns: 'enums' }) : undefined);
  const yn = (v: boolean | undefined) => (v === undefined ? undefined : t(v ? 'yes' : 'no', { ns: 'common' }));
  const list = (v: string[] | undefined) => (v && v.length > 0 ? v.join(', ') : undefined);
  const { victim: v, identification: id, consent: co } = c;
  const provinces = useProvinceNames();
  const borderPoints = useBorderPointNames();
  const province = (code: string | undefined) => {
    const name = code ? provinces.data?.get(code) : undefined;
    return name ? `${name} (${code})` : code;
  };
  const borderPoint = (code: string | null | undefined) => (code ? borderPoints.data?.get(code)?.[lang] ?? code : undefined);
  const countries = useCountries({ select: itemsOf });
  const country = (code: string) => countryName(countries.data, code, lang);
  return (
    <Stack gap="lg">
      {v && (
        <section>
          <Title order={2} size="h4" mb="xs">{t('summary.victim')}</Title>
          <FieldTable label={t('summary.victim')} rows={[
            [t('victim.givenNames'), v.givenNames],
            [t('victim.familyNames'), v.familyNames],
            [t('victim.sex'), e('sex', v.sex)],
            [t('victim.genderIdentity'), v.genderIdentity],
            [t('victim.ageGroup'), v.ageGroup],
            [t('victim.dateOfBirth'), v.dateOfBirth ? formatDate(v.dateOfBirth) : undefined],
            [t('victim.estimatedAge'), v.estimatedAge ?? undefined],
            [t('victim.nationality'), list(v.nationality?.map(country))],
            [t('victim.documents'), v.documents && v.documents.length > 0
              ? v.documents.map((d) => `${e('documentType', d.type)} ${d.number} (${country(d.issuingCountry)})`).join('; ') : undefined],
            [t('victim.languages'), list(v.languages?.map((l) => languageName(l, lang)))],
            [t('victim.phone'), v.contact?.phone],
            [t('victim.address'), v.contact?.address],
            [t('victim.accompanyingChildren'), v.accompanyingChildren
              ? t('victim.children', { count: v.accompanyingChildren.count, ages: v.accompanyingChildren.ages.join(', ') }) : undefined],
          ]} />
        </section>
      )}
      {id && (
        <section>
          <Title order={2} size="h4" mb="xs">{t('summary.identification')}</Title>
          <FieldTable label={t('summary.identification')} rows={[
            [t('identification.date'), id.date ? formatDate(id.date) : undefined],
            [t('identification.province'), province(id.province)],
            [t('identification.canton'), id.canton],
            [t('identification.place'), id.place],
            [t('identification.borderPoint'), borderPoint(id.borderPoint)],
            [t('identification.identifyingAgency'), id.identifyingAgency?.name[lang]],
            [t('identification.unit'), borderPoint(id.unit)],
            [t('identification.cameToAttention'), e('cameToAttention', id.cameToAttention)],
            [t('identification.exploitationForms'), id.exploitationForms?.map((f) => e('exploitationForm', f)).join(', ')],
            [t('identification.locatedAbroad'), yn(id.locatedAbroad)],
            [t('identification.circumstances'), id.circumstances],
          ]} />
        </section>
      )}
      {co && (
        <section>
          <Title order={2} size="h4" mb="xs">{t('summary.consent')}</Title>
          <FieldTable label={t('summary.consent')} rows={[
            [t('consent.dataProcessing'), yn(co.dataProcessing)],
            [t('consent.referral'), yn(co.referral)],
            [t('consent.shareWith'), co.shareWith && co.shareWith.length > 0 ? co.shareWith.join(', ') : t('none', { ns: 'common' })],
            [t('consent.withdrawn'), yn(co.withdrawn)],
            [t('consent.recordedAt'), co.recordedAt ? formatDateTime(co.recordedAt) : undefined],
            [t('consent.childView'), co.childView],
            [t('consent.guardian'), co.guardian ? `${co.guardian.name} (${co.guardian.relationship})` : undefined],
          ]} />
        </section>
      )}
    </Stack>
  );
}
