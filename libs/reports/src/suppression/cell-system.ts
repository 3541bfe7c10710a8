/**
 * Small-cell suppression over every count a period's reports publish, as one system (PRODUCT.md section
 * 11): cells (counts) and lines (a total equal to the sum of its parts: a report's rows and its total, a
 * route table's rows and columns against the province and nationality reports, minors against the age
 * groups...). Because all the reports of a period are one system, a cell hidden in one report cannot be
 * recovered from another.
 *
 * 1. Primary: a count from 1 to k-1 is hidden (published as "<k").
 * 2. Complementary: while some hidden cell could still be worked out from what is published, another
 *    cell of a line through it is hidden too (published as "x"). "Worked out" is checked the way an
 *    attacker would: exactly, by linear algebra (is the cell a combination of the published totals?), and
 *    by bounds (a "<k" cell lies in 1..k-1, an "x" cell is at least k, zeros are published; propagating
 *    these bounds through every line must never narrow a hidden cell to one value).
 */
export type CellStatus = 'shown' | 'primary' | 'complementary';

export interface Line {
  /** Cells that add up to `total`. */
  parts: number[];
  total: number;
}

export class CellSystem {
  private readonly values: number[] = [];
  private readonly lines: Line[] = [];
  /** Cells that must never be hidden for another cell's sake (the grand total). */
  private readonly pinnedShown = new Set<number>();

  constructor(private readonly k: number) {}

  cell(value: number): number {
    if (!Number.isInteger(value) || value < 0) throw new Error(`a count must be a non-negative integer, got ${value}`);
    this.values.push(value);
    return this.values.length - 1;
  }

  line(parts: number[], total: number): void {
    const sum = parts.reduce((s, p) => s + this.values[p], 0);
    if (sum !== this.values[total]) throw new Error(`a line does not add up: ${sum} <> ${this.values[total]}`);
    this.lines.push({ parts: [...new Set(parts)], total });
  }

  keepShownIfPossible(cell: number): void {
    this.pinnedShown.add(cell);
  }

  value(cell: number): number {
    return this.values[cell];
  }

  /** Decides which cells are hidden. */
  solve(): CellStatus[] {
    const status: CellStatus[] = this.values.map((v) => (v >= 1 && v < this.k ? 'primary' : 'shown'));
    const given = new Set<number>();
    for (let round = 0; round < 50; round += 1) {
      const exposed = this.exposedCells(status).filter((c) => !given.has(c));
      if (exposed.length === 0) return status;
      // One complement per exposed cell per round (a cell already covered by this round's picks waits for the next check).
      const picked: number[] = [];
      for (const cell of exposed) {
        if (picked.some((p) => this.shareALine(p, cell))) continue;
        const pick = this.complementFor(cell, status);
        if (pick === null) {
          // Every line through it holds only hidden cells and zeros: nothing more can be hidden for it.
          given.add(cell);
          continue;
        }
        status[pick] = 'complementary';
        picked.push(pick);
      }
    }
    return status;
  }

  /** Hidden cells that an attacker could work out from the published cells. */
  exposedCells(status: CellStatus[]): number[] {
    const hidden = status.map((s, i) => (s === 'shown' ? -1 : i)).filter((i) => i >= 0);
    if (hidden.length === 0) return [];
    const out = new Set<number>([...this.determinedByAlgebra(status, hidden), ...this.narrowedByBounds(status)]);
    return hidden.filter((i) => out.has(i));
  }

  private complementFor(cell: number, status: CellStatus[]): number | null {
    const candidates = new Set<number>();
    for (const l of this.lines) {
      const members = [...l.parts, l.total];
      if (!members.includes(cell)) continue;
      for (const m of members) if (status[m] === 'shown' && this.values[m] > 0) candidates.add(m);
    }
    if (candidates.size === 0) return null;
    // Hide the cell that costs least: one whose other lines already hold a hidden cell (hiding it exposes
    // nothing new), never the grand total if anything else will do, then the smallest.
    const cost = (c: number) => this.linesOf(c).filter((l) => !this.lineHas(l, cell) && !this.lineHidesAny(l, status)).length;
    const ranked = [...candidates].map((c) => ({ c, cost: cost(c) })).sort((a, b) =>
      Number(this.pinnedShown.has(a.c)) - Number(this.pinnedShown.has(b.c)) || a.cost - b.cost || this.values[a.c] - this.values[b.c] || a.c - b.c);
    return ranked[0].c;
  }

