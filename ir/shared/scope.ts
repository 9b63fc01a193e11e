// ir/shared/scope.ts: the set of names in scope during a tree walk, with cheap undo. Checkers used to copy a
// Set at every binder, which is quadratic on long let chains; this one is mutated and rolled back instead.

/** A multiset of names with `mark`/`reset` to leave a scope. Supports `has` and `add` like a Set. */
export class Scope {
  private readonly counts = new Map<string, number>();
  private readonly log: string[] = [];

  has(name: string): boolean {
    return this.counts.has(name);
  }

  add(name: string): this {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.log.push(name);
    return this;
  }

  /** A point to return to with `reset`. */
  mark(): number {
    return this.log.length;
  }

  /** Removes every name added since `mark`. */
  reset(mark: number): void {
    while (this.log.length > mark) {
      const name = this.log.pop()!;
      const c = this.counts.get(name)! - 1;
      if (c === 0) this.counts.delete(name);
      else this.counts.set(name, c);
    }
  }
}
