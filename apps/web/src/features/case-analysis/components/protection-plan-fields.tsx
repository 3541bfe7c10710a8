import { ActionIcon, Button, Card, Checkbox, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Agency, CaseShelter, FailedRule, ServiceType } from '../api/types';
import { localized } from '../lib/localized';
import { reasonsAt } from '../lib/problem-paths';

export interface PlanReferralDraft {
  key: string;
  kind: 'shelter' | 'service';
  serviceType: string | null;
  shelterId: string | null;
  agency: string | null;
  override: boolean;
  justification: string;
}

export interface PlanDraft {
  leadAgency: string | null;
  referrals: PlanReferralDraft[];
  requestVisa: boolean;
  followUpStart: string;
}

interface Props {
  value: PlanDraft;
  onChange: (next: PlanDraft) => void;
  agencies: Agency[];
  /** Each with the case's eligibility for it, as the API answered it. */
  shelters: CaseShelter[];
  services: ServiceType[];
  consentMissing: boolean;
  error: unknown;
}

/** A rule the API says the person does not meet, in the user's words (the API also sends its own message). */
function ruleText(t: TFunction, f: FailedRule): string {
  switch (f.rule) {
    case 'active': return t('plan.ruleActive');
    case 'sex': return t('plan.ruleSex', { sexes: (f.sexes ?? []).map((s) => t(`sex.${s}`, { ns: 'enums' })).join(', ') });
    case 'age': {
      const min = f.minAge ?? 0;
      const max = f.maxAge ?? t('plan.anyAge');
      return f.age === null || f.age === undefined ? t('plan.ruleAgeUnknown', { min, max }) : t('plan.ruleAge', { min, max, age: f.age });
    }
    case 'exploitation_form':
      return t('plan.ruleForm', { forms: (f.exploitationForms ?? []).map((x) => t(`exploitationForm.${x}`, { ns: 'enums' })).join(', ') });
    default: return t('plan.ruleChildren');
  }
}

