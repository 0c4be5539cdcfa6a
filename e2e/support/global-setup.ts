import type { TestProject } from 'vitest/node';
import { startTestServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * Starts the server once for every browser spec; specs read its address with inject('baseUrl').
 * E2E_BASE_URL points the specs at a server already running with fresh demo data instead
 * (quicker while writing a spec; the specs add members, so restart it between runs).
 */
export default async function setup(project: TestProject) {
  const given = process.env.E2E_BASE_URL;
  if (given) {
    project.provide('baseUrl', given.replace(/\/$/, ''));
    return;
  }
  const server = await startTestServer((m) => console.log(`[e2e] ${m}`));
  project.provide('baseUrl', server.baseUrl);
  return () => server.stop();
}
