/** The ambassadors who signed up with the demo brand: minted codes, kept beside the ledger's copy. */
import { randomUUID } from 'node:crypto';
import { type Ambassador, ambassadorSchema, mintCode } from '@referkit/events';
import { customerIdentity, emailSchema } from './customer-identity.js';
import type { SqlClient } from './database.js';

/** Ambassadors of a program, oldest first. */
export async function listAmbassadors(client: SqlClient, program: string): Promise<Ambassador[]> {
  const { rows } = await client.query<{ ambassador: unknown }>(
    'SELECT ambassador FROM demo_ambassadors WHERE program = $1 ORDER BY created_at, code',
    [program],
  );
  return rows.map((row) => ambassadorFromColumn(row.ambassador));
}

/** An ambassador as its `ambassador` column holds it: pg and PGlite parse jsonb, another driver may give text. */
export function ambassadorFromColumn(column: unknown): Ambassador {
  return ambassadorSchema.parse(typeof column === 'string' ? JSON.parse(column) : column);
}

/** Replaces a signed-up ambassador with a changed copy, checked again so that only a valid one is kept. */
export async function replaceAmbassador(client: SqlClient, input: Ambassador): Promise<Ambassador> {
  const ambassador = ambassadorSchema.parse(input);
  await client.query('UPDATE demo_ambassadors SET ambassador = $2 WHERE code = $1', [
    ambassador.code,
    JSON.stringify(ambassador),
  ]);
  return ambassador;
}

/** What a person gives when they sign up; `ambassadorSchema` checks it, so it may come straight from a request. */
export interface SignUp {
  displayName: unknown;
  role?: unknown;
  audienceTier?: unknown;
  campaign?: unknown;
  /**
   * Their email, kept only as the hash and customer id the shop knows them by (`customerIdentity`),
   * so that an order with their own code is refused. An empty form field counts as none.
   */
  email?: unknown;
  /** The handle the code starts with. @default the first word of the name */
  handle?: string;
}

/** A problem with a sign-up, at the path of what was given. */
export interface SignUpIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

/**
 * Why a sign-up was refused: what was given is not an ambassador (`invalid_ambassador`), or another
 * ambassador of the program signed up under the same email (`email_taken`).
 */
export interface SignUpError {
  code: 'invalid_ambassador' | 'email_taken';
  message: string;
  issues: SignUpIssue[];
}

/** The outcome of a sign-up: the new ambassador, or why not. */
export type SignUpResult = { ok: true; value: Ambassador } | { ok: false; error: SignUpError };

const EMAIL_TAKEN: SignUpError = {
  code: 'email_taken',
  message: 'Another ambassador signed up with this email: each person signs up once.',
  issues: [{ path: ['email'], code: 'email_taken', message: 'Expected an email no other ambassador signed up with' }],
};

/**
 * Checks a sign-up and mints its code, writing nothing: the ambassador to record, or the issues with
 * what was given (`invalid_ambassador`).
 */
export async function readSignUp(input: SignUp, now: Date): Promise<SignUpResult> {
  const { handle, email, ...fields } = input;
  const address = email === undefined || email === '' ? undefined : emailSchema.safeParse(email);
  const parsed = ambassadorSchema.safeParse({
    ...fields,
    ...(address?.success ? await customerIdentity(address.data) : {}),
    id: `amb_${randomUUID()}`,
    code: mintCode(handle ?? (typeof fields.displayName === 'string' ? fields.displayName.split(' ')[0] : undefined)),
    joinedAt: now.toISOString(),
  });
  const issues = [
    ...(parsed.success ? [] : parsed.error.issues),
    ...(address && !address.success ? address.error.issues.map((issue) => ({ ...issue, path: ['email'] })) : []),
  ];
  if (parsed.success && issues.length === 0) return { ok: true, value: parsed.data };
  return {
    ok: false,
    error: {
      code: 'invalid_ambassador',
      message:
        'Expected a name of 1–60 visible characters, a role of ambassador, community_leader or influencer, and an email address if one is given.',
      issues: issues.map((issue) => ({
        path: issue.path.filter((key): key is string | number => typeof key !== 'symbol'),
        code: issue.code,
        message: issue.message,
      })),
    },
  };
}

/**
 * Records an ambassador `readSignUp` made: a clash of minted codes is retried, and an email another
 * ambassador of the program signed up with is refused (`email_taken`), the database's unique index
 * deciding, so that of two sign-ups racing under one email one gets in.
 */
export async function recordAmbassador(
  client: SqlClient,
  program: string,
  ambassador: Ambassador,
): Promise<SignUpResult> {
  // 31^6 suffixes make a clash of codes rare; the primary key makes one harmless.
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = attempt === 0 ? ambassador : { ...ambassador, code: mintCode(ambassador.code.split('-')[0]) };
    // No conflict target: the code's primary key and the email's unique index are both taken as a "no".
    const { rows } = await client.query(
      'INSERT INTO demo_ambassadors (code, program, ambassador, email_hash) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING code',
      [candidate.code, program, JSON.stringify(candidate), candidate.emailHash ?? null],
    );
    if (rows.length === 1) return { ok: true, value: candidate };
    if (candidate.emailHash && (await emailHeld(client, program, candidate.emailHash)))
      return { ok: false, error: EMAIL_TAKEN };
  }
  throw new Error('[referkit-demo] Could not mint a free code in 5 tries: the code table is unusually full.');
}

/** Checks a sign-up, mints its code and records the ambassador. */
export async function signUpAmbassador(
  client: SqlClient,
  program: string,
  input: SignUp,
  now: Date,
): Promise<SignUpResult> {
  const read = await readSignUp(input, now);
  return read.ok ? recordAmbassador(client, program, read.value) : read;
}

async function emailHeld(client: SqlClient, program: string, emailHash: string): Promise<boolean> {
  const { rows } = await client.query('SELECT 1 FROM demo_ambassadors WHERE program = $1 AND email_hash = $2', [
    program,
    emailHash,
  ]);
  return rows.length > 0;
}
