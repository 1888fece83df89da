import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium as chromiumOptions } from '../../vite.config.js';
import { createPackedProject, type PackedProject, publishedPackages, repoRoot } from './packed-project.js';
import { readmeExamples } from './readme-examples.js';
import { serveFolder } from './static-server.js';

type ExportTarget = string | { types?: string; default?: string };

function exportsOf(project: PackedProject, name: string): [string, ExportTarget][] {
  const manifest = JSON.parse(readFileSync(join(project.dir, 'node_modules', name, 'package.json'), 'utf8'));
  return Object.entries(manifest.exports as Record<string, ExportTarget>);
}

/** Import specifiers of the JavaScript modules an installed package's `exports` map publishes. */
function moduleEntries(project: PackedProject, name: string): string[] {
  // Entries without types are files, not modules: JSON, package.json, and referkit.js, a classic
  // script for a <script> tag that the browser tests load instead.
  return exportsOf(project, name)
    .filter(([, target]) => typeof target === 'object' && target.types)
    .map(([subpath]) => name + subpath.slice(1));
}

/** Specifiers of the JSON files an installed package's `exports` map publishes. */
function jsonEntries(project: PackedProject, name: string): string[] {
  return exportsOf(project, name)
    .filter(([subpath]) => subpath.endsWith('.json'))
    .map(([subpath]) => name + subpath.slice(1));
}

// Names that show each entry is the module it claims to be, not an empty or wrong file.
const expectedNames: Record<string, string[]> = {
  '@referkit/events': ['parseEvent', 'eventSchema', 'programSchema', 'normalizeCode', 'createReceiver', 'memoryStore'],
  '@referkit/events/code': ['normalizeCode', 'mintCode', 'CODE_PATTERN'],
  '@referkit/events/rewards': ['friendDiscount', 'termsFor', 'rewardsFor'],
  '@referkit/events/signature': ['signEvent', 'verifySignature'],
  '@referkit/sdk': ['createReferkit', 'buildShareLink', 'readReferral', 'shareIntents'],
  '@referkit/sdk/server': ['createReferkit'],
  '@referkit/widget': ['init', 'defineElements'],
};

