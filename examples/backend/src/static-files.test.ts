import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { notFoundText, readStatic } from './static-files.js';

const build = { entry: 'index.html', hint: 'Run `npm start` to build the checkout.' };

describe('static files', () => {
  let site: string;
  let dist: string;

  beforeEach(async () => {
    site = await mkdtemp(join(tmpdir(), 'referkit-static-'));
    dist = join(site, 'dist') + sep;
    await mkdir(dist);
    await writeFile(join(site, 'secret.json'), '{}');
  });
  afterEach(() => rm(site, { recursive: true, force: true }));

  test('reads no file outside the root, however the way out is encoded', async () => {
    await writeFile(join(dist, 'index.html'), '<!doctype html>');
    for (const path of ['..%2Fsecret.json', '%2e%2e%2fsecret.json', '../secret.json', '..%5Csecret.json'])
      expect(await readStatic(dist, path)).toBeNull();
    expect((await readStatic(dist, 'index.html'))?.type).toBe('text/html; charset=utf-8');
  });

  test('tags a file by its bytes: the same bytes the same ETag, whenever written, an edit another', async () => {
    await writeFile(join(dist, 'referkit.js'), 'export {};');
    const first = await readStatic(dist, 'referkit.js');
    await writeFile(join(dist, 'referkit.js'), 'export {};');
    const rewritten = await readStatic(dist, 'referkit.js');
    await writeFile(join(dist, 'referkit.js'), 'export {}; ');
    const edited = await readStatic(dist, 'referkit.js');
    expect(first?.etag).toMatch(/^"[\w-]{43}"$/);
    expect(rewritten?.etag).toBe(first?.etag);
    expect(edited?.etag).not.toBe(first?.etag);
  });

  test('dates a file by when it last changed, and one dated ahead by now', async () => {
    const file = join(dist, 'storefront.css');
    await writeFile(file, 'body {}');
    await utimes(file, new Date('2026-11-20T10:00:00.250Z'), new Date('2026-11-20T10:00:00.250Z'));
    expect((await readStatic(dist, 'storefront.css'))?.lastModified).toBe(Date.parse('2026-11-20T10:00:00.250Z'));
    const ahead = new Date(Date.now() + 86_400_000);
    await utimes(file, ahead, ahead);
    expect((await readStatic(dist, 'storefront.css'))?.lastModified).toBeLessThanOrEqual(Date.now());
  });

  test('answers a plain not found under a build that is there', async () => {
    await writeFile(join(dist, 'index.html'), '<!doctype html>');
    expect(notFoundText(dist, 'missing.js', build)).toBe('Not found');
  });

  test('answers the build hint when the build is missing', () => {
    expect(notFoundText(dist, 'index.html', build)).toBe(build.hint);
    expect(notFoundText(join(site, 'never-built') + sep, 'assets/app.js', build)).toBe(build.hint);
  });

  test('answers a plain not found to a path that leaves the root, whether the build is there or not', async () => {
    for (const path of ['..%2Fsecret.json', '%2e%2e%2f%2e%2e', '..%2F..', '%E0%A4%A']) {
      expect(notFoundText(dist, path, build)).toBe('Not found');
      await writeFile(join(dist, 'index.html'), '<!doctype html>');
      expect(notFoundText(dist, path, build)).toBe('Not found');
      await rm(join(dist, 'index.html'));
    }
  });

  test('answers a plain not found where no build makes the files', () => {
    expect(notFoundText(dist, 'missing.js')).toBe('Not found');
  });
});
