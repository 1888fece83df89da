/**
 * `npm start`'s checks before it builds anything: a PORT that is not a port number, or a signing
 * secret that is not one, gets the server's own one-line message and a failing exit code, never a
 * stack trace or "Port NaN"; a port already in use gets the next one to try, with the command that
 * was run, and with a data directory of its own when a running demo holds this one; a data directory
 * a running demo holds is refused before building, naming REFERKIT_DATA_DIR; beside a demo running
 * from this checkout nothing is built, since a build would take the files it serves away for a moment;
 * a PUBLIC_URL that is not an origin is refused the same way, and one that is names every printed link;
 * and a Ctrl-C while the server starts closes its database cleanly.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSecret, secretBytes } from '@referkit/events/signature';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { type Database, openDatabase } from '../../examples/backend/src/database.js';
import { DEFAULT_PORT, demoPort } from '../../scripts/demo-port.mjs';
import { demoPublicUrl } from '../../scripts/demo-public-url.mjs';
import { demoSecret } from '../../scripts/demo-secret.mjs';
import { buildCheckout } from './demo-server.js';

const startScript = fileURLToPath(new URL('../../scripts/start.mjs', import.meta.url));
const mainScript = fileURLToPath(new URL('../../examples/backend/src/main.ts', import.meta.url));

/**
 * Runs a script with the given settings; sent Ctrl-C once its output shows `stopAt`, and killed (with
 * anything it started) after `limitMs`, e.g. if it goes on to build.
 */
function run(
  args: string[],
  settings: Record<string, string>,
  stopAt?: string,
  limitMs = 15_000,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...settings }, detached: true });
    let stdout = '';
    let stderr = '';
    let stopped = false;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      // Once: a second Ctrl-C means "quit now" to the server.
      if (stopAt && !stopped && stdout.includes(stopAt)) stopped = child.kill('SIGINT');
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), limitMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

const message = (port: string) =>
  `[referkit-demo] PORT="${port}" is not a port number. Use e.g. PORT=5174 npm start.\n`;

describe('npm start with a PORT that is not a port number', () => {
  // The default port taken, as by a demo already running: a bad PORT must not be read as that one.
  let busy: Server | undefined;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => {
      busy?.once('error', () => resolve());
      busy?.listen(DEFAULT_PORT, '127.0.0.1', () => resolve());
    });
  });
  afterAll(() => new Promise<void>((resolve) => (busy?.listening ? busy.close(() => resolve()) : resolve())));

  test.each(['70000', 'abc', '80.5', '-1', ' 80'])('refuses PORT=%j in one line, before building', async (port) => {
    const { code, stderr, stdout } = await run([startScript], { PORT: port });
    expect({ code, stderr, stdout }).toEqual({ code: 1, stderr: message(port), stdout: '' });
  });

  test('gives the same line when the server is run on its own', async () => {
    const { code, stderr } = await run(['--import', 'tsx', mainScript], { PORT: '70000' });
    expect({ code, stderr }).toEqual({ code: 1, stderr: message('70000') });
  });
});

