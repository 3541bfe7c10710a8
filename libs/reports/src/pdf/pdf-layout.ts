/** Page geometry and type scale of the summary PDF (A4 portrait, points). */
export const PAGE = {
  size: 'A4' as const,
  margins: { top: 54, bottom: 60, left: 50, right: 50 },
  /** Baseline area of the footer, inside the bottom margin. */
  footerY: 841.89 - 40,
};

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };

export const SIZE = { title: 16, heading: 12, body: 9.5, table: 9, small: 8 };

export const COLOR = {
  text: '#1a1a1a',
  muted: '#555555',
  rule: '#9aa5b1',
  headerFill: '#e3e9f0',
  stripeFill: '#f4f6f8',
  totalFill: '#e9ecef',
};
