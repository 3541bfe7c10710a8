import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EnumBadge } from '../../../components/enum-badge';
import { ProblemAlert } from '../../../components/problem-alert';
import { useReferralAction, useServiceCatalog } from '../api/referral-api';
import { formatDate } from '../../../lib/i18n/format';
import type { DeclineReasonCode, ReferralItem } from '../api/types';
import { ReasonModal } from './reason-modal';

/** The reason dialog open for one referral of one case. */
type Dialog = { kind: 'decline' | 'complete'; id: string; caseId: string };

const STATUS_COLOR: Record<string, string> = { pending: 'violet', accepted: 'indigo', declined: 'red', cancelled: 'gray', completed: 'blue' };

/**
 * Referrals with the actions their status allows to their target (PRODUCT.md section 7): accept and
 * decline while pending, complete once accepted (not for shelters: discharge completes those).
 * The API decides; its refusal is shown above the table.
 */
export function ReferralTable({ rows, caption, empty }: { rows: ReferralItem[]; caption: string; empty: string }) {
  const { t, i18n } = useTranslation('referral');
  const services = useServiceCatalog();
  const action = useReferralAction();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const serviceName = (code: string) => {
    const s = services.data?.items.find((x) => x.code === code);
    return s ? (i18n.language === 'en' ? s.name.en : s.name.es) : t('unknownValue', { ns: 'common' });
  };
  const close = () => { setDialog(null); action.reset(); };
  if (rows.length === 0) return <Text size="sm">{empty}</Text>;
  return (
    <>
      {!dialog && <ProblemAlert error={action.error} />}
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('table.case')}</Table.Th>
              <Table.Th>{t('table.service')}</Table.Th>
              <Table.Th>{t('table.received')}</Table.Th>
              <Table.Th>{t('table.status')}</Table.Th>
              <Table.Th>{t('table.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const busy = action.isPending && action.variables?.id === r.id;
              return (
                <Table.Tr key={r.id}>
                  <Table.Td><CaseCell item={r} /></Table.Td>
                  <Table.Td>{serviceName(r.serviceType)}</Table.Td>
                  <Table.Td>{formatDate(r.createdAt)}</Table.Td>
                  <Table.Td><EnumBadge kind="referralStatus" value={r.status} color={STATUS_COLOR[r.status] ?? 'gray'} /></Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {r.status === 'pending' && (
                        <>
                          <Button size="xs" loading={busy} onClick={() => action.mutate({ kind: 'accept', id: r.id, caseId: r.caseId })}
                            aria-label={t('actions.acceptCase', { number: r.caseNumber })}>{t('actions.accept')}</Button>
                          <Button size="xs" variant="default" onClick={() => { action.reset(); setDialog({ kind: 'decline', id: r.id, caseId: r.caseId }); }}
                            aria-label={t('actions.declineCase', { number: r.caseNumber })}>{t('actions.decline')}</Button>
                        </>
                      )}
                      {r.status === 'accepted' && r.shelterId === null && (
                        <Button size="xs" variant="light" onClick={() => { action.reset(); setDialog({ kind: 'complete', id: r.id, caseId: r.caseId }); }}
                          aria-label={t('actions.completeCase', { number: r.caseNumber })}>{t('actions.complete')}</Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ReasonModalHost dialog={dialog} close={close} action={action} />
    </>
  );
}

/** The case a referral belongs to: its number (a link to the case) and whether the person is a minor. */
export function CaseCell({ item }: { item: ReferralItem }) {
  const { t } = useTranslation('referral');
  return (
    <Group gap={6} wrap="nowrap">
      <Anchor component={Link} to={`/cases/${item.caseId}`}>{item.caseNumber}</Anchor>
      {item.isMinor && <Badge color="indigo" variant="light">{t('table.minor')}</Badge>}
    </Group>
  );
}

const DECLINE_REASON_CODES: readonly DeclineReasonCode[] = ['no_capacity', 'not_eligible', 'victim_declined', 'outside_mandate', 'other'];

function ReasonModalHost({ dialog, close, action }: {
  dialog: Dialog | null; close: () => void; action: ReturnType<typeof useReferralAction>;
}) {
  const { t } = useTranslation('referral');
  if (!dialog) return null;
  const decline = dialog.kind === 'decline';
  return (
    <ReasonModal
      opened title={t(decline ? 'modal.declineTitle' : 'modal.completeTitle')} label={t(decline ? 'modal.reason' : 'modal.outcome')}
      required={decline} submitLabel={t(decline ? 'actions.decline' : 'actions.complete')} pending={action.isPending} error={action.error}
      onClose={close}
      codes={decline ? { label: t('modal.reasonCode'), options: DECLINE_REASON_CODES.map((value) => ({ value, label: t(`reasonCodes.${value}`) })) } : undefined}
      onSubmit={(text, code) => action.mutate(decline ? { kind: 'decline', id: dialog.id, caseId: dialog.caseId, reason: text, reasonCode: code as DeclineReasonCode | undefined }
        : { kind: 'complete', id: dialog.id, caseId: dialog.caseId, outcome: text || undefined }, { onSuccess: close })}
    />
  );
}
