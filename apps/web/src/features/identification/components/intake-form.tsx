import { Alert, Button, Grid, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notify } from '../../../lib/notify/notify';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../../../components/problem-alert';
import { formatDateTime } from '../../../lib/i18n/format';
import { ProblemError } from '../../../lib/api/problem';
import type { SessionUser } from '../../../lib/session/session';
import { useCreateCase } from '../api/create-case';
import { useDuplicatesCheck } from '../api/duplicates-check';
import type { Agency, BorderPoint, IndicatorCatalog, Province } from '../api/reference-data';
import { useScreeningDryRun } from '../api/screening-dry-run';
import { ConsentStep } from './consent-step';
import { DuplicateMatches } from './duplicate-matches';
import { IdentificationStep } from './identification-step';
import { IndicatorChecklist } from './indicator-checklist';
import { loadDraft, newIdempotencyKey, removeDraft, saveDraft, type IntakeDraft } from './intake-draft';
import { answersList, duplicatesVictim, emptyIntake, fieldOf, intakeRequest, isMinor, STEPS, type IntakeValues } from './intake-values';
import { ReviewSummary } from './review-step';
import { ScreeningExplanation } from './screening-explanation';
import { VictimStep } from './victim-step';

const INDICATORS = STEPS.indexOf('indicators');
const REVIEW = STEPS.indexOf('review');

/** A draft written by an older form keeps the fields it has; the rest take their defaults. */
function withDefaults(values: Partial<IntakeValues>, defaults: IntakeValues): IntakeValues {
  return {
    victim: { ...defaults.victim, ...values.victim, contact: { ...defaults.victim.contact, ...values.victim?.contact } },
    identification: { ...defaults.identification, ...values.identification },
    consent: { ...defaults.consent, ...values.consent, guardian: { ...defaults.consent.guardian, ...values.consent?.guardian } },
    answers: { ...values.answers },
  };
}

interface Props {
  user: SessionUser;
  catalog: IndicatorCatalog;
  provinces: Province[];
  borderPoints: BorderPoint[];
  agencies: Agency[];
  onDiscarded: () => void;
}

/**
 * The guided intake: victim, identification, consent, indicators (with the live result beside them),
 * review with the duplicate check, then one `POST /cases` per form whatever the clicks and retries.
 */