describe('the packed packages installed in a fresh project', () => {
  let project: PackedProject;
  let browser: Browser | undefined;
  const launch = async () => {
    browser ??= await chromium.launch(chromiumOptions);
    return browser;
  };

  beforeAll(() => {
    project = createPackedProject();
  });
  afterAll(async () => {
    await browser?.close();
    project?.remove();
  });

  it('installs each package once, from its tarball', () => {
    const lock = JSON.parse(readFileSync(join(project.dir, 'node_modules/.package-lock.json'), 'utf8'));
    const installed = Object.entries(lock.packages as Record<string, { resolved?: string }>)
      .filter(([path]) => path.includes('@referkit/'))
      .map(([path, entry]) => [path, entry.resolved]);
    expect(installed).toEqual(
      publishedPackages.map((pkg) => [
        `node_modules/${pkg.name}`,
        expect.stringMatching(new RegExp(`^file:.*referkit-${pkg.folder}-.*\\.tgz$`)),
      ]),
    );
  });

  for (const { name } of publishedPackages) {
    it(`ships the sources every source map of ${name} names, so a debugger and go-to-definition find them`, () => {
      const root = join(project.dir, 'node_modules', name);
      const maps = readdirSync(join(root, 'dist'), { recursive: true, encoding: 'utf8' }).filter((file) =>
        file.endsWith('.map'),
      );
      expect(maps.length).toBeGreaterThan(0);
      const missing = maps.flatMap((map) => {
        const { sources } = JSON.parse(readFileSync(join(root, 'dist', map), 'utf8')) as { sources: string[] };
        return sources
          .map((source) => join(dirname(join(root, 'dist', map)), source))
          .filter((file) => !existsSync(file));
      });
      expect(missing.map((file) => file.slice(root.length))).toEqual([]);
    });

    it(`imports every entry of ${name} in Node ESM`, () => {
      const entries = moduleEntries(project, name);
      const script = `const out = {}; for (const s of ${JSON.stringify(entries)}) out[s] = Object.keys(await import(s)); console.log(JSON.stringify(out));`;
      const result = project.run(process.execPath, ['--input-type=module', '-e', script]);
      expect(result.stderr).toBe('');
      const names = JSON.parse(result.stdout) as Record<string, string[]>;
      expect(Object.keys(names)).toEqual(entries);
      for (const entry of entries) expect(names[entry]).toEqual(expect.arrayContaining(expectedNames[entry] ?? []));
    });
  }

  it('resolves every exported JSON file, the event JSON Schema among them, to valid JSON', () => {
    const entries = publishedPackages.flatMap((pkg) => jsonEntries(project, pkg.name));
    expect(entries).toContain('@referkit/events/schema/event.schema.json');
    // require.resolve goes through the exports map; JSON modules still warn as experimental on Node 20.
    const script = `const { createRequire } = await import('node:module'); const { readFileSync } = await import('node:fs');
      const require = createRequire(process.cwd() + '/'); const out = {};
      for (const s of ${JSON.stringify(entries)}) out[s] = JSON.parse(readFileSync(require.resolve(s), 'utf8'));
      console.log(JSON.stringify(out));`;
    const result = project.run(process.execPath, ['--input-type=module', '-e', script]);
    expect(result.stderr).toBe('');
    const files = JSON.parse(result.stdout) as Record<string, Record<string, unknown>>;
    expect(files['@referkit/events/schema/event.schema.json']).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
    });
  });

  it('loads the backend entries from CommonJS with require()', () => {
    const result = project.run(process.execPath, ['require-events.cjs']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      normalized: 'ALEX-7HC2QK',
      invalid: 'invalid_event',
      signs: 'function',
      client: 'function',
    });
  });

  it('type-checks code using the public API and every README example with tsc', () => {
    const examples = publishedPackages.flatMap((pkg) => readmeExamples(repoRoot, pkg.folder));
    mkdirSync(join(project.dir, 'readme-examples'), { recursive: true });
    for (const example of examples) writeFileSync(join(project.dir, 'readme-examples', example.file), example.code);
    const result = project.run(join(repoRoot, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json']);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  // Each page alone (the project's tsconfig leaves `globals/` out): in one program, the main entry's types
  // would declare the global for a page that imports only the register entry.
  const globalPages = { '@referkit/widget/register': 'register.ts', '@referkit/widget': 'main.ts' };
  for (const [entry, file] of Object.entries(globalPages))
    for (const resolution of ['nodenext', 'bundler'])
      it(`types window.Referkit and the global Referkit for a page importing only ${entry}, under ${resolution} resolution`, () => {
        const module = resolution === 'bundler' ? 'esnext' : 'nodenext';
        const result = project.run(join(repoRoot, 'node_modules/.bin/tsc'), [
          ...['--ignoreConfig', '--noEmit', '--strict', '--target', 'es2022', '--lib', 'es2023,dom', '--types', 'node'],
          ...['--module', module, '--moduleResolution', resolution, `globals/${file}`],
        ]);
        expect(result.stdout + result.stderr).toBe('');
        expect(result.status).toBe(0);
      });

  it('runs the README examples marked runnable', () => {
    const runnable = publishedPackages.flatMap((pkg) => readmeExamples(repoRoot, pkg.folder)).filter((e) => e.runnable);
    expect(runnable.length).toBeGreaterThan(0);
    mkdirSync(join(project.dir, 'readme-examples'), { recursive: true });
    for (const example of runnable) {
      const file = join(project.dir, 'readme-examples', example.file);
      writeFileSync(file, example.code);
      const result = project.run(join(repoRoot, 'node_modules/.bin/tsx'), [file]);
      expect(result.stderr, example.file).toBe('');
      expect(result.status, example.file).toBe(0);
    }
  });

  it("keeps the events README's node:http mounting serving after a client hangs up mid-body or a keep-alive body is refused, and bounds a body's size and time", () => {
    const example = readmeExamples(repoRoot, 'events').find((e) => e.code.includes('http.createServer'));
    if (!example) throw new Error('The events README has no node:http block.');
    mkdirSync(join(project.dir, 'readme-examples'), { recursive: true });
    const file = join(project.dir, 'readme-examples', example.file);
    writeFileSync(file, example.code);
    const result = project.run(join(repoRoot, 'node_modules/.bin/tsx'), ['node-http-mounting.ts', file]);
    expect(result.stderr).toBe('');
    // The client that hung up has no answer to read; the ones after it show the process lived on.
    expect(JSON.parse(result.stdout)).toEqual({
      hungUp: '',
      stalled: 'HTTP/1.1 408 Request Timeout',
      endless: 'HTTP/1.1 413 Payload Too Large',
      landing: 'HTTP/1.1 201 Created',
      // A 413 answered before the rest of its body: the next event on the agent is still answered.
      keepAlive: ['413', '201'],
    });
  });

  it("signs with `secret` through @referkit/sdk's own createReferkit in Node, as the contract promises", () => {
    const script = `
      import { createReferkit } from '@referkit/sdk';
      import { verifySignature } from '@referkit/events/signature';
      const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
      const verdicts = [];
      const fetch = async (url, init) => {
        const headers = Object.fromEntries(new Headers(init.headers));
        verdicts.push((await verifySignature({ secrets: secret, headers, body: init.body })).ok);
        return Response.json({ status: 'recorded' }, { status: 201 });
      };
      const referkit = createReferkit({ program: 'spring-2026', endpoint: 'https://brand.example/api', secret, fetch });
      const order = { currency: 'USD', subtotal: 6000, discount: 900, total: 5100 };
      const result = await referkit.redeem({ orderId: '1001', referral: { code: 'ALEX-7HC2QK' }, order });
      console.log(JSON.stringify({ result, verdicts, reverse: typeof referkit.reverse }));`;
    const result = project.run(process.execPath, ['--input-type=module', '-e', script]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      result: { ok: true, status: 201 },
      verdicts: [true],
      reverse: 'function',
    });
  });

  it('bundles a page using the SDK and the widget with Vite, without zod', async () => {
    const outDir = join(project.dir, 'page-dist');
    const output = await build({
      root: join(project.dir, 'page'),
      configFile: false,
      logLevel: 'silent',
      mode: 'production',
      base: './',
      build: {
        outDir,
        emptyOutDir: true,
        rollupOptions: {
          input: { index: join(project.dir, 'page/index.html'), register: join(project.dir, 'page/register.html') },
        },
      },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
    const code = chunks.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('\n');
    expect(code).toContain('referkit-offer');
    // Nor the signing of a server: the browser's conditions never reach @referkit/sdk's server entry.
    for (const forbidden of ['ZodError', '$ZodType', 'zod/v4', 'webhook-signature'])
      expect(code).not.toContain(forbidden);
  });

  it('shows the offer from the Vite-bundled page in Chromium', async () => {
    const server = await serveFolder(project.dir);
    const page = await (await launch()).newPage();
    try {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.origin}/page-dist/index.html?ref=alex-7hc2qk`);
      await page.waitForFunction(() => document.body.dataset.referral === 'ALEX-7HC2QK');
      await page.getByText(/Alex/).first().waitFor({ timeout: 10_000 });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  });

  it('keeps the side effects of @referkit/widget/register through Vite (the offer shows)', async () => {
    const server = await serveFolder(project.dir);
    const page = await (await launch()).newPage();
    try {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.origin}/page-dist/register.html?ref=ALEX-7HC2QK`);
      await page.getByText(/Alex/).first().waitFor({ timeout: 10_000 });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  });

  it('shows the offer from referkit.js out of the tarball in a script tag in Chromium', async () => {
    const server = await serveFolder(project.dir);
    const page = await (await launch()).newPage();
    try {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.origin}/script-tag.html?ref=ALEX-7HC2QK`);
      await page.getByText(/Alex/).first().waitFor({ timeout: 10_000 });
      expect(await page.evaluate(() => Boolean(customElements.get('referkit-share')))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  });
});
