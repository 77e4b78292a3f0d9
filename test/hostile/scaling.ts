// Scaling tests compare run times at two sizes as a ratio, never an absolute time: a linear step
// takes ~4× as long at 4× the size, a quadratic one ~16×.

/** Median wall time of `runs` calls of `fn` (after one warm-up call), in ms. */
export async function medianTime(fn: () => unknown, runs = 3): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** The time at size 4n over the time at size n (small times are floored at 1 ms). */
export async function growth(make: (n: number) => () => unknown, n: number): Promise<number> {
  const small = await medianTime(make(n));
  const large = await medianTime(make(4 * n));
  return large / Math.max(small, 1);
}
