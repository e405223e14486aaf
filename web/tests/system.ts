// The browser tests' harness: the web app built (if its build is older than its sources), the
// REAL local system started in this process on a loopback port (startServer, as `npm start` runs
// it, on a database in memory) serving that build, and Debian's Chromium driven headless by
// playwright-core. Screenshots go to web/test-results/ (gitignored), kept as artifacts.
import { after, before } from 'node:test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { readConfig } from '@spellgrid/edge-api/src/config.ts';
import { startServer, type Running } from '@spellgrid/edge-api/src/start.ts';

export const WEB = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(WEB, 'dist');
export const RESULTS = join(WEB, 'test-results');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Waits a browser step may take at most (ms): long enough for a slow CI machine, never a timing assertion. */
export const WAIT = 60_000;

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

/** Builds web/dist unless it is newer than every source it is built from, the engine's included. */
export function ensureBuilt(): void {
  const index = join(DIST, 'index.html');
  // the app bundles the engine's build (its hash names the engine tickets are for) and host code
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', '../engine-as/build', '../engine-as/src/host', '../backend/src/volunteer']
    .map((p) => join(WEB, p)).filter(existsSync);
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newest))) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: WEB, stdio: 'inherit' });
}

export interface System { running: Running; url: string; errors: Record<string, unknown>[]; close(): Promise<void> }

/** The local system as `npm start` runs it, in memory, on a free loopback port, serving web/dist. */
export async function startSystem(env: Record<string, string> = {}): Promise<System> {
  ensureBuilt();
  const errors: Record<string, unknown>[] = [];
  const log = (f: Record<string, unknown>) => { if (f.level === 'error') { errors.push(f); console.error(JSON.stringify(f)); } };
  const config = readConfig({
    PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory', WORKERS: '2', WEB_DIST: DIST,
    RATE_LIMIT_BURST: '10000', RATE_LIMIT_PER_SECOND: '1000', CONTRIBUTOR_RATE_BURST: '10000', CONTRIBUTOR_RATE_PER_SECOND: '1000',
    ...env,
  });
  const running = await startServer(config, log);
  return { running, url: running.url, errors, close: () => running.close() };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A fresh browser context (its own storage and service workers) at `baseURL`, failing on page errors. */
export async function newContext(browser: Browser, baseURL: string, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }> {
  const context = await browser.newContext({ baseURL, viewport });
  context.setDefaultTimeout(WAIT);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return { context, page, pageErrors };
}

export interface Harness {
  /** Set once this file's `before` hook has run. */
  system: System;
  browser: Browser;
  /** A fresh context on the system (newContext). */
  open(viewport?: { width: number; height: number }): ReturnType<typeof newContext>;
}

/** The local system and Chromium for this test file: started before its tests, closed after them. */
export function harness(): Harness {
  const h = { open: (viewport) => newContext(h.browser, h.system.url, viewport) } as Harness;
  before(async () => {
    h.system = await startSystem();
    h.browser = await launchBrowser();
  });
  after(async () => {
    await h.browser?.close();
    await h.system?.close();
  });
  return h;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
}
