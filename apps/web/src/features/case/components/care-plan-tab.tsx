import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/i18n/format';
import type { CaseDetail } from '../api/case.types';
import { readable } from '../api/case-rules';

/** The care plan as far as the API shows it to this user (goals; notes for the shelter and the lead agency). */
export function CarePlanTab({ plan }: { plan: CaseDetail['carePlan'] }) {
  const { t } = useTranslation('case');
  if (!plan) return <Text>{t('carePlan.none')}</Text>;
  const area = (a: string) => t(`careArea.${a}`, { ns: 'enums', defaultValue: readable(a) });
  return (
    <Stack gap="md">
      <Title order={2} size="h4">{t('carePlan.goals')}</Title>
      {plan.goals && plan.goals.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('carePlan.goals')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('carePlan.area')}</Table.Th>
                <Table.Th scope="col">{t('carePlan.description')}</Table.Th>
                <Table.Th scope="col">{t('carePlan.targetDate')}</Table.Th>
                <Table.Th scope="col">{t('carePlan.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.goals.map((g, i) => (
                <Table.Tr key={`${g.area}-${i}`}>
                  <Table.Td>{area(g.area)}</Table.Td>
                  <Table.Td>{g.description}</Table.Td>
                  <Table.Td>{formatDate(g.targetDate)}</Table.Td>
                  <Table.Td>{readable(g.status)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text>{t('carePlan.noGoals')}</Text>
      )}
      {plan.notes && plan.notes.length > 0 && (
        <>
          <Title order={2} size="h4">{t('carePlan.notes')}</Title>
          {plan.notes.map((n) => (
            <Paper key={n.id} withBorder p="sm">
              <Text size="sm" fw={600}>
                {area(n.area)} · {formatDateTime(n.createdAt)} {n.confidential && <Badge color="red.9" variant="outline" ml="xs">{t('carePlan.confidential')}</Badge>}
              </Text>
              <Text size="sm">{n.text}</Text>
            </Paper>
          ))}
        </>
      )}
    </Stack>
  );
}
