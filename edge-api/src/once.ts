/** `f` called on first use only; a rejected result is forgotten, so the next use tries again. */
export function once<T>(f: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= f().catch((err: unknown) => { p = undefined; throw err; }));
}
