/**
 * First start: one program and one ambassador of each role, so that no screen is empty.
 * Later starts find the program and leave everything as it was (the data survives restarts), but
 * for the influencer campaign's dates, which move with the demo (campaign-window.ts).
 */
import type { Ambassador, Program } from '@referkit/events';
import { listAmbassadors, replaceAmbassador, signUpAmbassador } from './ambassadors.js';
import { stretchCampaign } from './campaign-window.js';
import type { SqlClient } from './database.js';
import { demoAmbassadors, demoProgram } from './demo-program.js';
import type { DemoStore } from './demo-store.js';
import { loadPrograms, replaceProgram, saveProgram } from './programs.js';

/** The programs and the storefront program's ambassadors, seeded if the database was empty. */
export interface Seeded {
  programs: Program[];
  ambassadors: Ambassador[];
  /** True on the start that created them. */
  fresh: boolean;
}

/** Seeds an empty database, then makes sure the ledger knows every ambassador. */
export async function seedDemo(client: SqlClient, store: DemoStore, now: Date): Promise<Seeded> {
  let programs = await loadPrograms(client);
  const fresh = programs.length === 0;
  if (fresh) {
    const program = await saveProgram(client, demoProgram(now));
    for (const { handle, ...ambassador } of demoAmbassadors(now)) {
      const result = await signUpAmbassador(client, program.id, { ...ambassador, handle }, now);
      if (!result.ok)
        throw new Error(`[referkit-demo] Could not seed ${ambassador.displayName}: ${result.error.message}`);
    }
    programs = await loadPrograms(client);
  } else {
    programs = await Promise.all(programs.map((program) => keepCampaignRunning(client, program, now)));
  }
  const [first] = programs;
  if (!first) throw new Error('[referkit-demo] Could not seed the demo program.');
  // The ledger's copy is refreshed on every start: upserts are idempotent, and a ledger reset stays usable.
  for (const program of programs) {
    for (const ambassador of await listAmbassadors(client, program.id))
      await store.upsertAmbassador(program, ambassador);
  }
  return { programs, ambassadors: await listAmbassadors(client, first.id), fresh };
}

/**
 * Stretches the program's influencer window, and the windows of its ambassadors who have their own,
 * to hold `now`. Written back on every start: the end moves with each one.
 */
async function keepCampaignRunning(client: SqlClient, program: Program, now: Date): Promise<Program> {
  for (const ambassador of await listAmbassadors(client, program.id)) {
    if (ambassador.campaign)
      await replaceAmbassador(client, { ...ambassador, campaign: stretchCampaign(ambassador.campaign, now) });
  }
  const influencer = program.roles.influencer;
  if (!influencer) return program;
  return replaceProgram(client, {
    ...program,
    roles: { ...program.roles, influencer: stretchCampaign(influencer, now) },
  });
}
