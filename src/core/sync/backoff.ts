// Retry delays: exponential backoff with full jitter (a random delay up to base·2^attempt,
// capped), so many workstations coming back online at once do not retry in step.

export interface BackoffOptions {
  baseMs: number
  maxMs: number
}

/** Delay before retry number `attempt` (0 for the first retry); `random` in [0, 1). */
export function backoffDelay(attempt: number, o: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(o.maxMs, o.baseMs * 2 ** Math.min(attempt, 30))
  return Math.floor(random() * ceiling)
}
