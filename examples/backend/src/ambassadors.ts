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
  return rows.map((row) =>
    ambassadorSchema.parse(typeof row.ambassador === 'string' ? JSON.parse(row.ambassador) : row.ambassador),
  );
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

/** The outcome of a sign-up: the new ambassador, or the issues with what was given. */
export type SignUpResult =
  | { ok: true; value: Ambassador }
  | {
      ok: false;
      error: {
        code: 'invalid_ambassador';
        message: string;
        issues: { path: (string | number)[]; code: string; message: string }[];
      };
    };

/** Mints a code for a new ambassador and records them; a clash of minted codes is retried. */
export async function signUpAmbassador(
  client: SqlClient,
  program: string,
  input: SignUp,
  now: Date,
): Promise<SignUpResult> {
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
  if (!parsed.success || issues.length > 0) {
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
  // 31^6 suffixes make a clash rare; the primary key makes one harmless.
  for (let attempt = 0; attempt < 5; attempt++) {
    const ambassador = attempt === 0 ? parsed.data : { ...parsed.data, code: mintCode(parsed.data.code.split('-')[0]) };
    const { rows } = await client.query(
      'INSERT INTO demo_ambassadors (code, program, ambassador) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING code',
      [ambassador.code, program, JSON.stringify(ambassador)],
    );
    if (rows.length === 1) return { ok: true, value: ambassador };
  }
  throw new Error('[referkit-demo] Could not mint a free code in 5 tries: the code table is unusually full.');
}
