/**
 * A set of line numbers stored as ranges. A file added whole has one range, not a Set of
 * millions of numbers; git reports added lines in ascending order, so adding is O(1) and a
 * lookup a binary search.
 */

export interface LineLookup {
  has(line: number): boolean;
}

export class LineRanges implements LineLookup, Iterable<number> {
  /** [first, last] pairs, ascending and disjoint. */
  private readonly ranges: [number, number][] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(line: number): void {
    if (this.has(line)) return;
    this.count++;
    const last = this.ranges[this.ranges.length - 1];
    if (!last || line > last[1]) {
      if (last && line === last[1] + 1) last[1] = line;
      else this.ranges.push([line, line]);
      return;
    }
    // Out of order (never seen from git, kept correct anyway): insert, then merge neighbours.
    this.ranges.push([line, line]);
    this.ranges.sort((a, b) => a[0] - b[0]);
    for (let i = this.ranges.length - 1; i > 0; i--) {
      const prev = this.ranges[i - 1]!;
      const cur = this.ranges[i]!;
      if (cur[0] <= prev[1] + 1) {
        prev[1] = Math.max(prev[1], cur[1]);
        this.ranges.splice(i, 1);
      }
    }
  }

  /** Every line: a file git could not show line by line (a binary merge result) is new as a whole. */
  addAll(): void {
    this.ranges.splice(0, this.ranges.length, [1, Number.MAX_SAFE_INTEGER]);
    this.count = Number.MAX_SAFE_INTEGER;
  }

  has(line: number): boolean {
    let lo = 0;
    let hi = this.ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [first, last] = this.ranges[mid]!;
      if (line < first) hi = mid - 1;
      else if (line > last) lo = mid + 1;
      else return true;
    }
    return false;
  }

  *[Symbol.iterator](): Iterator<number> {
    for (const [first, last] of this.ranges) for (let n = first; n <= last; n++) yield n;
  }
}
