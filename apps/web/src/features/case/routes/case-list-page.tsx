import { Loading } from '../../../components/loading';
import { Alert, Button, Center, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageFrame } from '../../../components/page-frame';
import { ProblemAlert } from '../../../components/problem-alert';
import { useCaseList } from '../api/case.queries';
import { CASE_STATUSES, MINOR_FILTERS, TRAFFICKING_STATUSES, type CaseListFilters } from '../api/case.types';
import { CaseFilters } from '../components/case-filters';
import { CaseTable } from '../components/case-table';

const KEYS = ['q', 'status', 'traffickingStatus', 'isMinor'] as const;

/** The filters the URL gives (a value the API does not know is left out). */
function filtersOf(params: URLSearchParams): CaseListFilters {
  return {
    q: params.get('q') || undefined,
    status: CASE_STATUSES.find((v) => v === params.get('status')),
    traffickingStatus: TRAFFICKING_STATUSES.find((v) => v === params.get('traffickingStatus')),
    isMinor: MINOR_FILTERS.find((v) => v === params.get('isMinor')),
  };
}

/** The cases the user may see, filtered by what the URL says (the header's search opens `/cases?q=`). */
export function CaseListPage() {
  const { t } = useTranslation('case');
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const list = useCaseList(filters);
  const cases = list.data?.pages.flatMap((p) => p.items) ?? [];
  const setFilters = (next: CaseListFilters) => {
    const p = new URLSearchParams();
    for (const k of KEYS) if (next[k]) p.set(k, next[k]!);
    setParams(p);
  };
  return (
    <PageFrame title={t('list.title')}>
      <CaseFilters value={filters} onChange={setFilters} />
      <ProblemAlert error={list.error} />
      {list.isPending ? (
        <Center p="lg"><Loading /></Center>
      ) : cases.length === 0 && !list.error ? (
        <Alert color="gray" variant="outline" title={t('list.empty.title')}>
          {filters.q ? t('list.empty.withNumber', { q: filters.q }) : t('list.empty.text')}
        </Alert>
      ) : (
        <CaseTable cases={cases} />
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('actions.more', { ns: 'common' })}
          </Button>
        </Group>
      )}
    </PageFrame>
  );
}
