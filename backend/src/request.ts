// What a prediction request asks of the convergence controller: how precise, how many games at
// most, and how they are cut into batches. Defaults and checks live here so the API, the CLI and
// the controller agree on them.

export interface ConvergenceRequest {
  /** Stop when the 95% interval's half-width is at most this (default 0.02: ±2 points). */
  target?: number;
  /** Most games to play in all (default 20,000). */
  budget?: number;
  /** Games per batch: even, so seed pairs (same shuffles, swapped play/draw) stay whole (default 64). */
  batch?: number;
  /** Batches in flight at once, decided together in one round (default 1). */
  parallel?: number;
}

export const REQUEST_DEFAULTS: Readonly<Required<ConvergenceRequest>> = { target: 0.02, budget: 20000, batch: 64, parallel: 1 };

export type RequestErrorCode = 'bad-target' | 'bad-budget' | 'bad-batch' | 'bad-parallel';

export interface RequestError { code: RequestErrorCode; message: string }

/** Every problem with the request (empty when it is usable). */
export function requestErrors(r: ConvergenceRequest): RequestError[] {
  const { target, budget, batch, parallel } = withRequestDefaults(r);
  const errors: RequestError[] = [];
  if (typeof target !== 'number' || !(target > 0 && target < 0.5)) {
    errors.push({ code: 'bad-target', message: `target half-width must be a number above 0 and below 0.5, e.g. 0.02 for ±2 points (got ${String(target)})` });
  }
  if (!Number.isInteger(budget) || budget < 2) {
    errors.push({ code: 'bad-budget', message: `budget must be a whole number of games, at least 2 (got ${String(budget)})` });
  }
  if (!Number.isInteger(batch) || batch < 2 || batch % 2 !== 0) {
    errors.push({ code: 'bad-batch', message: `batch must be an even whole number of games, at least 2, so seed pairs stay whole (got ${String(batch)})` });
  }
  if (!Number.isInteger(parallel) || parallel < 1) {
    errors.push({ code: 'bad-parallel', message: `parallel must be a whole number of batches, at least 1 (got ${String(parallel)})` });
  }
  return errors;
}

export function withRequestDefaults(r: ConvergenceRequest): Required<ConvergenceRequest> {
  return {
    target: r.target ?? REQUEST_DEFAULTS.target,
    budget: r.budget ?? REQUEST_DEFAULTS.budget,
    batch: r.batch ?? REQUEST_DEFAULTS.batch,
    parallel: r.parallel ?? REQUEST_DEFAULTS.parallel,
  };
}
