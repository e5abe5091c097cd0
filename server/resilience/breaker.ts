import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import { RequestAborted } from '../errors.js';

/**
 * A provider call that failed for a reason that says nothing about the provider (the answer was
 * unusable, the member closed the tab): passed through without counting towards opening.
 */
export class NotProviderFault extends Error {
  override name = 'NotProviderFault';
}

/** The circuit is open: the provider was skipped without a call. */
export class ProviderSkipped extends Error {
  override name = 'ProviderSkipped';
  constructor(readonly retryAfterMs: number) {
    super('provider skipped: circuit open after repeated failures');
  }
}

export interface ProviderBreaker {
  /** Runs one provider call; throws ProviderSkipped at once while the circuit is open. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** True while calls are skipped (shown as degraded in /api/health). */
  isOpen(): boolean;
}

export interface BreakerOptions {
  /** Consecutive failures (errors, timeouts) that open the circuit. */
  failures: number;
  /** How long calls are skipped; then one trial call decides whether it closes again. */
  coolDownMs: number;
}

/**
 * One breaker per provider, shared by every caller of it (the answer, the follow-up rewrite,
 * the retrieval aids, the danger classifier): a provider that hangs costs the first few
 * questions their timeout, then nothing for `coolDownMs`, instead of every question waiting.
 * Built on cockatiel's consecutive-failure breaker, which also lets exactly one trial call
 * through after the cool-down (the others wait for its outcome).
 */
export function createProviderBreaker(opts: BreakerOptions): ProviderBreaker {
  const policy: CircuitBreakerPolicy = circuitBreaker(
    handleWhen((err) => !(err instanceof NotProviderFault) && !(err instanceof RequestAborted)),
    { halfOpenAfter: opts.coolDownMs, breaker: new ConsecutiveBreaker(Math.max(1, opts.failures)) },
  );
  let openedAt = 0;
  policy.onBreak(() => (openedAt = Date.now()));
  return {
    async run<T>(fn: () => Promise<T>): Promise<T> {
      try {
        return await policy.execute(fn);
      } catch (err) {
        if (err instanceof BrokenCircuitError) throw new ProviderSkipped(Math.max(0, openedAt + opts.coolDownMs - Date.now()));
        throw err;
      }
    },
    // Past the cool-down the next call is a trial: the provider counts as up until it fails again.
    isOpen: () => policy.state === CircuitState.Open && Date.now() - openedAt < opts.coolDownMs,
  };
}
