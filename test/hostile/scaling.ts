// Scaling tests compare run times at two sizes as a ratio, never an absolute time: a linear step
// takes ~4× as long at 4× the size, a quadratic one ~16×. Each size is timed in CPU time of this
// process (other processes on a loaded machine don't add to it), the two sizes alternate, and the
// least of three runs counts: interference only ever adds time, so the minimum is the steadiest figure.

/**
 * The most a linear step's growth ratio may show: linear is ~4 (n log n ~4.6) and quadratic ~16;
 * a collector's pause in the larger run has pushed a linear step to 8.2 on a loaded machine.
 */
export const LINEAR_BOUND = 10;

/** CPU time (user + system) of one call of `fn`, in ms. */
async function cpuTime(fn: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The time at size 4n over the time at size n (small times are floored at 1 ms). */
export async function growth(make: (n: number) => () => unknown, n: number, runs = 3): Promise<number> {
  const small = make(n);
  const large = make(4 * n);
  await small();
  await large();
  let least = { small: Infinity, large: Infinity };
  for (let i = 0; i < runs; i++) {
    least = { small: Math.min(least.small, await cpuTime(small)), large: Math.min(least.large, await cpuTime(large)) };
  }
  return least.large / Math.max(least.small, 1);
}