/** The protection plan of a recognition: lead agency, referrals (shelters with eligibility and free places, services), visa, follow-up. */
export function ProtectionPlanFields({ value, onChange, agencies, shelters, services, consentMissing, error }: Props) {
  const { t, i18n } = useTranslation('caseAnalysis');
  const lang = i18n.language;
  const set = (patch: Partial<PlanDraft>) => onChange({ ...value, ...patch });
  const setReferral = (key: string, patch: Partial<PlanReferralDraft>) =>
    set({ referrals: value.referrals.map((r) => (r.key === key ? { ...r, ...patch } : r)) });
  const add = (kind: 'shelter' | 'service') => set({
    referrals: [...value.referrals, {
      key: crypto.randomUUID(), kind, serviceType: kind === 'shelter' ? 'shelter' : null, shelterId: null, agency: null, override: false, justification: '',
    }],
  });
  const leadOptions = agencies.filter((a) => a.protectionMandate && a.active !== false)
    .map((a) => ({ value: a.code, label: `${localized(a.name, lang)} (${a.code})` }));
  const serviceOptions = services.filter((s) => s.code !== 'shelter').map((s) => ({ value: s.code, label: localized(s.name, lang) }));
  const agencyOptions = agencies.filter((a) => a.active !== false).map((a) => ({ value: a.code, label: `${localized(a.name, lang)} (${a.code})` }));
  const shelterOptions = shelters.filter((s) => s.active !== false).map((s) => (
    { value: s.id, label: t('plan.shelterOption', { name: s.name, eligibility: t(s.eligible ? 'plan.eligible' : 'plan.notEligible'), free: s.free }) }
  ));

  return (
    <Card withBorder padding="md" component="fieldset" style={{ minWidth: 0 }}>
      <Title order={3} size="h5" component="legend" px={4}>{t('plan.heading')}</Title>
      <Stack gap="md">
        <Select
          label={t('plan.leadAgency')} description={t('plan.leadAgencyHint')} data={leadOptions} value={value.leadAgency}
          onChange={(v) => set({ leadAgency: v })} searchable error={reasonsAt(error, 'leadAgency')} required allowDeselect={false}
        />
        <Stack gap="xs">
          <Text fw={600} size="sm">{t('plan.referrals')}</Text>
          {value.referrals.length === 0 && <Text size="sm">{t('plan.noReferrals')}</Text>}
          {value.referrals.map((r, i) => {
            const path = `plan.referrals[${i}]`;
            const shelter = shelters.find((s) => s.id === r.shelterId);
            const failed = shelter?.failedRules ?? [];
            const service = services.find((s) => s.code === r.serviceType);
            const heading = t(r.kind === 'shelter' ? 'plan.shelterReferral' : 'plan.serviceReferral', { index: i + 1 });
            return (
              <Card key={r.key} withBorder padding="sm" component="fieldset" style={{ minWidth: 0 }}>
                <Group justify="space-between" wrap="nowrap">
                  <Text component="legend" fw={600} size="sm">{heading}</Text>
                  <ActionIcon variant="subtle" color="red" aria-label={t('plan.remove', { index: i + 1 })}
                    onClick={() => set({ referrals: value.referrals.filter((x) => x.key !== r.key) })}>×</ActionIcon>
                </Group>
                <Stack gap="xs">
                  {r.kind === 'shelter' ? (
                    <>
                      <Select label={t('plan.shelter')} data={shelterOptions} value={r.shelterId} allowDeselect={false}
                        onChange={(v) => setReferral(r.key, { shelterId: v })} error={reasonsAt(error, `${path}.shelterId`)} required />
                      {shelter && (
                        <Text size="sm" c={failed.length === 0 ? 'teal.9' : 'red.9'} aria-live="polite">
                          {failed.length === 0 ? t('plan.eligible') : t('plan.why', { reasons: failed.map((f) => ruleText(t, f)).join('; ') })}
                          {' · '}
                          {shelter.free > 0 ? t('plan.freePlaces', { free: shelter.free, capacity: shelter.capacity, occupied: shelter.occupied }) : t('plan.noFree')}
                        </Text>
                      )}
                    </>
                  ) : (
                    <Group grow align="flex-start">
                      <Select label={t('plan.service')} data={serviceOptions} value={r.serviceType} searchable allowDeselect={false}
                        onChange={(v) => setReferral(r.key, { serviceType: v, agency: services.find((s) => s.code === v)?.defaultAgency.code ?? null })}
                        error={reasonsAt(error, `${path}.serviceType`)} required />
                      {/* Choosing the option already chosen keeps it: Mantine's Select would clear it (issue 20). */}
                      <Select label={t('plan.agency')} data={agencyOptions} value={r.agency} searchable allowDeselect={false}
                        description={service ? t('plan.defaultAgency', { agency: localized(service.defaultAgency.name, lang) }) : undefined}
                        onChange={(v) => setReferral(r.key, { agency: v })} error={reasonsAt(error, `${path}.agency`)} />
                    </Group>
                  )}
                  {(consentMissing || r.override || reasonsAt(error, `${path}.consentOverride`)) && (
                    <Stack gap={4}>
                      {consentMissing && <Text size="sm">{t('plan.consentMissing')}</Text>}
                      <Checkbox label={t('plan.override')} checked={r.override}
                        onChange={(e) => setReferral(r.key, { override: e.currentTarget.checked })}
                        error={r.override ? undefined : reasonsAt(error, `${path}.consentOverride`)} />
                      {r.override && (
                        <Textarea label={t('plan.justification')} description={t('plan.justificationHint')} value={r.justification} autosize minRows={2}
                          onChange={(e) => setReferral(r.key, { justification: e.currentTarget.value })}
                          error={reasonsAt(error, `${path}.consentOverride`)} required />
                      )}
                    </Stack>
                  )}
                  {reasonsAt(error, path) && !reasonsAt(error, `${path}.shelterId`) && !reasonsAt(error, `${path}.serviceType`)
                    && !reasonsAt(error, `${path}.agency`) && !reasonsAt(error, `${path}.consentOverride`) && (
                    <Text size="sm" c="red.9">{reasonsAt(error, path)}</Text>
                  )}
                </Stack>
              </Card>
            );
          })}
          <Group gap="xs">
            <Button variant="light" onClick={() => add('shelter')}>{t('plan.addShelter')}</Button>
            <Button variant="light" onClick={() => add('service')}>{t('plan.addService')}</Button>
          </Group>
        </Stack>
        <Checkbox label={t('plan.requestVisa')} description={t('plan.requestVisaHint')} checked={value.requestVisa}
          onChange={(e) => set({ requestVisa: e.currentTarget.checked })} error={reasonsAt(error, 'plan.requestVisa')} />
        <TextInput type="date" label={t('plan.followUpStart')} description={t('plan.followUpStartHint')} value={value.followUpStart}
          onChange={(e) => set({ followUpStart: e.currentTarget.value })} error={reasonsAt(error, 'plan.followUpStart')} maw={260} />
      </Stack>
    </Card>
  );
}
