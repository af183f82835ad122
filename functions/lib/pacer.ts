/**
 * Spaces calls at least 1/rate seconds apart within one process: a sender instance keeps to its share of
 * the SES sending rate. `sleep` and `clock` are injectable for tests.
 */
export function createPacer(
  perSecond: number,
  clock: () => number = () => performance.now(),
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): () => Promise<void> {
  const interval = 1000 / perSecond;
  let next = 0;
  return async () => {
    const now = clock();
    const at = Math.max(now, next);
    next = at + interval;
    if (at > now) await sleep(at - now);
  };
}
