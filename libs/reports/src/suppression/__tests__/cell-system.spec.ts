import { CellSystem } from '../cell-system';

/** One line: cells with these values adding up to their total; returns the statuses of [parts..., total]. */
function oneLine(values: number[], k = 5) {
  const sys = new CellSystem(k);
  const total = sys.cell(values.reduce((s, v) => s + v, 0));
  const parts = values.map((v) => sys.cell(v));
  sys.keepShownIfPossible(total);
  sys.line(parts, total);
  const status = sys.solve();
  return { parts: parts.map((p) => status[p]), total: status[total] };
}

describe('CellSystem (small-cell suppression)', () => {
  it('hides counts from 1 to k-1 and shows zeros and counts of k or more', () => {
    const sys = new CellSystem(5);
    const cells = [0, 1, 4, 5, 100].map((v) => sys.cell(v));
    expect(sys.solve()).toEqual(['shown', 'primary', 'primary', 'shown', 'shown']);
    expect(cells).toHaveLength(5);
  });

  it('hides a second cell of a line when a total would give the small one away, the smallest that protects it', () => {
    expect(oneLine([3, 5, 12, 20])).toEqual({ parts: ['primary', 'complementary', 'shown', 'shown'], total: 'shown' });
  });

  it('does not stop at a complement that still pins the small cell by its bounds (1 + 5 = 6: the 1 would be known)', () => {
    // "<5" is 1..4 and an "x" at least 5: with 1 and 5 hidden out of 6, the 1 is exactly 1.
    const r = oneLine([1, 5, 6, 30]);
    expect(r.parts[0]).toBe('primary');
    expect(r.parts.filter((s) => s !== 'shown').length).toBeGreaterThanOrEqual(3);
  });

  it('leaves a line alone when two small cells already protect each other', () => {
    expect(oneLine([2, 3, 40])).toEqual({ parts: ['primary', 'primary', 'shown'], total: 'shown' });
  });

  it('hides more when two small cells of a line could only be 1 and 1', () => {
    // 1 + 1 hidden out of a total that leaves 2 for them: both are exactly 1.
    const r = oneLine([1, 1, 40]);
    expect(r.parts[2]).toBe('complementary');
  });

  it('finds a cell given away through several lines (linear algebra, not only line by line)', () => {
    // Two 2x2 blocks joined by one cell (a bridge): every row and column has two hidden cells, yet the
    // bridge is the difference of the two blocks' sums.
    const sys = new CellSystem(5);
    const grid = [
      [3, 3, 0, 20],
      [3, 3, 6, 20],
      [0, 0, 3, 3],
    ];
    const cells = grid.map((row) => row.map((v) => sys.cell(v)));
    const rowTotals = grid.map((row) => sys.cell(row.reduce((s, v) => s + v, 0)));
    const colTotals = grid[0].map((_, j) => sys.cell(grid.reduce((s, row) => s + row[j], 0)));
    cells.forEach((row, i) => sys.line(row, rowTotals[i]));
    colTotals.forEach((total, j) => sys.line(cells.map((row) => row[j]), total));
    const status = sys.solve();
    expect(sys.exposedCells(status)).toEqual([]);
    expect(status[cells[1][2]]).not.toBe('shown');
  });

  it('reports a hidden cell that only linear algebra gives away (a bridge between two hidden blocks)', () => {
    // Rows 0-1 x columns 0-1 hidden, rows 2-3 x columns 2-3 hidden, and the bridge (1, 2) hidden: every line
    // holds two or three hidden cells of 50, so bounds alone narrow nothing; rows 0+1 minus columns 0+1 is the bridge.
    const sys = new CellSystem(5);
    const hidden = [[0, 0], [0, 1], [1, 0], [1, 1], [2, 2], [2, 3], [3, 2], [3, 3], [1, 2]];
    const grid = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (hidden.some(([a, b]) => a === i && b === j) ? 50 : 7)));
    const cells = grid.map((row) => row.map((v) => sys.cell(v)));
    const rowTotals = grid.map((row) => sys.cell(row.reduce((s, v) => s + v, 0)));
    const colTotals = [0, 1, 2, 3].map((j) => sys.cell(grid.reduce((s, row) => s + row[j], 0)));
    cells.forEach((row, i) => sys.line(row, rowTotals[i]));
    colTotals.forEach((total, j) => sys.line(cells.map((row) => row[j]), total));
    const status = cells.flat().map(() => 'shown' as const) as ('shown' | 'complementary')[];
    const all = [...status, ...rowTotals.map(() => 'shown' as const), ...colTotals.map(() => 'shown' as const)];
    for (const [i, j] of hidden) all[cells[i][j]] = 'complementary';
    expect(sys.exposedCells(all)).toEqual([cells[1][2]]);
  });
});