describe('a port already in use', () => {
  let busy: Server;
  let port = 0;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'referkit-demo-busy-'));
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', () => resolve()));
    port = (busy.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => busy.close(() => resolve()));
    await rm(dataDir, { recursive: true, force: true });
  });

  const taken = (command: string) =>
    `[referkit-demo] Port ${port} on 127.0.0.1 is already in use. Stop the other server or start on another port: PORT=${port + 1} ${command}\n`;
  // PGlite, even where CI sets DATABASE_URL: the port is claimed before any database is opened.
  const settings = (npm: Record<string, string>) => ({
    PORT: String(port),
    REFERKIT_DATA_DIR: join(dataDir, 'pglite'),
    DATABASE_URL: '',
    npm_lifecycle_event: '',
    ...npm,
  });

  test.each([
    ['npm start', { npm_lifecycle_event: 'start', npm_package_name: 'referkit' }],
    [
      'npm start --workspace=@referkit/example-backend',
      { npm_lifecycle_event: 'start', npm_package_name: '@referkit/example-backend' },
    ],
  ])('suggests the next port with the command that was run: %s', async (command, npm) => {
    const { code, stderr } = await run(['--import', 'tsx', mainScript], settings(npm));
    expect({ code, stderr }).toEqual({ code: 1, stderr: taken(command) });
  });

  test('suggests the next port with the node command when the server is run on its own', async () => {
    const { code, stderr } = await run(['--import', 'tsx', mainScript], settings({}));
    expect({ code, stderr }).toEqual({
      code: 1,
      stderr: taken(`node --import tsx ${relative(process.cwd(), mainScript)}`),
    });
  });

  test('gives the same line from npm start, before building', async () => {
    const { code, stderr, stdout } = await run(
      [startScript],
      settings({ npm_lifecycle_event: 'start', npm_package_name: 'referkit' }),
    );
    expect({ code, stderr, stdout }).toEqual({ code: 1, stderr: taken('npm start'), stdout: '' });
  });
});

describe('a second demo on a data directory a running demo holds', () => {
  let dataDir: string;
  let database: string;
  let holder: Database;
  // An npm that only says it ran: were start.mjs to build, it would not touch the real builds.
  let fakeNpm: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'referkit-demo-held-'));
    database = join(dataDir, 'pglite');
    holder = await openDatabase({ dataDir: database });
    fakeNpm = join(dataDir, 'bin');
    await mkdir(fakeNpm);
    await writeFile(join(fakeNpm, 'npm'), '#!/bin/sh\necho "npm $*"\nexit 1\n', { mode: 0o755 });
  }, 60_000);
  afterAll(async () => {
    await holder?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const held = (command: string) =>
    `${relative(process.cwd(), database)} is in use by another demo (pid ${process.pid}). Stop it, or give this one a data directory of its own: REFERKIT_DATA_DIR=${relative(process.cwd(), database)}-2 PORT=0 ${command}\n`;
  const settings = (npm: Record<string, string>) => ({
    PORT: '0',
    REFERKIT_DATA_DIR: database,
    DATABASE_URL: '',
    npm_lifecycle_event: '',
    PATH: `${fakeNpm}:${process.env.PATH}`,
    ...npm,
  });

  test('is refused by npm start before it builds anything, naming REFERKIT_DATA_DIR', async () => {
    const { code, stderr, stdout } = await run(
      [startScript],
      settings({ npm_lifecycle_event: 'start', npm_package_name: 'referkit' }),
    );
    expect({ code, stderr, stdout }).toEqual({
      code: 1,
      stderr: `[referkit-demo] Could not start: ${held('npm start')}`,
      stdout: '',
    });
  });

  test('is told, when its port is taken too, a command that starts it beside the running demo', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', () => resolve()));
    const port = (busy.address() as AddressInfo).port;
    const taken = (command: string) =>
      `[referkit-demo] Port ${port} on 127.0.0.1 is already in use. Stop the other demo, or start this one beside it with a port and a data directory of its own: REFERKIT_DATA_DIR=${relative(process.cwd(), database)}-2 PORT=${port + 1} ${command}\n`;
    try {
      const npm = settings({ PORT: String(port), npm_lifecycle_event: 'start', npm_package_name: 'referkit' });
      const fromNpm = await run([startScript], npm);
      expect(fromNpm).toEqual({ code: 1, stderr: taken('npm start'), stdout: '' });
      const alone = await run(['--import', 'tsx', mainScript], settings({ PORT: String(port) }));
      expect({ code: alone.code, stderr: alone.stderr }).toEqual({
        code: 1,
        stderr: taken(`node --import tsx ${relative(process.cwd(), mainScript)}`),
      });
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
  });

  test('is refused by the server run on its own in the same words', async () => {
    const { code, stderr } = await run(['--import', 'tsx', mainScript], settings({}));
    expect({ code, stderr }).toEqual({
      code: 1,
      stderr: `[referkit-demo] Could not open the database: ${held(`node --import tsx ${relative(process.cwd(), mainScript)}`)}`,
    });
  });
});

