/**
 * The demo's PostgreSQL: PGlite in a local directory by default, a real server when a URL is given.
 * Both answer `query(text, params) → { rows }`, which is all the demo's tables need, and
 * `transaction(run)`, in which `sqlStore` commits each event.
 */
import { mkdir, open, rm } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { poolTransaction } from '@referkit/events';
import pg from 'pg';
import { dataDirInUseMessage, dataDirOwner, lockFileOf } from '../../../scripts/demo-data-dir.mjs';
import { closablePool } from './pool-close.js';

/** What the ledger and the demo's own tables use. */
export interface SqlClient {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  /**
   * Runs `run` in one transaction on a connection of its own. Without it, `sqlStore` sends BEGIN and
   * COMMIT through `query`: on a pool each may land on another connection, leaving one idle inside a
   * transaction that keeps its locks (two refunds at once were enough), and on PGlite's one connection
   * the demo's own queries would run inside the ledger's transaction.
   */
  transaction?<T>(run: (tx: SqlClient) => Promise<T>): Promise<T>;
}

/** A PGlite database as a {@link SqlClient}: its `transaction` holds every other query until it ends. */
export function pgliteClient(db: PGlite): SqlClient {
  type Queryable = Pick<PGlite, 'query'>;
  const over =
    (queryable: Queryable): SqlClient['query'] =>
    async (text, params) => ({ rows: (await queryable.query(text, params)).rows as never[] });
  return {
    query: over(db),
    transaction: (run) => db.transaction((tx) => run({ query: over(tx) })),
  };
}

/** An open database and how to close it. */
export interface Database {
  client: SqlClient;
  /** `PGlite in <dir>` or `PostgreSQL at <host>:<port>/<db>, schema <schema>`, for the start-up lines (never the password). */
  description: string;
  /**
   * PostgreSQL: within `closeTimeoutMs`, as the server rolls back what a connection ended mid-query
   * was doing. PGlite: once its last query is done, however long that takes, since cutting it short
   * could leave its directory damaged (a query there waits on nothing but the demo's own).
   */
  close(): Promise<void>;
}

/** Where the demo keeps its data. */
export type DatabaseOptions =
  | { dataDir: string; databaseUrl?: undefined; schema?: undefined }
  | {
      databaseUrl: string;
      /** A schema to create and use, so that test runs on one server never see each other's rows. */
      schema?: string;
      /**
       * How long a statement, or a wait for one of the pool's connections, may take before it fails
       * (and its request is answered 503): a query waiting on another session's lock fails rather than
       * hold its request, and a stop, for as long as that lock is held. @default 5000
       */
      queryTimeoutMs?: number;
      /** How long `close()` waits for connections still in use before it ends them. @default 2000 */
      closeTimeoutMs?: number;
      dataDir?: undefined;
    };

/** Opens PGlite at `dataDir` (created if missing) or a pg pool on `databaseUrl`. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl !== undefined) return openPostgres(options);
  await mkdir(options.dataDir, { recursive: true });
  const unlock = await lockDataDir(options.dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create(options.dataDir);
  } catch (error) {
    await unlock();
    throw error;
  }
  return {
    client: pgliteClient(db),
    description: `PGlite in ${shownDir(options.dataDir)}`,
    close: async () => {
      await db.close();
      await unlock();
    },
  };
}

/**
 * A data directory as the start-up line names it: relative to the working directory when inside it
 * (`.data/pglite`), else whole. `../../tmp/demo` for a directory given whole elsewhere read as a typo.
 */
export function shownDir(dir: string, cwd = process.cwd()): string {
  const inside = relative(cwd, dir);
  return inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside) ? resolve(cwd, dir) : inside || '.';
}

// Lock files this process holds: a pid check cannot tell two demos in one process apart.
const locksHeld = new Set<string>();

/**
 * PGlite is one process's database: a second demo on the same directory would corrupt it. A lock
 * file beside the directory holds the owner's pid; one left by a process that is gone is taken over.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lock = lockFileOf(dataDir);
  if (locksHeld.has(lock)) throw new Error(`${dataDir} is in use by another demo in this process.`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(lock, 'wx');
      await file.writeFile(String(process.pid));
      await file.close();
      locksHeld.add(lock);
      return async () => {
        locksHeld.delete(lock);
        await rm(lock, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = await dataDirOwner(dataDir);
      if (owner) throw new Error(dataDirInUseMessage(dataDir, owner));
      await rm(lock, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}.`);
}

async function openPostgres({
  databaseUrl,
  schema,
  queryTimeoutMs = 5000,
  closeTimeoutMs = 2000,
}: Extract<DatabaseOptions, { databaseUrl: string }>): Promise<Database> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`[referkit-demo] Could not use schema "${schema}": expected a lower-case SQL identifier.`);
  }
  if (schema) {
    const setup = new pg.Client({ connectionString: databaseUrl });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
  }
  // search_path as a start-up option applies to every pooled connection, not just the first.
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 5,
    // The server cancels a statement past its time itself, which rolls its transaction back and leaves
    // the connection usable; the client's own limit, a second later, covers a server that stopped
    // answering at all. The README of @referkit/events recommends both.
    statement_timeout: queryTimeoutMs,
    query_timeout: queryTimeoutMs + 1000,
    connectionTimeoutMillis: queryTimeoutMs,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const closePool = closablePool(pool);
  // An idle client's network error is reported here rather than crashing the process.
  pool.on('error', (error) => console.error(`[referkit-demo] PostgreSQL connection lost: ${error.message}`));
  // The URL's host, port and database only: its user and password stay out of every line printed.
  const url = new URL(databaseUrl);
  const server = `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  // The schema the tables go to is the server's answer (search_path, "$user"), not a guess of `public`.
  const { rows } = await pool.query<{ schema: string | null }>('SELECT current_schema() AS schema');
  const inSchema = rows[0]?.schema;
  if (!inSchema) {
    await pool.end();
    throw new Error(
      `${server} has no schema to create tables in: its search_path names none that exists. Create the schema, or name one in DATABASE_URL (?options=-c%20search_path%3Dmy_schema).`,
    );
  }
  return {
    client: {
      query: async (text, params) => ({ rows: (await pool.query(text, params)).rows }),
      // A connection lost, timed out or not rolled back is closed, never handed to the next transaction.
      transaction: (run) =>
        poolTransaction(pool, (tx) =>
          run({ query: async (text, params) => ({ rows: (await tx.query(text, params)).rows as never[] }) }),
        ),
    },
    description: `${server}, schema ${inSchema}`,
    close: () => closePool(closeTimeoutMs),
  };
}
