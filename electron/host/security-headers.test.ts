/**
 * The Permissions-Policy header in the browser that runs the reader: Chromium logs a console error
 * for every feature it does not know (`bluetooth` was one), noise in every page of the web edition.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log(`[security-headers.test] Chromium checks skipped: ${CHROMIUM} is absent.`);

let server: Server;
let browser: Browser;
let policy = '';

beforeAll(async () => {
  if (!hasChromium) return;
  server = createServer((_req, res) => {
    res.writeHead(200, { ...securityHeaders(), 'Permissions-Policy': policy, 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Palimpseste</title><p>Palimpseste</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** The console messages of a page served with this Permissions-Policy. */
async function consoleOf(value: string): Promise<string[]> {
  policy = value;
  const page = await browser.newPage();
  const messages: string[] = [];
  page.on('console', (message) => messages.push(message.text()));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await page.waitForTimeout(300);
  await page.close();
  return messages;
}

describe.skipIf(!hasChromium)('the Permissions-Policy header in Chromium', () => {
  it('names only features Chromium knows (no console error)', async () => {
    const header = securityHeaders()['Permissions-Policy']!;
    expect(header).toContain('camera=()');
    expect(header).not.toContain('bluetooth');
    expect(await consoleOf(header)).toEqual([]);
  });

  it('would show the error for an unknown feature (what the check above looks for)', async () => {
    const messages = await consoleOf(`${securityHeaders()['Permissions-Policy']}, bluetooth=()`);
    expect(messages).toEqual(["Error with Permissions-Policy header: Unrecognized feature: 'bluetooth'."]);
  });
});
