/**
 * Starts the demo in-process for a journey: the checkout built with Vite, the server on a free
 * port over a temporary PGlite directory or a fresh PostgreSQL schema, and a teardown that removes
 * either. The widget's `referkit.js` comes from `npm run build` (which `npm test` runs first).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { build } from 'vite';
import { type Demo, type StartDemoOptions, startDemo } from '../../examples/backend/src/start-demo.js';

/** Which database a journey runs on. */
export type DemoDatabase = { kind: 'pglite' } | { kind: 'postgres'; url: string };

/** The databases to run on: PGlite always, PostgreSQL when DATABASE_URL is set (CI sets it). */
export const demoDatabases: DemoDatabase[] = [
  { kind: 'pglite' },
  ...(process.env.DATABASE_URL ? [{ kind: 'postgres' as const, url: process.env.DATABASE_URL }] : []),
];

const checkoutConfig = fileURLToPath(new URL('../../examples/checkout/vite.config.ts', import.meta.url));
const widgetScript = fileURLToPath(new URL('../../packages/widget/dist/referkit.js', import.meta.url));
let checkoutBuilt: Promise<unknown> | undefined;

/** Builds the checkout once per test run, as `npm start` does. */
export function buildCheckout(): Promise<unknown> {
  checkoutBuilt ??= build({ configFile: checkoutConfig, logLevel: 'error' });
  return checkoutBuilt;
}

/** A running demo and how to remove every trace of it. */
export interface DemoUnderTest {
  demo: Demo;
  teardown(): Promise<void>;
}

/**
 * A sign-up limit for a journey that signs up many ambassadors from this one machine to set the scene
 * (a brand's hundred, built in a second), which the demo's throttle would refuse after ten.
 */
export const SCENE_SIGN_UPS = { burst: 1000, everyMs: 1000 };

/** Starts the demo on a free port over a database of its own; `signUps` as `startDemo` takes it. */
export async function startDemoUnderTest(
  database: DemoDatabase,
  settings: Pick<StartDemoOptions, 'signUps'> = {},
): Promise<DemoUnderTest> {
  if (!existsSync(widgetScript)) {
    throw new Error('packages/widget/dist/referkit.js is missing: run `npm run build` before the e2e tests.');
  }
  await buildCheckout();
  if (database.kind === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'referkit-demo-'));
    const demo = unwrap(await startDemo({ port: 0, dataDir, ...settings }));
    return {
      demo,
      teardown: async () => {
        await demo.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = `demo_e2e_${process.pid}_${Date.now().toString(36)}`;
  const demo = unwrap(await startDemo({ port: 0, databaseUrl: database.url, schema, ...settings }));
  return {
    demo,
    teardown: async () => {
      await demo.close();
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

function unwrap(result: Awaited<ReturnType<typeof startDemo>>): Demo {
  if (!result.ok) throw new Error(`The demo did not start: ${result.error.message}`);
  return result.value;
}
