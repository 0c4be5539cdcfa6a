import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    browserWsEndpoint: string;
  }
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * One Chromium for the whole browser run (a vitest global setup). Each spec file used to launch
 * its own; measured on the loaded 2-core machine, launching and opening a page took 4.8-6.5 s
 * wall and 2.5-3.1 s CPU (user+sys, with the browser's processes), connecting to a running
 * browser and opening a page 1.3-2.7 s wall and about 1.2 s CPU of the connecting process.
 * Specs connect with connectBrowser() (browser.ts); each still works in its own contexts (own
 * cookies), and closing a connection closes the contexts it made, not the browser.
 */
export default async function setup(project: TestProject) {
  const server = await chromium.launchServer({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  project.provide('browserWsEndpoint', server.wsEndpoint());
  return () => server.close();
}
