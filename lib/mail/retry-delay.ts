const FIRST_DELAY_MS = 10_000;
const MAX_DELAY_MS = 15 * 60_000;

/**
 * How long to wait after a failed attempt: 10 s, 20 s, 40 s … doubling up to 15 minutes, so a
 * blip is retried quickly and an outage is not hammered. Jittered by ±20% so that the emails
 * queued during an outage do not all retry in the same second when the server comes back.
 * Never gives up: an email that was promised must arrive once the mail server does.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempts, 1) - 1, 30);
  const base = Math.min(FIRST_DELAY_MS * 2 ** exponent, MAX_DELAY_MS);
  return Math.min(Math.round(base * (0.8 + 0.4 * random())), MAX_DELAY_MS);
}
