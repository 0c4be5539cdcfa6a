import { vi } from 'vitest';

/**
 * How long a test waits for something that happens asynchronously (an after-commit subscriber,
 * a NOTIFY, a background job). Generous on purpose: on a busy 2-core machine a delivery that
 * takes milliseconds alone can take seconds, and a condition that holds returns at once, so only
 * a failing test ever waits this long. vi.waitFor's own default (1 s) is what made the suite fail
 * on a loaded machine.
 */
export const WAIT_MS = 30_000;

/** vi.waitFor with a limit fit for a loaded machine: retries `check` until it stops throwing. */
export function waitFor<T>(check: () => T | Promise<T>, opts: { timeout?: number; interval?: number } = {}): Promise<T> {
  return vi.waitFor(check, { timeout: WAIT_MS, interval: 20, ...opts });
}
