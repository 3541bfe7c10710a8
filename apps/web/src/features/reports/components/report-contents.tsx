import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportTable } from '../api/report.types';
import { sectionId } from './report-section';
import classes from './reports.module.css';

/** The reports of the summary as a list of links to their sections (every table stays on one page, to scan or print). */
export function ReportContents({ reports, id }: { reports: ReportTable[]; id: string }) {
  const { t } = useTranslation('reports');
  return (
    <nav aria-labelledby={`${id}-title`} id={id} className={classes.noPrint}>
      <h3 id={`${id}-title`} className={classes.contentsTitle}>{t('contents.title')}</h3>
      <ol className={classes.contents}>
        {reports.map((r) => (
          <li key={r.name}>
            <Anchor href={`#${sectionId(r)}`} size="sm">{r.title}</Anchor>
          </li>
        ))}
      </ol>
    </nav>
  );
}
