/**
 * An attacker who holds every published report of one period and tries to work out a hidden cell: the
 * published numbers are exact, "<k" means 1..k-1, "x" means some count (at least k when it is a count
 * that was hidden to protect another), and the reports' structure gives equations (a report's rows add up
 * to its total, the route table's rows to the province report, and so on). Written for the tests,
 * independently of the reports module's own suppression.
 */
export type Published = number | string | null;

export class Attacker {
  private readonly domains = new Map<string, [number, number]>();
  private readonly equations: { parts: string[]; total: string }[] = [];

  constructor(private readonly k: number, private readonly max: number) {}

  /** A variable as published; "x" can be any count from k up (a hidden count is never 0, zeros are published). */
  know(name: string, value: Published): void {
    const d: [number, number] = typeof value === 'number' ? [value, value] : value === `<${this.k}` ? [1, this.k - 1] : [this.k, this.max];
    const old = this.domains.get(name);
    this.domains.set(name, old ? [Math.max(old[0], d[0]), Math.min(old[1], d[1])] : d);
  }

  sum(parts: string[], total: string): void {
    this.equations.push({ parts, total });
  }

  /** The values the variable can take in some assignment that satisfies everything published. */
  possibleValues(target: string): number[] {
    const [lo, hi] = this.domains.get(target)!;
    const out: number[] = [];
    for (let v = lo; v <= hi; v += 1) {
      const domains = new Map(this.domains);
      domains.set(target, [v, v]);
      if (this.solvable(domains)) out.push(v);
    }
    return out;
  }

  /** Depth-first search with bounds propagation: is there an integer assignment within the domains? */
  private solvable(domains: Map<string, [number, number]>): boolean {
    if (!this.propagate(domains)) return false;
    const open = [...domains].filter(([, [lo, hi]]) => lo < hi).sort((a, b) => (a[1][1] - a[1][0]) - (b[1][1] - b[1][0]));
    if (open.length === 0) return true;
    const [name, [lo, hi]] = open[0];
    for (let v = lo; v <= hi; v += 1) {
      const next = new Map(domains);
      next.set(name, [v, v]);
      if (this.solvable(next)) return true;
    }
    return false;
  }

  private propagate(d: Map<string, [number, number]>): boolean {
    for (let changed = true; changed;) {
      changed = false;
      for (const e of this.equations) {
        const terms = [...e.parts.map((p) => ({ v: p, sign: 1 })), { v: e.total, sign: -1 }];
        for (const t of terms) {
          // sign*t = -(sum of the others' signed terms): bounds of the others.
          let othersLo = 0;
          let othersHi = 0;
          for (const o of terms) {
            if (o === t) continue;
            const [lo, hi] = d.get(o.v)!;
            othersLo += o.sign > 0 ? lo : -hi;
            othersHi += o.sign > 0 ? hi : -lo;
          }
          const [lo, hi] = d.get(t.v)!;
          const newLo = t.sign > 0 ? -othersHi : othersLo;
          const newHi = t.sign > 0 ? -othersLo : othersHi;
          const nl = Math.max(lo, newLo);
          const nh = Math.min(hi, newHi);
          if (nl > nh) return false;
          if (nl !== lo || nh !== hi) { d.set(t.v, [nl, nh]); changed = true; }
        }
      }
    }
    return true;
  }
}
