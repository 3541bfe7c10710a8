import { Alert, Anchor, List, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../components/problem-alert';
import type { DuplicateMatch } from '../api/duplicates-check';

/** What the duplicate check found before saving; the officer may still send the intake. */
export function DuplicateMatches({ matches, loading, error }: { matches: DuplicateMatch[] | undefined; loading: boolean; error: unknown }) {
  const { t } = useTranslation('identification');
  if (error) return <ProblemAlert error={error} />;
  if (loading || !matches) {
    return (
      <Text size="sm" role="status">
        <Loader size="xs" mr="xs" aria-hidden />
        {t('duplicates.checking')}
      </Text>
    );
  }
  if (matches.length === 0) {
    return (
      <Alert color="teal" variant="light" title={t('duplicates.title')} role="status" styles={{ title: { color: 'var(--mantine-color-teal-9)' } }}>
        {t('duplicates.none')}
      </Alert>
    );
  }
  return (
    <Alert color="orange" variant="default" title={t('duplicates.title')} role="status" style={{ borderLeft: '6px solid var(--mantine-color-orange-7)' }}>
      <Text size="sm">{t('duplicates.found', { count: matches.length })}</Text>
      <List size="sm" mt="xs">
        {matches.map((m, i) => (
          <List.Item key={m.caseId ?? `hidden-${i}`}>
            {m.caseId ? (
              <>
                <Anchor component={Link} to={`/cases/${m.caseId}`}>{m.caseNumber}</Anchor> — {t(`duplicates.match.${m.match}`)}
              </>
            ) : (
              <>{t('duplicates.hidden', { match: t(`duplicates.match.${m.match}`) })}</>
            )}
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">{t('duplicates.canSend')}</Text>
    </Alert>
  );
}