describe('a second npm start beside a demo running from this checkout', () => {
  let dataDir: string;
  // An npm that only says it ran and fails: were start.mjs to build, it would stop there.
  let fakeNpm: string;
  beforeAll(async () => {
    // A demo is whole only with the checkout built: on a fresh clone nothing else may have built it yet,
    // and start.mjs builds under a demo that serves less than all of its files.
    await buildCheckout();
    dataDir = await mkdtemp(join(tmpdir(), 'referkit-demo-beside-'));
    fakeNpm = join(dataDir, 'bin');
    await mkdir(fakeNpm);
    await writeFile(join(fakeNpm, 'npm'), '#!/bin/sh\necho "npm $*"\nexit 1\n', { mode: 0o755 });
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  test('builds nothing under the running demo, and starts on the files it serves', async () => {
    // PGlite, even where CI sets DATABASE_URL: the running demo, on a directory of its own.
    const first = spawn(process.execPath, ['--import', 'tsx', mainScript], {
      env: { ...process.env, PORT: '0', REFERKIT_DATA_DIR: join(dataDir, 'pglite'), DATABASE_URL: '' },
    });
    const exited = new Promise<number | null>((resolve) => first.on('exit', resolve));
    let stdout = '';
    first.stdout.on('data', (chunk) => (stdout += chunk));
    try {
      await vi.waitFor(() => expect(stdout).toContain('Dashboard'), { timeout: 45_000, interval: 50 });
      // A database that answers nothing: the second demo stops once its server runs, touching nothing.
      const second = await run([startScript], {
        PORT: '0',
        DATABASE_URL: 'postgres://referkit@127.0.0.1:1/none',
        PATH: `${fakeNpm}:${process.env.PATH}`,
      });
      expect(second.stdout).toBe(
        `[referkit-demo] Not building: the demo running from this checkout (pid ${first.pid}) serves its built files, which a build would take away from it for a moment. This one starts on them as they are; stop the other to build afresh.\n`,
      );
      expect(second.stderr).toMatch(/^\[referkit-demo\] Could not open the database: /);
      expect(second.code).toBe(1);
    } finally {
      first.kill('SIGINT');
      expect(await exited).toBe(0);
    }
    // Stopped, it no longer counts: the next start builds (here, the npm that fails).
    const third = await run([startScript], {
      PORT: '0',
      DATABASE_URL: 'postgres://referkit@127.0.0.1:1/none',
      PATH: `${fakeNpm}:${process.env.PATH}`,
    });
    expect(third.stdout).toContain('npm run --silent build');
    // A first start on a new PGlite directory, seeded: ~10 s on a quiet machine.
  }, 60_000);
});

describe('npm start with a REFERKIT_WEBHOOK_SECRET that is not a webhook secret', () => {
  // Should the check ever be skipped, the server must not touch the repository's own .data/.
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'referkit-demo-secret-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const secretLine = (why: string) =>
    `[referkit-demo] REFERKIT_WEBHOOK_SECRET is not a webhook secret: ${why}. Set it to whsec_ followed by the base64 of at least 24 random bytes, e.g. node -p "'whsec_'+require('crypto').randomBytes(32).toString('base64')", or unset it for a new one per start.\n`;
  const short = `whsec_${Buffer.from('sixteen bytes!!!').toString('base64')}`;

  test.each([
    ['not-a-secret', 'it does not start with whsec_'],
    ['whsec_!!!!', 'what follows whsec_ is not base64'],
    [short, 'it decodes to 16 bytes, fewer than 24'],
  ])('refuses %j in one line that names the form it must take, before building', async (secret, why) => {
    const { code, stderr, stdout } = await run([startScript], {
      PORT: '0',
      REFERKIT_WEBHOOK_SECRET: secret,
      REFERKIT_DATA_DIR: dataDir,
    });
    expect({ code, stderr, stdout }).toEqual({ code: 1, stderr: secretLine(why), stdout: '' });
  });

  test('gives the same line when the server is run on its own', async () => {
    const { code, stderr } = await run(['--import', 'tsx', mainScript], {
      PORT: '0',
      REFERKIT_WEBHOOK_SECRET: short,
      REFERKIT_DATA_DIR: dataDir,
    });
    expect({ code, stderr }).toEqual({ code: 1, stderr: secretLine('it decodes to 16 bytes, fewer than 24') });
  });
});

describe('npm start with a PUBLIC_URL', () => {
  let dataDir: string;
  // An npm that only says it ran: were start.mjs to build, it would not touch the real builds.
  let fakeNpm: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'referkit-demo-public-'));
    fakeNpm = join(dataDir, 'bin');
    await mkdir(fakeNpm);
    await writeFile(join(fakeNpm, 'npm'), '#!/bin/sh\necho "npm $*"\nexit 1\n', { mode: 0o755 });
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  // PGlite, even where CI sets DATABASE_URL for the PostgreSQL tests: an empty one means none.
  const settings = (publicUrl: string) => ({
    PORT: '0',
    PUBLIC_URL: publicUrl,
    REFERKIT_DATA_DIR: join(dataDir, 'pglite'),
    DATABASE_URL: '',
    PATH: `${fakeNpm}:${process.env.PATH}`,
  });
  const publicLine = (value: string, why: string) =>
    `[referkit-demo] PUBLIC_URL="${value}" is not an address to open the shop at: ${why}. Set it to the origin people open, e.g. PUBLIC_URL=https://shop.example npm start, or leave it unset for http://127.0.0.1:PORT.\n`;

  test.each([
    ['shop.example', 'it is not a URL'],
    ['ftp://shop.example', 'it is not an http or https address'],
    ['https://staff:secret@shop.example', 'it holds a user name or password'],
    ['https://shop.example/tea/', 'it has a path, query or fragment, and the demo is served at the root of its origin'],
  ])('refuses PUBLIC_URL=%j in one line that says why, before building', async (value, why) => {
    const { code, stderr, stdout } = await run([startScript], settings(value));
    expect({ code, stderr, stdout }).toEqual({ code: 1, stderr: publicLine(value, why), stdout: '' });
  });

  test('gives the same line when the server is run on its own', async () => {
    const { code, stderr } = await run(['--import', 'tsx', mainScript], settings('ftp://shop.example'));
    expect({ code, stderr }).toEqual({
      code: 1,
      stderr: publicLine('ftp://shop.example', 'it is not an http or https address'),
    });
  });

  test('prints its links at PUBLIC_URL, and where it listens', async () => {
    // A first start on a new PGlite directory, seeded: ~10 s on a quiet machine.
    const at = settings('https://shop.example/');
    const { code, stdout } = await run(['--import', 'tsx', mainScript], at, 'Dashboard', 55_000);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\nListening on http:\/\/127\.0\.0\.1:\d+, opened at https:\/\/shop\.example\n/);
    expect(stdout).toMatch(/ Storefront +https:\/\/shop\.example\/\n/);
    expect(stdout).toMatch(/ Alex Rivera \(ambassador\) +https:\/\/shop\.example\/account\?code=ALEX-/);
    expect(stdout).toMatch(/ Dashboard +https:\/\/shop\.example\/dashboard\n/);
  }, 60_000);
});

