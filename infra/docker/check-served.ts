// The web image's nginx, as validate.sh runs it on a fake build, must answer as intended: health,
// hashed assets cached for good, SPA fallback for page paths, 404s for missing files, security headers.
//   node --import tsx infra/docker/check-served.ts free-port   # prints a free local port for nginx
//   node --import tsx infra/docker/check-served.ts PORT        # checks what 127.0.0.1:PORT serves
// Exits 1 listing every wrong answer.
import { createServer, type AddressInfo } from 'node:net';

// nginx was just started in the background: retry refused connections for up to ~5s. Redirects are
// followed; only a 2xx answer's body is kept.
async function get(url: string): Promise<{ status: number; headers: Headers; body: string }> {
  for (let i = 0; i < 50; i++) {
    try {
      const res = await fetch(url);
      const body = await res.text();
      return { status: res.status, headers: res.headers, body: res.ok ? body : '' };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  console.error(`nothing answers on ${new URL(url).origin}`);
  process.exit(1);
}

// a header value quoted as 'x' (or "x" when it holds a '), None when absent
const quote = (s: string | null) =>
  s === null ? 'None' : s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replaceAll("'", "\\'")}'`;

async function check(base: string): Promise<void> {
  const bad: string[] = [];
  // headers: each must contain the given value, or (null) be absent
  const expect = async (path: string, status: number, headers: Record<string, string | null> = {}) => {
    const res = await get(base + path);
    if (res.status !== status) bad.push(`${path}: ${res.status}, expected ${status}`);
    for (const [name, value] of Object.entries(headers)) {
      const got = res.headers.get(name); // repeated headers come joined by ", "
      if (value === null ? got !== null : got === null || !got.includes(value)) {
        bad.push(`${path}: ${name}: ${quote(got)}, expected ${quote(value)}`);
      }
    }
    return res.body;
  };
  await expect('/healthz', 200);
  const page = await expect('/deck/some-page', 200, {
    'Cache-Control': 'no-cache',
    'Content-Security-Policy': "frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
  });
  if (!page.includes('<title>app')) bad.push('/deck/some-page: not the app index.html');
  await expect('/assets/app-abc123.js', 200, { 'Cache-Control': 'immutable' });
  await expect('/assets/missing-123.js', 404, { 'Cache-Control': null });
  await expect('/missing.js', 404);
  await expect('/sw.js', 200, { 'Cache-Control': 'no-cache' });
  await expect('/metrics', 404);
  for (const b of bad) console.log(`    ${b}`);
  process.exitCode = bad.length > 0 ? 1 : 0;
}

const arg = process.argv[2];
if (arg === 'free-port') {
  // the OS picks a port that is free now; closed again at once so nginx can take it
  const server = createServer().listen(0, '127.0.0.1', () => {
    console.log((server.address() as AddressInfo).port);
    server.close();
  });
} else if (arg && /^\d+$/.test(arg)) {
  await check(`http://127.0.0.1:${arg}`);
} else {
  console.error('usage: check-served.ts free-port | PORT');
  process.exit(2);
}
