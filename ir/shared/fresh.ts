// ir/shared/fresh.ts: deterministic unique names. One Fresh per module (created inside a pass's entry
// point, never module-level), so the same input always gets the same names and goldens stay stable.

/**
 * Hands out names never handed out (or reserved) before: `base` itself if free, else `base_1`,
 * `base_2`, … (skipping any already taken, including user names that happen to look like `x_1`).
 */
export class Fresh {
  private readonly used = new Set<string>();
  // Next suffix to try per base: keeps `fresh` O(1) amortised on modules with thousands of `x`s.
  private readonly next_ = new Map<string, number>();

  constructor(reserved: Iterable<string> = []) {
    for (const n of reserved) this.used.add(n);
  }

  /** Marks `name` as taken without renaming it. */
  reserve(name: string): void {
    this.used.add(name);
  }

  /** True when `name` was handed out or reserved. */
  has(name: string): boolean {
    return this.used.has(name);
  }

  /** A name not taken yet, derived from `base`. */
  fresh(base: string): string {
    if (!this.used.has(base)) {
      this.used.add(base);
      return base;
    }
    let i = this.next_.get(base) ?? 1;
    while (this.used.has(`${base}_${i}`)) i++;
    this.next_.set(base, i + 1);
    const name = `${base}_${i}`;
    this.used.add(name);
    return name;
  }

  /** A compiler temporary (`_t`, `_t_1`, …): the leading `_` keeps it apart from most user names. */
  next(base = '_t'): string {
    return this.fresh(base);
  }
}
