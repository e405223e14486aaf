// Structured logs: one JSON object per line on stdout. A function, so tests can collect lines.
export type Log = (fields: Record<string, unknown>) => void;

export const stdoutLog: Log = (fields) => {
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), ...fields }) + '\n');
};