  private linesOf(cell: number): Line[] {
    return this.lines.filter((l) => this.lineHas(l, cell));
  }

  private lineHas(l: Line, cell: number): boolean {
    return l.total === cell || l.parts.includes(cell);
  }

  private lineHidesAny(l: Line, status: CellStatus[]): boolean {
    return status[l.total] !== 'shown' || l.parts.some((p) => status[p] !== 'shown');
  }

  private shareALine(a: number, b: number): boolean {
    return this.lines.some((l) => (l.total === a || l.parts.includes(a)) && (l.total === b || l.parts.includes(b)));
  }

  /** Gauss-Jordan over the lines, unknowns = hidden cells: a hidden cell is determined iff a reduced row is its unit vector. */
  private determinedByAlgebra(status: CellStatus[], hidden: number[]): number[] {
    const column = new Map(hidden.map((cell, i) => [cell, i]));
    const rows: Map<number, number>[] = [];
    for (const l of this.lines) {
      const row = new Map<number, number>();
      for (const p of l.parts) if (column.has(p)) row.set(column.get(p)!, (row.get(column.get(p)!) ?? 0) + 1);
      if (column.has(l.total)) row.set(column.get(l.total)!, (row.get(column.get(l.total)!) ?? 0) - 1);
      for (const [c, v] of row) if (v === 0) row.delete(c);
      if (row.size > 0) rows.push(row);
    }
    const pivots: { col: number; row: Map<number, number> }[] = [];
    for (const original of rows) {
      let row = new Map(original);
      for (const p of pivots) {
        const f = row.get(p.col);
        if (f) row = addScaled(row, p.row, -f);
      }
      if (row.size === 0) continue;
      const col = Math.min(...row.keys());
      const scale = row.get(col)!;
      row = new Map([...row].map(([c, v]) => [c, v / scale]));
      for (const p of pivots) {
        const f = p.row.get(col);
        if (f) p.row = addScaled(p.row, row, -f);
      }
      pivots.push({ col, row });
    }
    return pivots.filter((p) => p.row.size === 1).map((p) => hidden[p.col]);
  }

  /** Bounds propagation to a fixed point: "<k" in [1, k-1], "x" at least k, shown cells exact. */
  private narrowedByBounds(status: CellStatus[]): number[] {
    const max = Math.max(0, ...this.values) * 2 + this.k;
    const lo = status.map((s, i) => (s === 'shown' ? this.values[i] : s === 'primary' ? 1 : this.k));
    const hi = status.map((s, i) => (s === 'shown' ? this.values[i] : s === 'primary' ? this.k - 1 : max));
    for (let changed = true, guard = 0; changed && guard < 100; guard += 1) {
      changed = false;
      for (const l of this.lines) {
        const partsLo = l.parts.reduce((s, p) => s + lo[p], 0);
        const partsHi = l.parts.reduce((s, p) => s + hi[p], 0);
        // total in [partsLo, partsHi]
        if (partsLo > lo[l.total]) { lo[l.total] = partsLo; changed = true; }
        if (partsHi < hi[l.total]) { hi[l.total] = partsHi; changed = true; }
        for (const p of l.parts) {
          const othersLo = partsLo - lo[p];
          const othersHi = partsHi - hi[p];
          const newLo = lo[l.total] - othersHi;
          const newHi = hi[l.total] - othersLo;
          if (newLo > lo[p]) { lo[p] = newLo; changed = true; }
          if (newHi < hi[p]) { hi[p] = newHi; changed = true; }
        }
      }
    }
    return status.map((s, i) => (s !== 'shown' && lo[i] >= hi[i] ? i : -1)).filter((i) => i >= 0);
  }
}

function addScaled(a: Map<number, number>, b: Map<number, number>, f: number): Map<number, number> {
  const out = new Map(a);
  for (const [c, v] of b) {
    const next = (out.get(c) ?? 0) + f * v;
    if (Math.abs(next) < 1e-9) out.delete(c);
    else out.set(c, next);
  }
  return out;
}
