import type { Cell, ReportSeries } from '../api/report.types';
import { cellKind, cellText } from '../lib/cells';

export interface CellLegend {
  small: string;
  withheld: string;
  none: string;
}

/**
 * One published cell: a figure in the user's language, or a marker shown as it is ("<5", "x", "—") with
 * its explanation as the abbreviation's title (the legend above the reports says the same in full).
 */
export function ReportCell({ cell, unit, lang, legend }: { cell: Cell | undefined; unit: ReportSeries['unit']; lang: string; legend: CellLegend }) {
  const kind = cellKind(cell);
  const text = cellText(cell, unit, lang);
  if (kind === 'number') return <>{text}</>;
  const title = kind === 'small' ? legend.small : kind === 'withheld' ? legend.withheld : legend.none;
  return <abbr title={title} data-cell={kind}>{text}</abbr>;
}
