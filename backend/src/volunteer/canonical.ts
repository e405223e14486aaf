// The one serialisation that is signed in the job exchange. Pure (no Node APIs), so a browser
// contributor signs exactly the bytes the coordinator verifies.

/**
 * Stable JSON: object keys sorted, `undefined` members dropped (as JSON.stringify drops them), so
 * equal values serialise to equal bytes whatever order their keys were built in. Non-finite
 * numbers are refused: JSON would turn them into null and two different values would sign alike.
 */
export function canonical(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical: ${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonical: a ${typeof value} has no JSON form`);
}
