/**
 * The last `capacity` values of a stream, kept both in arrival order and sorted, so that quantiles (median,
 * quartiles) cost O(1) and each new value O(capacity) memory moves at worst (a few hundred numbers).
 */
export class SortedWindow {
  private readonly ring: Float64Array;
  private readonly sorted: Float64Array;
  private size = 0;
  private next = 0;
  readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.ring = new Float64Array(capacity);
    this.sorted = new Float64Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.capacity) this.removeSorted(this.ring[this.next]);
    else this.size++;
    this.ring[this.next] = value;
    this.next = (this.next + 1) % this.capacity;
    this.insertSorted(value);
  }

  /** The q-quantile (0..1) by linear interpolation between the nearest ranks; NaN when empty. */
  quantile(q: number): number {
    if (this.size === 0) return Number.NaN;
    const at = q * (this.size - 1);
    const low = Math.floor(at);
    const high = Math.min(low + 1, this.size - 1);
    return this.sorted[low] + (this.sorted[high] - this.sorted[low]) * (at - low);
  }

  private lowerBound(value: number): number {
    return this.lowerBoundIn(value, this.size);
  }

  private insertSorted(value: number): void {
    // `size` already counts the new value: the sorted part holds size − 1 values now.
    const at = this.lowerBoundIn(value, this.size - 1);
    this.sorted.copyWithin(at + 1, at, this.size - 1);
    this.sorted[at] = value;
  }

  private removeSorted(value: number): void {
    const at = this.lowerBound(value);
    this.sorted.copyWithin(at, at + 1, this.size);
  }

  private lowerBoundIn(value: number, size: number): number {
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
