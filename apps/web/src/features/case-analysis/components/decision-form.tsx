import { Alert, Button, Card, Group, Radio, Stack, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import { useAgencies, useCaseShelters, useCommitteeMembers, useDecide, useServiceCatalog } from '../api/review-api';
import type { CaseRecord, DecisionRequest, Review } from '../api/types';
import { quorumRefusal, reasonsAt } from '../lib/problem-paths';
import { MembersField } from './members-field';
import { ProtectionPlanFields, type PlanDraft } from './protection-plan-fields';

type Decision = DecisionRequest['decision'];
const DECISIONS = ['recognize', 'request_information', 'not_recognize'] as const satisfies readonly Decision[];

function requestOf(decision: Decision, rationale: string, members: string[], plan: PlanDraft): DecisionRequest {
  if (decision !== 'recognize') return { decision, rationale, members };
  return {
    decision, rationale, members,
    leadAgency: plan.leadAgency ?? undefined,
    plan: {
      referrals: plan.referrals.map((r) => ({
        serviceType: r.serviceType ?? '',
        ...(r.kind === 'shelter' && r.shelterId ? { shelterId: r.shelterId } : {}),
        ...(r.kind === 'service' && r.agency ? { agency: r.agency } : {}),
        ...(r.override ? { consentOverride: { justification: r.justification } } : {}),
      })),
      requestVisa: plan.requestVisa,
      ...(plan.followUpStart ? { followUpStart: plan.followUpStart } : {}),
    },
  };
}

/**
 * The open review's decision: members present with the quorum, the decision and its rationale, and
 * for `recognize` the protection plan. One idempotency key per form: a double click or a retry of the
 * same decision decides once; the API's refusal is shown on the parts it names.
 */
export function DecisionForm({ record, review }: { record: CaseRecord; review: Review }) {
  const { t } = useTranslation('caseAnalysis');
  const members = useCommitteeMembers();
  const agencies = useAgencies();
  const shelters = useCaseShelters(record.id);
  const services = useServiceCatalog();
  const decide = useDecide(record.id);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [decision, setDecision] = useState<Decision>('recognize');
  const [rationale, setRationale] = useState('');
  const [present, setPresent] = useState<string[]>([]);
  const [plan, setPlan] = useState<PlanDraft>({ leadAgency: null, referrals: [], requestVisa: false, followUpStart: '' });
  const error = decide.error;
  const refusal = quorumRefusal(error);

  const change = <T,>(setter: (v: T) => void) => (v: T) => {
    setter(v);
    // Another body needs another key: the API answers a reused key with a different body with 422.
    setKey(crypto.randomUUID());
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    decide.mutate({ reviewId: review.id, key, body: requestOf(decision, rationale, present, plan) });
  };

  if (decide.isSuccess) {
    return (
      <Alert color="green" role="status" title={t('decision.success', { decision: t(`decision.${decide.data.decision}`, { ns: 'enums' }) })}>
        {decide.data.createdReferralIds.length > 0 && t('decision.createdReferrals', { count: decide.data.createdReferralIds.length })}
        {decide.data.visaRequestId && ` ${t('decision.visaRequested')}`}
      </Alert>
    );
  }

  const membersError = refusal
    ? t('members.refused', { members: refusal.members, agencies: refusal.agencies, requiredMembers: refusal.required.members, requiredAgencies: refusal.required.agencies })
      + (reasonsAt(error, 'members') ? ` ${reasonsAt(error, 'members')}` : '')
    : reasonsAt(error, 'members');

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="decision-heading">
      <Title order={2} size="h4" id="decision-heading" mb="sm">{t('decision.heading')}</Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <MembersField members={members.data?.items ?? []} loading={members.isPending} value={present} onChange={change((ids: string[]) => {
            setPresent(ids);
            // A refusal about the members no longer holds once they change: it is cleared with them.
            if (quorumRefusal(decide.error) || reasonsAt(decide.error, 'members')) decide.reset();
          })}
            required={refusal?.required} error={membersError} />
          <Radio.Group label={t('decision.label')} value={decision} onChange={change((v: string) => setDecision(DECISIONS.find((d) => d === v) ?? decision))}
            error={reasonsAt(error, 'decision')} required>
            <Group gap="lg" mt="xs">
              {DECISIONS.map((d) => <Radio key={d} value={d} label={t(`decision.${d}`, { ns: 'enums' })} />)}
            </Group>
          </Radio.Group>
          <Textarea label={t('decision.rationale')} description={t('decision.rationaleHint')} value={rationale} autosize minRows={3}
            onChange={(e) => change(setRationale)(e.currentTarget.value)} error={reasonsAt(error, 'rationale')} required />
          {decision === 'recognize' && (
            <ProtectionPlanFields
              value={plan} onChange={change(setPlan)} error={error}
              agencies={agencies.data?.items ?? []} shelters={shelters.data?.items ?? []} services={services.data?.items ?? []}
              consentMissing={!record.isMinor && record.consent?.referral === false}
            />
          )}
          <ProblemAlert error={error} />
          <Group>
            <Button type="submit" loading={decide.isPending}>{t('decision.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
