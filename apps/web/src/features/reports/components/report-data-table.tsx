import { Button, Table } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportTable } from '../api/report.types';
import { ReportCell, type CellLegend } from './report-cell';
import classes from './reports.module.css';

/** Rows shown before "Show all": enough for the short reports, a screenful of the long ones (24 provinces, routes). */
export const VISIBLE_ROWS = 12;

/**
 * A report as a table: the rows' dimension and each series as columns, figures right-aligned in the
 * user's language, suppressed cells as published, a bold total row where the columns add up. A long table
 * shows its first rows and the rest on request (all of them when printed).
 */
export function ReportDataTable({ table, lang, legend, describedBy }: { table: ReportTable; lang: string; legend: CellLegend; describedBy?: string }) {
  const { t } = useTranslation('reports');
  const [expanded, setExpanded] = useState(false);
  const bodyId = useId();
  const long = table.labels.length > VISIBLE_ROWS;
  const hasTotals = table.series.some((s) => s.total !== undefined);
  return (
    <div>
      <Table className={classes.table} striped withTableBorder verticalSpacing={6} aria-describedby={describedBy}>
        <Table.Caption className={classes.srOnly}>{table.title}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{table.dimension}</Table.Th>
            {table.series.map((s) => (
              <Table.Th key={s.key} scope="col" className={classes.figure}>{s.name}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody id={bodyId}>
          {table.labels.map((label, i) => (
            <Table.Tr key={table.keys[i] ?? label} className={long && !expanded && i >= VISIBLE_ROWS ? classes.hiddenRow : undefined}>
              <Table.Th scope="row" fw={400}>{label}</Table.Th>
              {table.series.map((s) => (
                <Table.Td key={s.key} className={classes.figure}>
                  <ReportCell cell={s.data[i]} unit={s.unit} lang={lang} legend={legend} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {hasTotals && (
          <Table.Tfoot>
            <Table.Tr className={classes.total}>
              <Table.Th scope="row">{t('table.total')}</Table.Th>
              {table.series.map((s) => (
                <Table.Td key={s.key} className={classes.figure}>
                  <ReportCell cell={s.total} unit={s.unit} lang={lang} legend={legend} />
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
      {long && (
        <Button variant="subtle" size="compact-sm" mt={4} className={classes.noPrint} aria-expanded={expanded} aria-controls={bodyId}
          onClick={() => setExpanded((v) => !v)}>
          {expanded ? t('table.showFewer', { rows: VISIBLE_ROWS }) : t('table.showAll', { rows: table.labels.length })}
        </Button>
      )}
    </div>
  );
}
