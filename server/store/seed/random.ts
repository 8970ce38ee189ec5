// A small deterministic PRNG for the seed. Math.random cannot be seeded, and the seed must give
// the same data for the same seed number on every machine and in the browser.

/** splitmix32: spreads a small seed number over 32 bits so that seeds 1 and 2 differ fully. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a: turns a label into a number, to derive independent streams by name. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export type Weighted<T> = ReadonlyArray<readonly [T, number]>;

/**
 * sfc32 (Chris Doty-Humphrey's small fast counting generator): 128 bits of state, passes
 * PractRand, and is fast in JS because it only needs 32-bit integer arithmetic.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(private readonly seedValue: number) {
    const mix = splitmix32(seedValue);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = 1;
    // The first outputs of a fresh state are correlated with the seed: throw them away.
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A uniform float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  /**
   * An independent stream named `label`. Each part of the seed draws from its own stream, so
   * that changing how many numbers one part draws does not reshuffle every other part.
   */
  fork(label: string): Random {
    return new Random((this.seedValue ^ hashLabel(label)) >>> 0);
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One entry by weight. For many draws from the same list, `weighted()` is faster. */
  weighted<T>(entries: Weighted<T>): T {
    return this.weightedPicker(entries)();
  }

  /** A picker over fixed weights: cumulative sums and a binary search per draw. */
  weightedPicker<T>(entries: Weighted<T>): () => T {
    const values = entries.map(([v]) => v);
    const cumulative: number[] = [];
    let total = 0;
    for (const [, w] of entries) {
      if (w < 0) throw new Error('negative weight');
      total += w;
      cumulative.push(total);
    }
    if (total <= 0) throw new Error('weights sum to zero');
    return () => {
      const x = this.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] as number) > x) hi = mid;
        else lo = mid + 1;
      }
      return values[lo] as T;
    };
  }

  /** Fisher–Yates in place (arrays and typed arrays); returns the same array. */
  shuffle<A extends { length: number; [index: number]: unknown }>(items: A): A {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  /** An approximately normal number (sum of uniforms: cheap, bounded, good enough for data). */
  normal(mean: number, sd: number): number {
    const s = this.next() + this.next() + this.next() + this.next() + this.next() + this.next();
    return mean + (s - 3) * sd * Math.SQRT2;
  }

  /** A time (epoch ms) uniformly in [start, end). */
  timeBetween(start: number, end: number): number {
    return start + this.next() * Math.max(0, end - start);
  }

  /** A Date uniformly in [start, end). */
  dateBetween(start: Date, end: Date): Date {
    return new Date(this.timeBetween(start.getTime(), end.getTime()));
  }
}