export function IntakeForm({ user, catalog, provinces, borderPoints, agencies, onDiscarded }: Props) {
  const { t, i18n } = useTranslation('identification');
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const navigate = useNavigate();

  const [initial] = useState(() => {
    // The officer's unit is a border point: it and its province are the defaults of a new intake.
    const unit = borderPoints.find((b) => b.code === user.unit);
    const defaults = emptyIntake({ borderPoint: unit?.code, province: unit?.province });
    const draft = loadDraft(user.id);
    return draft
      ? { values: withDefaults(draft.values, defaults), key: draft.idempotencyKey, step: Math.min(Math.max(draft.step ?? 0, 0), REVIEW), draft }
      : { values: defaults, key: newIdempotencyKey(), step: 0, draft: null as IntakeDraft | null };
  });
  const idempotencyKey = useRef(initial.key);
  const [active, setActive] = useState(initial.step);
  const activeRef = useRef(active);
  const changed = useRef(initial.draft !== null);
  const sent = useRef(false);

  const persist = (values: IntakeValues) => {
    if (sent.current) return;
    saveDraft(user.id, { values, idempotencyKey: idempotencyKey.current, step: activeRef.current, savedAt: new Date().toISOString() });
  };

  const form = useForm<IntakeValues>({
    mode: 'controlled',
    initialValues: initial.values,
    onValuesChange: (values) => {
      changed.current = true;
      persist(values);
    },
  });

  const minor = isMinor(form.values);
  const [answers] = useDebouncedValue(form.values.answers, 300);
  const dryRun = useScreeningDryRun(
    { catalogVersion: catalog.version, isMinor: minor === true, answers: answersList({ ...form.values, answers }, catalog.indicators) },
    lang,
  );
  const victim = useMemo(() => duplicatesVictim(form.values), [form.values]);
  const duplicates = useDuplicatesCheck(victim, active === REVIEW);
  const create = useCreateCase();
  const sending = useRef(false);
  const [fieldProblem, setFieldProblem] = useState(false);

  // Moving between steps puts the keyboard at the new step's heading, and keeps the step in the draft.
  const content = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    activeRef.current = active;
    if (changed.current) persist(form.getValues());
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = content.current?.querySelector<HTMLElement>('h2');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  const stepsWithErrors = new Set(Object.keys(form.errors).map((path) => fieldOf(path)?.step).filter((s) => s !== undefined));

  const send = () => {
    if (sending.current) return;
    sending.current = true;
    setFieldProblem(false);
    create.mutate(
      { body: intakeRequest(form.getValues(), catalog, minor === true), idempotencyKey: idempotencyKey.current },
      {
        onSuccess: (created) => {
          sent.current = true;
          removeDraft(user.id);
          notify({ color: 'teal', title: t('send.created'), message: t('send.createdNumber', { number: created.caseNumber }) });
          navigate(`/cases/${created.id}`);
        },
        onError: (err) => {
          if (!(err instanceof ProblemError) || !err.problem.errors?.length) return;
          const errors: Record<string, string> = {};
          let step: number | null = null;
          for (const e of err.problem.errors) {
            const at = fieldOf(e.path);
            if (!at) continue;
            errors[at.field] = errors[at.field] ? `${errors[at.field]}; ${e.message}` : e.message;
            step = step === null ? at.step : Math.min(step, at.step);
          }
          if (step === null) return;
          form.setErrors(errors);
          setFieldProblem(true);
          setActive(step);
        },
        onSettled: () => {
          sending.current = false;
        },
      },
    );
  };

  const discard = () => {
    removeDraft(user.id);
    sent.current = true;
    onDiscarded();
  };

  const province = provinces.find((p) => p.code === form.values.identification.province);
  const borderPoint = borderPoints.find((b) => b.code === form.values.identification.borderPoint);
  const result = (
    <ScreeningExplanation result={dryRun.data} loading={dryRun.isFetching} error={dryRun.error} catalog={catalog} />
  );

  const stepContent = [
    <VictimStep key="victim" form={form} minor={minor} />,
    <IdentificationStep key="identification" form={form} provinces={provinces} borderPoints={borderPoints} />,
    <ConsentStep key="consent" form={form} agencies={agencies} minor={minor} />,
    <Grid key="indicators" gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          {/* Narrower than a laptop the explanation follows the checklist; the outcome stays in view. */}
          <Paper hiddenFrom="md" withBorder shadow="xs" p="xs" style={{ position: 'sticky', top: 'var(--app-shell-header-height, 60px)', zIndex: 2 }}>
            <Text size="sm">
              {t('result.outcome')}:{' '}
              <Text span fw={700} inherit>{dryRun.data ? t(`screeningOutcome.${dryRun.data.outcome}`, { ns: 'enums' }) : '…'}</Text>
            </Text>
          </Paper>
          <Title order={2} size="h3">{t('steps.indicators')}</Title>
          <Text size="sm">{t('indicators.intro')}</Text>
          <IndicatorChecklist form={form} catalog={catalog} minor={minor === true} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <div style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 60px) + 16px)' }}>{result}</div>
      </Grid.Col>
    </Grid>,
    <Stack key="review" gap="md">
      <ReviewSummary
        values={form.values}
        minor={minor}
        provinceName={province ? (typeof province.name === 'string' ? province.name : province.name[lang]) : ''}
        borderPointName={borderPoint ? borderPoint.name[lang] : ''}
      />
      <DuplicateMatches matches={duplicates.data} loading={duplicates.isFetching && !duplicates.data} error={duplicates.error} />
      {result}
    </Stack>,
  ];

  return (
    <Stack gap="md">
      {initial.draft && !sent.current && (
        <Alert color="blue" variant="light" title={t('draft.restored')} styles={{ title: { color: 'var(--mantine-color-blue-9)' } }}>
          <Group justify="space-between" gap="sm">
            <span>{t('draft.restoredText', { when: formatDateTime(initial.draft.savedAt) })}</span>
            <Button variant="outline" color="red.9" size="xs" onClick={discard}>{t('draft.discard')}</Button>
          </Group>
        </Alert>
      )}
      <Stepper active={active} onStepClick={setActive} allowNextStepsSelect size="sm" wrap styles={{ stepDescription: { color: 'var(--mantine-color-red-9)' } }}>
        {STEPS.map((step, index) => (
          <Stepper.Step
            key={step}
            label={t(`steps.${step}`)}
            description={stepsWithErrors.has(index) ? t('steps.hasErrors') : undefined}
            color={stepsWithErrors.has(index) ? 'red.9' : undefined}
          >
            <div ref={index === active ? content : undefined}>
              {fieldProblem && stepsWithErrors.size > 0 && (
                <Alert color="red" variant="light" role="alert" mb="md" title={t('send.fixFields')} styles={{ title: { color: 'var(--mantine-color-red-9)' } }} />
              )}
              {stepContent[index]}
            </div>
          </Stepper.Step>
        ))}
      </Stepper>
      {create.error && !fieldProblem ? <ProblemAlert error={create.error} /> : null}
      <Group justify="space-between">
        <Button variant="default" onClick={() => setActive((s) => Math.max(0, s - 1))} disabled={active === 0}>
          {t('actions.previous', { ns: 'common' })}
        </Button>
        {active < REVIEW ? (
          <Button onClick={() => setActive((s) => Math.min(REVIEW, s + 1))}>
            {active === INDICATORS - 1 || active === INDICATORS ? t('next.' + STEPS[active + 1]) : t('actions.next', { ns: 'common' })}
          </Button>
        ) : (
          <Button onClick={send} loading={create.isPending} color="teal.9">
            {create.error ? t('send.retry') : t('send.button')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
