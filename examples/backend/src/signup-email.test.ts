/**
 * One ambassador per email in a program: a sign-up under an email another ambassador holds, written
 * however the receiver would hash it the same (`hashEmail`: case, `+tags`, Gmail dots), is refused
 * `email_taken` and writes nothing; the database's constraint decides, so two sign-ups racing on two
 * connections let one in. A table from before emails were unique, with two ambassadors under one
 * email, still opens. On PGlite in memory, and on PostgreSQL when DATABASE_URL is set.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { signUpAmbassador } from './ambassadors.js';
import type { SqlClient } from './database.js';
import { demoProgram } from './demo-program.js';
import { migrateDemoTables } from './demo-tables.js';
import { saveProgram } from './programs.js';
import { freshDemoTables, testDatabases } from './testing/test-database.js';

const NOW = new Date('2026-11-25T10:00:00.000Z');

describe.each(testDatabases)('a sign-up’s email on $kind', (database) => {
  let client: SqlClient;
  let program = '';
  const tables = freshDemoTables(database);

  beforeEach(async () => {
    client = tables();
    program = (await saveProgram(client, demoProgram(NOW))).id;
  });

  const signUp = (displayName: string, email?: string) =>
    signUpAmbassador(client, program, { displayName, role: 'ambassador', ...(email ? { email } : {}) }, NOW);
  const names = async () =>
    (
      await client.query<{ name: string }>(
        `SELECT ambassador->>'displayName' AS name FROM demo_ambassadors ORDER BY created_at, code`,
      )
    ).rows.map((row) => row.name);

  test.each(['ines@example.com', ' INES@Example.com ', 'ines+tea@example.com'])(
    'refuses %j, the email another ambassador holds, as email_taken with its path',
    async (again) => {
      expect((await signUp('Ines Duarte', 'Ines@Example.com')).ok).toBe(true);
      const refused = await signUp('Ines Again', again);
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'email_taken', issues: [{ path: ['email'], code: 'email_taken' }] },
      });
      expect(await names()).toEqual(['Ines Duarte']);
    },
  );

  test('refuses a Gmail address with its dots moved, which is the same mailbox', async () => {
    expect((await signUp('Sam River', 'sam.river@gmail.com')).ok).toBe(true);
    expect(await signUp('Sam Again', 'samriver@googlemail.com')).toMatchObject({ error: { code: 'email_taken' } });
  });

  test('takes ambassadors without an email, however many', async () => {
    for (const name of ['One', 'Two', 'Three']) expect((await signUp(name)).ok).toBe(true);
    // Signed up at one NOW, they are listed by their codes, which are random: compared as a set.
    expect((await names()).sort()).toEqual(['One', 'Three', 'Two']);
  });

  test('takes the same email in another program', async () => {
    const other = (await saveProgram(client, { ...demoProgram(NOW), id: 'autumn-2026' })).id;
    expect((await signUp('Ines Duarte', 'ines@example.com')).ok).toBe(true);
    const elsewhere = await signUpAmbassador(
      client,
      other,
      { displayName: 'Ines Duarte', role: 'ambassador', email: 'ines@example.com' },
      NOW,
    );
    expect(elsewhere.ok).toBe(true);
  });

  test('lets one of several sign-ups racing under one email in', async () => {
    const results = await Promise.all(['A', 'B', 'C', 'D'].map((name) => signUp(`Racer ${name}`, 'racer@example.com')));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.error.code)).toEqual([
      'email_taken',
      'email_taken',
      'email_taken',
    ]);
    expect(await names()).toHaveLength(1);
  });

  test('opens a table from before emails were unique, the oldest of two under one email keeping it', async () => {
    // The table as it was, with two ambassadors who signed up under one email.
    await client.query('DROP TABLE demo_ambassadors CASCADE');
    await client.query(`CREATE TABLE demo_ambassadors (
      code text PRIMARY KEY,
      program text NOT NULL REFERENCES demo_programs (id),
      ambassador jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    const hash = 'a'.repeat(64);
    for (const [code, name, at] of [
      ['OLD-222222', 'First Holder', '2026-01-01T00:00:00Z'],
      ['OLD-333333', 'Second Holder', '2026-02-01T00:00:00Z'],
    ]) {
      await client.query(
        'INSERT INTO demo_ambassadors (code, program, ambassador, created_at) VALUES ($1, $2, $3, $4)',
        [code, program, JSON.stringify({ code, displayName: name, emailHash: hash }), at],
      );
    }
    await migrateDemoTables(client);
    // Again, as every start does.
    await migrateDemoTables(client);
    const { rows } = await client.query<{ code: string; email_hash: string | null }>(
      'SELECT code, email_hash FROM demo_ambassadors ORDER BY code',
    );
    expect(rows).toEqual([
      { code: 'OLD-222222', email_hash: hash },
      { code: 'OLD-333333', email_hash: null },
    ]);
  });
});
