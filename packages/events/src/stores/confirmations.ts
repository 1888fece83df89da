/**
 * One code's first orders that pay its ambassador, by when that reward is confirmed (its hold has
 * passed), for the memory store. Tiers and the promotion count the confirmed ones at each redemption:
 * with the times kept in order that count is a binary search, where a walk over every first order
 * of the code made each redemption of a busy ambassador slower than the last.
 */
export class Confirmations {
  /** When each reward is confirmed, as canonical ISO text (which compares as time), ascending. */
  private readonly times: string[] = [];
  /** The confirmation and reversal times of the first orders since reversed: refunds are rare. */
  private readonly reversals: { confirmsAt: string; reversedAt: string }[] = [];

  add(confirmsAt: string): void {
    const at = after(this.times, confirmsAt);
    // Rewards recorded in turn, under one hold, confirm in turn: the time almost always goes last.
    if (at === this.times.length) this.times.push(confirmsAt);
    else this.times.splice(at, 0, confirmsAt);
  }

  reverse(confirmsAt: string, reversedAt: string): void {
    this.reversals.push({ confirmsAt, reversedAt });
  }

  /** How many are confirmed at `moment` (canonical ISO text) and not reversed by then. */
  confirmedAt(moment: string): number {
    let confirmed = after(this.times, moment);
    for (const { confirmsAt, reversedAt } of this.reversals)
      if (confirmsAt <= moment && reversedAt <= moment) confirmed--;
    return confirmed;
  }
}

/** The index of the first time in `sorted` later than `time`: how many come at or before it. */
function after(sorted: readonly string[], time: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) <= time) low = middle + 1;
    else high = middle;
  }
  return low;
}