// Only where a PostgreSQL server is given (CI sets DATABASE_URL), like the other PostgreSQL journeys.
describe.runIf(process.env.DATABASE_URL)('npm start on PostgreSQL', () => {
  const databaseUrl = process.env.DATABASE_URL as string;
  // A schema of its own, named the way a DATABASE_URL can name one, dropped afterwards with every table in it.
  const schema = `demo_start_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  beforeAll(() => admin(`CREATE SCHEMA ${schema}`));
  afterAll(() => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));

  test('says in one line which schema of which database its tables are in, and never the password', async () => {
    const inSchema = new URL(databaseUrl);
    inSchema.searchParams.set('options', `-c search_path=${schema}`);
    const { code, stdout } = await run(
      ['--import', 'tsx', mainScript],
      { PORT: '0', DATABASE_URL: inSchema.href },
      'Dashboard',
    );
    const { host, pathname, password } = new URL(databaseUrl);
    expect(stdout).toContain(
      `\nDatabase: PostgreSQL at ${host}${pathname}, schema ${schema}, tables referkit_* and demo_*\n`,
    );
    if (password) expect(stdout).not.toContain(`:${password}@`);
    expect(code).toBe(0);
    // The line names every table it made.
    const tables = await admin('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1', [
      schema,
    ]);
    expect(tables.length).toBeGreaterThan(0);
    for (const { name } of tables) expect(name).toMatch(/^(?:referkit_|demo_)/);
  });
});

describe('Ctrl-C while the demo starts', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'referkit-ctrl-c-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  test('waits for the database to open, closes it, and the next start finds it whole', async () => {
    const database = join(dataDir, 'pglite');
    // PGlite, even where CI sets DATABASE_URL for the PostgreSQL tests: an empty one means none.
    const settings = { PORT: '0', REFERKIT_DATA_DIR: database, DATABASE_URL: '' };
    const child = spawn(process.execPath, ['--import', 'tsx', mainScript], { env: { ...process.env, ...settings } });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // The directory appears once the database is being opened, long before the URLs are printed.
    await vi.waitFor(() => expect(existsSync(database)).toBe(true), { timeout: 30_000, interval: 10 });
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toContain('[referkit-demo] Stopped (SIGINT).');
    expect(stdout).not.toContain('Dashboard');
    const again = await run(['--import', 'tsx', mainScript], settings, 'Dashboard');
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(again.stdout).toContain('Stopped (SIGINT)');
    // Two starts of the demo take ~20 s on a quiet machine, more on one busy with other tests.
  }, 90_000);
});

describe('demoSecret', () => {
  test('reads no secret or an empty one as "make one per start"', () => {
    expect([demoSecret(undefined), demoSecret('')]).toEqual([
      { ok: true, value: undefined },
      { ok: true, value: undefined },
    ]);
  });

  test('accepts a generated secret', () => {
    const generated = generateSecret();
    expect(demoSecret(generated)).toEqual({ ok: true, value: generated });
  });

  test('agrees with the receiver on every whsec_ secret, so that one it passes never crashes the server', () => {
    const receiverAccepts = (secret: string) => {
      try {
        secretBytes(secret);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.oneof(fc.base64String({ maxLength: 60 }), fc.string({ maxLength: 60 })), (encoded) => {
        const secret = `whsec_${encoded}`;
        expect(demoSecret(secret).ok).toBe(receiverAccepts(secret));
      }),
    );
  });
});

describe('demoPort', () => {
  test('reads no PORT or an empty one as the default port, and 0 as "pick a free one"', () => {
    expect([demoPort(undefined), demoPort(''), demoPort('0'), demoPort('65535')]).toEqual([
      { ok: true, value: DEFAULT_PORT },
      { ok: true, value: DEFAULT_PORT },
      { ok: true, value: 0 },
      { ok: true, value: 65535 },
    ]);
  });
});

describe('demoPublicUrl', () => {
  test('reads no PUBLIC_URL or an empty one as none: the demo is opened where it listens', () => {
    expect([demoPublicUrl(undefined), demoPublicUrl('')]).toEqual([
      { ok: true, value: undefined },
      { ok: true, value: undefined },
    ]);
  });

  test.each([
    ['https://shop.example', 'https://shop.example'],
    ['https://shop.example/', 'https://shop.example'],
    ['HTTPS://Shop.Example:443/', 'https://shop.example'],
    ['http://192.168.1.20:5173', 'http://192.168.1.20:5173'],
  ])('reads %j as the origin a browser names in its Origin header, %j', (value, origin) => {
    expect(demoPublicUrl(value)).toEqual({ ok: true, value: origin });
  });
});
