import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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
