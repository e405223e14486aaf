// Child processes for the end-to-end tests: a volunteer or the server itself, each printing one
// JSON object per line, collected as they come; and a bounded wait.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface JsonLinesProcess { child: ChildProcess; events: Record<string, unknown>[]; exited: Promise<number | null> }

/** Runs a TypeScript file of this package under tsx with `args` and extra `env`. */
export function spawnTs(file: string, args: string[], env: Record<string, string> = {}): JsonLinesProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(`../${file}`, import.meta.url)), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env },
  });
  const events: Record<string, unknown>[] = [];
  let buffered = '';
  child.stdout!.on('data', (d: Buffer) => {
    const lines = (buffered + d.toString()).split('\n');
    buffered = lines.pop()!;
    for (const l of lines) events.push(JSON.parse(l));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, events, exited };
}

/** Polls `f` every 100 ms until it answers something, or throws after `ms`. */
export async function until<T>(what: string, ms: number, f: () => Promise<T | undefined>): Promise<T> {
  for (const t0 = Date.now(); Date.now() - t0 < ms;) {
    const x = await f();
    if (x !== undefined) return x;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
