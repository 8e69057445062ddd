/**
 * Browser-test harness: serves the built playground with `vite preview` on a free port and drives
 * Chromium through playwright-core: Debian's where it is installed, else the one shipped inside the
 * @sparticuz/chromium package (so `npm install && npm test` need no root and no apt-get). Never a
 * downloaded browser. DISCLOSURE_CHROMIUM=package forces the packaged one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { ROOT } from '../helpers/fixtures.js';

const DEBIAN_CHROMIUM = process.env.DISCLOSURE_CHROMIUM === 'package' ? undefined : ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((path) => existsSync(path));
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Where the Chromium for tests is: Debian's, else the packaged one (unpacked into the temporary folder on first use). */
async function chromiumPath(): Promise<string> {
  if (DEBIAN_CHROMIUM !== undefined) return DEBIAN_CHROMIUM;
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

/** Chromium for tests (headless, no sandbox): Debian's or the packaged one, never a downloaded one. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), headless: true, args: FLAGS });
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });
}

/** A running preview server and browser. */
export interface Harness {
  /** The page's URL. */
  readonly url: string;
  /** The browser. */
  readonly browser: Browser;
  /** Opens a page that records console errors and failed requests. */
  open(path?: string): Promise<{ page: Page; errors: string[] }>;
  /** The console errors and failed requests of every page opened since the last call (and forgets them). */
  takeErrors(): string[];
  /** Stops everything. */
  close(): Promise<void>;
}

/** Starts the preview server (on the built playground) and Chromium. */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(join(ROOT, 'playground', 'dist', 'index.html'))) throw new Error('the playground is not built: run `npm run build`');
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--port', String(port), '--host', '127.0.0.1', '--strictPort'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('vite preview did not start'));
    }, 15_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      if (String(chunk).includes(String(port))) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.once('exit', (code) => {
      reject(new Error(`vite preview exited with ${code}`));
    });
  });
  const browser = await launchChromium();
  const url = `http://127.0.0.1:${port}/`;
  let recorded: string[] = [];
  return {
    url,
    browser,
    async open(path = '') {
      const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      const errors: string[] = [];
      const record = (error: string) => {
        errors.push(error);
        recorded.push(error);
      };
      page.on('console', (message) => {
        if (message.type() === 'error') record(message.text());
      });
      page.on('pageerror', (error) => {
        record(String(error));
      });
      page.on('requestfailed', (request) => {
        record(`request failed: ${request.url()}`);
      });
      await page.goto(`${url}${path}`);
      return { page, errors };
    },
    takeErrors() {
      const taken = recorded;
      recorded = [];
      return taken;
    },
    async close() {
      await browser.close();
      server.kill();
    },
  };
}
