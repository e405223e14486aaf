// Wald's sequential probability ratio test for yes/no questions such as "is deck A favoured
// against deck B?", as fishtest uses for engine patches. Each decided game is a Bernoulli trial
// with A's win probability p; the test weighs H0: p = p0 against H1: p = p1 and stops as soon as
// the log-likelihood ratio leaves (lower, upper). Draws are left out: they carry no evidence about
// which deck wins a decided game, and counting them as half wins would need a trinomial model.

export interface SprtOptions {
  /** Win probability under H0 (default 0.5: not favoured). */
  p0?: number;
  /** Win probability under H1 (default 0.55: favoured). */
  p1?: number;
  /** Probability of accepting H1 when H0 holds (default 0.05). */
  alpha?: number;
  /** Probability of accepting H0 when H1 holds (default 0.05). */
  beta?: number;
}

export type SprtDecision = 'H0' | 'H1' | 'continue';

export interface SprtState { llr: number; lower: number; upper: number; decision: SprtDecision }

/** Wald's bounds: accept H1 at ln((1 − β)/α) or above, H0 at ln(β/(1 − α)) or below. */
export function sprtBounds(alpha: number, beta: number): { lower: number; upper: number } {
  return { lower: Math.log(beta / (1 - alpha)), upper: Math.log((1 - beta) / alpha) };
}

/** The log-likelihood ratio of H1 to H0 after `wins` and `losses`. */
export function sprtLlr(wins: number, losses: number, p0: number, p1: number): number {
  return wins * Math.log(p1 / p0) + losses * Math.log((1 - p1) / (1 - p0));
}

/** Problems with the options, as messages; empty when they are usable. */
export function sprtErrors(o: SprtOptions): string[] {
  const { p0, p1, alpha, beta } = withSprtDefaults(o);
  const errors: string[] = [];
  const prob = (name: string, x: number) => {
    if (!(x > 0 && x < 1)) errors.push(`SPRT ${name} must be strictly between 0 and 1 (got ${x})`);
  };
  prob('p0', p0); prob('p1', p1); prob('alpha', alpha); prob('beta', beta);
  if (p0 === p1) errors.push(`SPRT p0 and p1 must differ (both are ${p0})`);
  if (alpha + beta >= 1) errors.push(`SPRT alpha + beta must be below 1 (got ${alpha + beta})`);
  return errors;
}

/** Where the test stands after `wins` and `losses` (draws left out). */
export function sprt(wins: number, losses: number, o: SprtOptions = {}): SprtState {
  const errors = sprtErrors(o);
  if (errors.length) throw new RangeError(errors.join('; '));
  const { p0, p1, alpha, beta } = withSprtDefaults(o);
  const { lower, upper } = sprtBounds(alpha, beta);
  const llr = sprtLlr(wins, losses, p0, p1);
  return { llr, lower, upper, decision: llr >= upper ? 'H1' : llr <= lower ? 'H0' : 'continue' };
}

export function withSprtDefaults(o: SprtOptions): Required<SprtOptions> {
  return { p0: o.p0 ?? 0.5, p1: o.p1 ?? 0.55, alpha: o.alpha ?? 0.05, beta: o.beta ?? 0.05 };
}
