/**
 * `npm start`: runs the demo on 127.0.0.1:$PORT (default 5173), PGlite under `.data/` unless
 * DATABASE_URL points at a PostgreSQL server, prints where to go (at PUBLIC_URL when the shop is
 * opened elsewhere, e.g. behind a proxy), and stops cleanly on Ctrl-C and SIGTERM: the requests in flight are
 * answered first.
 */

import { dataDirBeside, heldDataDir } from '../../../scripts/demo-data-dir.mjs';
import { demoPort, otherPortHint } from '../../../scripts/demo-port.mjs';
import { demoPublicUrl } from '../../../scripts/demo-public-url.mjs';
import { demoSecret } from '../../../scripts/demo-secret.mjs';
import { noteServing } from '../../../scripts/demo-serving.mjs';
import { DEMO_TABLE_PREFIXES } from './demo-tables.js';
import { roleName } from './role-names.js';
import { startDemo } from './start-demo.js';

/** A setting's value; one that is wrong is one line (no stack trace) and exit code 1. */
function setting<T>(read: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (read.ok) return read.value;
  console.error(`[referkit-demo] ${read.error.message}`);
  process.exit(1);
}
const port = setting(demoPort(process.env.PORT));
const secret = setting(demoSecret(process.env.REFERKIT_WEBHOOK_SECRET));
const publicUrl = setting(demoPublicUrl(process.env.PUBLIC_URL));

// Stopping is set up before the database opens: a Ctrl-C while it starts (a first PGlite start takes
// seconds) waits for the start and closes the database, rather than killing PGlite in mid-write.
const starting = startDemo({
  port,
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  ...(process.env.REFERKIT_DATA_DIR ? { dataDir: process.env.REFERKIT_DATA_DIR } : {}),
  ...(secret ? { secret } : {}),
  ...(publicUrl ? { publicUrl } : {}),
});
let stopping = false;
/** Takes back the note that this demo serves the built files (scripts/demo-serving.mjs); set once it runs. */
let unnote: (() => Promise<void>) | undefined;
const stop = async (signal: NodeJS.Signals) => {
  // A second Ctrl-C means "now": PGlite may lose the last moments, never what it already committed.
  if (stopping) process.exit(130);
  stopping = true;
  // `close()` lets the requests in flight finish and is done within 8 s (start-demo.ts); PGlite alone
  // may take longer, finishing its last write.
  const slow = setTimeout(
    () => console.log('[referkit-demo] Still finishing requests and closing the database… Ctrl-C again to quit now.'),
    5000,
  );
  const started = await starting;
  if (started.ok) await started.value.close();
  await unnote?.();
  clearTimeout(slow);
  console.log(`\n[referkit-demo] Stopped (${signal}).`);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const started = await starting;
if (!started.ok) {
  let hint = '';
  if (started.error.code === 'port_in_use') {
    // Most likely a demo that also holds the data directory: another port alone would be refused next.
    const held = await heldDataDir();
    hint = ` ${otherPortHint(port, undefined, held && dataDirBeside(held.dataDir))}`;
  }
  console.error(`[referkit-demo] ${started.error.message}${hint}`);
  process.exit(1);
}
// Stopped while starting: `stop` closes the database and exits; there is nothing to show.
if (stopping) await new Promise(() => {});

const demo = started.value;
// While it runs, `npm start` beside it builds nothing: a build would take the files it serves away.
unnote = await noteServing();

const label = (ambassador: (typeof demo.ambassadors)[number]) =>
  `${ambassador.displayName} (${roleName(ambassador.role).toLowerCase()})`;
const width = Math.max(...demo.ambassadors.map((ambassador) => label(ambassador).length), 10);
const line = (label: string, url: string) => console.log(`  ${label.padEnd(width)} ${url}`);
console.log(
  `\nReferkit demo — ${demo.program.brand}, program "${demo.program.id}"${demo.seeded ? ' (seeded just now)' : ''}`,
);
// A PostgreSQL server is shared with whatever else is on it: say where the demo's tables went.
const tables = process.env.DATABASE_URL
  ? `, tables ${DEMO_TABLE_PREFIXES.map((prefix) => `${prefix}*`).join(' and ')}`
  : '';
console.log(`Database: ${demo.database}${tables}`);
if (demo.publicUrl !== demo.url) console.log(`Listening on ${demo.url}, opened at ${demo.publicUrl}`);
console.log('');
const at = demo.publicUrl;
line('Storefront', `${at}/`);
// The seeded three come first; later sign-ups are listed on the account page.
for (const ambassador of demo.ambassadors.slice(0, 5)) {
  line(label(ambassador), `${at}/account?code=${ambassador.code}`);
}
if (demo.ambassadors.length > 5) line(`…${demo.ambassadors.length - 5} more`, `${at}/account`);
line('Checkout', `${at}/checkout/`);
line('Dashboard', `${at}/dashboard`);
console.log('\nOpen an account page, copy the link, open it in a private window, and check out. Ctrl-C stops.\n');
