/**
 * A store in PostgreSQL (pg), PGlite, or a Postgres-compatible engine. Uniqueness lives in the
 * database — primary keys on idempotency keys, a unique index on a redemption's (program, order id),
 * `INSERT … ON CONFLICT` — and each event's claim, ledger row and rewards commit in one transaction,
 * so any number of receivers can share one database.
 * Over 300 lines: the commit's locks, reads and writes are one transaction, read together.
 */
import type { Ambassador } from '../ambassador.js';
import { sameContent } from '../idempotency.js';
import type { Program } from '../program.js';
import { checkErasure, type ErasureResult, unknownProgram } from './customer-erasure.js';
import { type ConnectionPool, poolTransactionIn } from './pool-transaction.js';
import { ErasureGrew, eraseCustomerIn } from './sql-erasure.js';
import { migrateSql } from './sql-migration.js';
import { iso, json, rewardsFrom, verdictOn } from './sql-rows.js';
import { CONFIRMS_AT, CUSTOMER_OF_ROW, STANDING_FIRST_ORDER } from './sql-schema.js';
import { sqlTotals } from './sql-totals.js';
import { assembleStats, type ProgramStats, planStats, type StatsQuery } from './stats.js';
import { statsWindow } from './stats-window.js';
import {
  type CommitRequest,
  type CommitResult,
  customerKeys,
  type ErasingStore,
  type LedgerHistory,
  ledgerRow,
  recordingMoment,
  refuseCodeOfAnother,
  refuseCurrencyChange,
  refuseStatsInOtherCurrency,
  registrable,
  registrableProgram,
  storedCode,
} from './store.js';

/** Anything that runs a parameterised query: a pg Pool, Client or PoolClient, PGlite, or a PGlite transaction. */
export interface SqlQueryable {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * The client `sqlStore` needs. Transactions use `transaction` when present (PGlite), else a
 * dedicated connection from `connect()` (a pg Pool), else BEGIN/COMMIT on the client itself,
 * one transaction at a time (a single pg Client).
 */
export interface SqlClient extends SqlQueryable {
  transaction?<T>(run: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  connect?(): Promise<unknown>;
}

/** Options of {@link sqlStore}. */
export interface SqlStoreOptions {
  /** A prefix for every table, so that several stores (or test runs) share one schema. @default 'referkit_' */
  prefix?: string | undefined;
}

/** Keys are kept at least this long; `prune` never removes younger ones. */
export const IDEMPOTENCY_RETENTION_DAYS = 7;

/**
 * The isolation the store's writes are designed for, named in each transaction so that a database
 * whose `default_transaction_isolation` is REPEATABLE READ or SERIALIZABLE changes nothing. Under READ
 * COMMITTED each statement reads what committed before it: a commit that waited on a code's or a
 * person's lock then counts the one it waited for. Under the stricter levels PostgreSQL refuses that
 * commit instead (40001, "could not serialize access due to concurrent update"), and most concurrent
 * redemptions of one code were answered 503. READ COMMITTED raises no serialization failure, and the
 * commits take their locks in one order, so the store retries nothing: a 40001 or 40P01 from elsewhere
 * is answered 503 with nothing recorded, and the sender retries.
 */
const WRITES = 'ISOLATION LEVEL READ COMMITTED';

/**
 * Stats read one snapshot: in REPEATABLE READ every statement reads the snapshot of the first. Read
 * only, it holds no commit back and is never refused as a serialization failure.
 */
const SNAPSHOT = 'ISOLATION LEVEL REPEATABLE READ, READ ONLY';

/**
 * How many times an erasure starts again when the customer's orders gained an identity while it took its
 * locks (a commit linking a new email to them): each start locks all it found, so a second is rare.
 */
const ERASURE_ATTEMPTS = 5;

class Rollback {
  constructor(readonly result: CommitResult) {}
}

type Row = Record<string, unknown>;

/**
 * The codes in program `$1` of the person holding code `$2` (the code alone when no one registered it), as
 * an array: tiers and the promotion count them together. An array read once, so that `code = ANY(…)`
 * meets the ledger's (program, code) index; `code IN (subquery) OR …` scanned the whole ledger.
 */
const PERSON_CODES = (p: string) =>
  `ARRAY(SELECT $2::text UNION SELECT code FROM ${p}ambassadors WHERE program = $1 AND data ->> 'id' = (SELECT data ->> 'id' FROM ${p}ambassadors WHERE program = $1 AND code = $2))`;

/**
 * Creates a store over a SQL client; call `await store.migrate()` once before use.
 * @example
 * const store = sqlStore(new pg.Pool({ connectionString: process.env.DATABASE_URL }));
 * await store.migrate();
 */
export function sqlStore(
  client: SqlClient,
  options: SqlStoreOptions = {},
): ErasingStore & { prune(now?: Date): Promise<number> } {
  const p = options.prefix ?? 'referkit_';
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(p))
    throw new TypeError(
      '[referkit] Could not create the SQL store: the prefix must be lower-case letters, digits and underscores.',
    );
  let queue: Promise<unknown> = Promise.resolve();
  // The currency of each program's ledger, once it holds a redemption: redemptions are never deleted and
  // the receiver records none in another currency, so it is read until found and then kept, and the
  // commits after it run the history statement without it (~60 µs less on PostgreSQL, ~90 on PGlite).
  const ledgerCurrencies = new Map<string, string>();
  const pooled = typeof client.connect === 'function' && 'idleCount' in client;
  // A single connection (a pg Client) carries one transaction at a time, and any other query sent
  // while one is open would run inside it (and roll back with it): everything on it is queued.
  const single = typeof client.transaction !== 'function' && !pooled;
  const queued = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => {});
    return next;
  };
  const db: SqlQueryable = single ? { query: (text, params) => queued(() => client.query(text, params)) } : client;

  /** Runs `run` in one transaction of the given modes: {@link WRITES} unless told otherwise. */
  async function transaction<T>(run: (tx: SqlQueryable) => Promise<T>, modes = WRITES): Promise<T> {
    // A client's own transaction (PGlite's) opens with a plain BEGIN: the modes come first inside it.
    if (typeof client.transaction === 'function')
      return client.transaction(async (tx) => {
        await tx.query(`SET TRANSACTION ${modes}`);
        return run(tx);
      });
    if (pooled) return poolTransactionIn(modes, client as ConnectionPool, run);
    return queued(() => runIn(client, run, modes));
  }

  async function runIn<T>(connection: SqlQueryable, run: (tx: SqlQueryable) => Promise<T>, modes: string): Promise<T> {
    await connection.query(`BEGIN ${modes}`);
    try {
      const result = await run(connection);
      await connection.query('COMMIT');
      return result;
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => {});
      throw error;
    }
  }

  /** The currency of a program's ledger, `null` while it holds no redemption; kept once found, as in `history`. */
  async function ledgerCurrency(tx: SqlQueryable, program: string): Promise<string | null> {
    const known = ledgerCurrencies.get(program);
    if (known) return known;
    // Any one redemption's, by one probe of the redemptions' unique index (see `history`).
    const found = await tx.query(
      `SELECT rewards -> 'friend' ->> 'currency' AS currency FROM ${p}ledger WHERE program = $1 AND type = 'redemption'
       AND rewards IS NOT NULL ORDER BY order_id LIMIT 1`,
      [program],
    );
    const currency = ((found.rows[0] as Row | undefined)?.currency as string | undefined) ?? null;
    if (currency !== null) ledgerCurrencies.set(program, currency);
    return currency;
  }

  async function history(tx: SqlQueryable, request: CommitRequest, recordedAt: Date): Promise<LedgerHistory> {
    const { event } = request;
    const keys = customerKeys(event);
    const id = keys.find((key) => key.startsWith('id:'))?.slice(3) ?? null;
    const email = keys.find((key) => key.startsWith('email:'))?.slice(6) ?? null;
    // One after another: a transaction is one connection, and PGlite's transaction handle is not reentrant.
    // Canonical ISO times compare as text: a grant is confirmed once its confirmsAt has come.
    // Caps count the code's first orders; tiers and the promotion count the person's, every code of theirs.
    // Until the ledger's currency is known, it is read in the same statement (no round trip more): any one
    // redemption's, the receiver recording no other. Ordered by order_id, so that it is one probe of the
    // redemptions' unique index; without, PostgreSQL may scan the table for the first match.
    const known = ledgerCurrencies.get(event.program);
    const currencyColumn = known
      ? ''
      : `, (SELECT rewards -> 'friend' ->> 'currency' FROM ${p}ledger WHERE program = $1 AND type = 'redemption'
           AND rewards IS NOT NULL ORDER BY order_id LIMIT 1) AS currency`;
    // Each count stops at the program's highest threshold ($4; LIMIT NULL is no limit): an ambassador's
    // thousandth redemption reads no more rows than their tenth. Code by code, in the order of the
    // ledger_first_orders index: otherwise the planner may scan the table, guessing that LIMIT rows
    // turn up early, and read every row when none are confirmed yet (a new campaign's first weeks).
    const counted = await tx.query(
      `SELECT
         (SELECT count(*) FROM (SELECT FROM ${p}ledger WHERE program = $1 AND code = $2 AND ${STANDING_FIRST_ORDER}
           ORDER BY ${CONFIRMS_AT} LIMIT $4) AS first_orders) AS n,
         (SELECT count(*) FROM unnest(${PERSON_CODES(p)}) AS person (code), LATERAL (SELECT FROM ${p}ledger
           WHERE program = $1 AND code = person.code AND ${STANDING_FIRST_ORDER} AND ${CONFIRMS_AT} <= $3
           ORDER BY ${CONFIRMS_AT} LIMIT $4) AS first_orders) AS confirmed${currencyColumn}`,
      [event.program, event.code, recordedAt.toISOString(), countLimit(request.countUpTo)],
    );
    const currency = known ?? ((counted.rows[0] as Row).currency as string | null) ?? null;
    if (currency !== null) ledgerCurrencies.set(event.program, currency);
    const customers =
      id || email
        ? await tx.query(
            `SELECT code, occurred_at, repeat FROM ${p}ledger WHERE program = $1 AND type = 'redemption' AND reversed_at IS NULL
           AND (customer_id = $2 OR customer_email_hash = $3) ORDER BY occurred_at, seq`,
            [event.program, id, email],
          )
        : { rows: [] };
    const redemption =
      event.type === 'reversal'
        ? await tx.query(
            // The same code as the redemption's: a reversal cannot reach into another ambassador's ledger.
            `SELECT rewards, reversed_at, occurred_at FROM ${p}ledger WHERE program = $1 AND order_id = $2 AND type = 'redemption' AND code = $3`,
            [event.program, event.orderId, event.code],
          )
        : { rows: [] };
    const original = redemption.rows[0] as Row | undefined;
    return {
      redemptions: Number((counted.rows[0] as Row).n),
      confirmedRedemptions: Number((counted.rows[0] as Row).confirmed),
      customerOrders: (customers.rows as Row[]).map((row) => ({
        code: String(row.code),
        occurredAt: iso(row.occurred_at) as string,
        repeat: row.repeat === true,
      })),
      redemption: original
        ? {
            rewards: rewardsFrom(original.rewards),
            reversedAt: iso(original.reversed_at),
            occurredAt: iso(original.occurred_at) as string,
          }
        : null,
      recordedAt,
      currency,
    };
  }

  /**
   * The answer for an order event the ledger already holds (its key pruned): the order's redemption,
   * or the reversal that took it back, compared with the claim's content; `null` when there is none.
   */
  async function answerFromLedger(tx: SqlQueryable, request: CommitRequest): Promise<CommitResult | null> {
    const { event } = request;
    if (event.type !== 'redemption' && event.type !== 'reversal') return null;
    // Each type in its own text, so each meets its index: the redemption's unique one, and for a
    // reversal the code's (a reversal only ever reaches the ledger under its redemption's code).
    const original = await tx.query(
      event.type === 'redemption'
        ? `SELECT fingerprint, rewards FROM ${p}ledger WHERE program = $1 AND order_id = $2 AND type = 'redemption'`
        : `SELECT fingerprint, rewards FROM ${p}ledger WHERE program = $1 AND code = $3 AND order_id = $2 AND type = 'reversal' ORDER BY seq LIMIT 1`,
      event.type === 'redemption' ? [event.program, event.orderId] : [event.program, event.orderId, event.code],
    );
    const first = original.rows[0] as Row | undefined;
    const claim = request.claims[0];
    if (!first || !claim) return null;
    return sameContent(first.fingerprint, claim)
      ? { status: 'duplicate', rewards: rewardsFrom(first.rewards) }
      : { status: 'conflict' };
  }

  async function commitIn(tx: SqlQueryable, request: CommitRequest): Promise<CommitResult> {
    const claims = [...request.claims].sort((a, b) => (a.key < b.key ? -1 : 1));
    const values = claims.map((_, index) => `($${index * 3 + 1}, $${index * 3 + 2}, $${index * 3 + 3})`).join(', ');
    const claimed = await tx.query(
      `INSERT INTO ${p}idempotency (key, fingerprint, created_at) VALUES ${values} ON CONFLICT (key) DO NOTHING RETURNING key`,
      claims.flatMap((claim) => [claim.key, claim.fingerprint, request.recordedAt.toISOString()]),
    );
    if (claimed.rows.length < claims.length) {
      const mine = new Set((claimed.rows as Row[]).map((row) => row.key));
      const taken = claims.filter((claim) => !mine.has(claim.key));
      const existing = await tx.query(`SELECT key, fingerprint, rewards FROM ${p}idempotency WHERE key = ANY($1)`, [
        taken.map((claim) => claim.key),
      ]);
      throw new Rollback(verdictOn(taken, existing.rows as Row[]));
    }
    const { event } = request;
    // The per-code row serialises commits for one code, so its counts (caps) read under it are exact.
    await tx.query(
      `INSERT INTO ${p}codes (program, code) VALUES ($1, $2) ON CONFLICT (program, code) DO UPDATE SET touched = ${p}codes.touched + 1`,
      [event.program, event.code],
    );
    // Two first orders of one customer under two codes hold different code rows; the customer's row
    // makes the second wait and then see the first. Locked in sorted order, so no two commits deadlock.
    const customers = customerKeys(event).sort();
    if (customers.length > 0) {
      await tx.query(
        `INSERT INTO ${p}customers (program, customer) VALUES ${customers.map((_, index) => `($1, $${index + 2})`).join(', ')}
         ON CONFLICT (program, customer) DO UPDATE SET touched = ${p}customers.touched + 1`,
        [event.program, ...customers],
      );
    }
    // Tiers and the promotion count the person's first orders over every code of theirs: two first orders
    // under two of their codes hold different code rows, and the person's lock makes the second wait and
    // then count the first. Taken last, after every row lock, so no two commits deadlock.
    if (event.type === 'redemption') {
      await tx.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('person ' || $1 || ' ' || (data ->> 'id'), 0))
           FROM ${p}ambassadors WHERE program = $1 AND code = $2`,
        [event.program, event.code],
      );
      // Until the ledger holds a redemption, its currency is the first one's: two first orders from two
      // receivers whose configs differ (a deploy changing the currency) would each read none and both be
      // recorded. The program's lock makes the second wait and read the first's. Only then, and last.
      if (!ledgerCurrencies.has(event.program))
        await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('currency ' || $1, 0))`, [event.program]);
    }
    // Only now, holding every lock above: a commit that waited on them is recorded after the one it waited
    // for and counts that one's grant. Stamped on arrival, it was recorded up to a lock wait earlier, missed
    // the grant (a promotion paid late) and slipped into stats already read at a past `now`.
    const recordedAt = recordingMoment(request);
    const decision = request.decide(await history(tx, request, recordedAt));
    if (!decision.ok) {
      // A pruned key's redemption replayed meets its own first order in the history (not_first_order),
      // and a pruned key's reversal its own reversal (unknown_order): the ledger's answer, duplicate
      // or conflict, comes before the rules'.
      const recorded = await answerFromLedger(tx, request);
      throw new Rollback(recorded || { status: 'rejected', error: decision.error });
    }
    const row = ledgerRow(event, decision, recordedAt);
    const keys = customerKeys(event);
    const inserted = await tx.query(
      `INSERT INTO ${p}ledger (id, type, program, code, channel, occurred_at, recorded_at, order_id, total, discount,
         customer_id, customer_email_hash, repeat, rewards, fingerprint, customer, retention)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, coalesce(
         (SELECT ${CUSTOMER_OF_ROW} FROM ${p}ledger WHERE program = $3 AND type = 'redemption'
            AND (customer_id = $11 OR customer_email_hash = $12) ORDER BY seq LIMIT 1),
         $16), $17)
       ON CONFLICT (program, order_id) WHERE type = 'redemption' DO NOTHING RETURNING seq`,
      [
        row.id,
        row.type,
        row.program,
        row.code,
        row.channel,
        row.occurredAt,
        row.recordedAt,
        row.orderId,
        row.total,
        row.discount,
        keys.find((key) => key.startsWith('id:'))?.slice(3) ?? null,
        keys.find((key) => key.startsWith('email:'))?.slice(6) ?? null,
        row.repeat,
        row.rewards === null ? null : JSON.stringify(row.rewards),
        claims.find((claim) => !claim.key.startsWith('webhook:'))?.fingerprint ?? '',
        row.customer,
        row.retention,
      ],
    );
    // The key was pruned but the order's redemption is permanent: answer from the ledger.
    if (inserted.rows.length === 0) throw new Rollback((await answerFromLedger(tx, request)) as CommitResult);
    if (event.type === 'reversal') {
      // A customer's first order takes with it the retention rewards of their orders with its code, matched
      // as the rules matched them (by id or by email hash): without it the customer is no one's member.
      // Pending or confirmed alike, as its own reward; those orders stand. A member's order in flight holds
      // this code's lock too: recorded before this reversal, its reward is taken back here; after, it earns none.
      await tx.query(
        `WITH reversed AS (
           UPDATE ${p}ledger SET reversed_at = $3
           WHERE program = $1 AND order_id = $2 AND type = 'redemption' AND reversed_at IS NULL
           RETURNING code, repeat, customer_id, customer_email_hash
         )
         UPDATE ${p}ledger AS later SET grant_reversed_at = $3 FROM reversed
         WHERE NOT reversed.repeat AND later.program = $1 AND later.type = 'redemption' AND later.retention
           AND later.code = reversed.code AND later.reversed_at IS NULL AND later.grant_reversed_at IS NULL
           AND (later.customer_id = reversed.customer_id OR later.customer_email_hash = reversed.customer_email_hash)`,
        [event.program, event.orderId, recordedAt.toISOString()],
      );
    }
    if (decision.rewards) {
      await tx.query(`UPDATE ${p}idempotency SET rewards = $2 WHERE key = ANY($1)`, [
        claims.map((claim) => claim.key),
        JSON.stringify(decision.rewards),
      ]);
    }
    return { status: 'recorded', rewards: decision.rewards };
  }

  /** The stats of `query`, every statement on `tx`. */
  async function statsIn(tx: SqlQueryable, query: StatsQuery): Promise<ProgramStats> {
    let program = typeof query.program === 'string' ? null : query.program;
    if (!program) {
      const found = await tx.query(`SELECT data FROM ${p}programs WHERE id = $1`, [query.program]);
      const row = found.rows[0] as Row | undefined;
      if (!row)
        throw new RangeError(
          `[referkit] Could not compute stats: no program "${String(query.program)}" is registered. Call upsertProgram first.`,
        );
      program = json(row.data) as Program;
    }
    refuseStatsInOtherCurrency(program, await ledgerCurrency(tx, program.id));
    const only = query.code === undefined ? null : storedCode(query.code);
    const members = await tx.query(
      // Byte order (COLLATE "C"), as the memory store sorts: a locale's collation skips the hyphen in codes.
      // With one code, its person's other codes too: their shares count towards the person's target.
      `SELECT data FROM ${p}ambassadors WHERE program = $1 AND ($2::text IS NULL OR code = ANY(${PERSON_CODES(p)}))
       ORDER BY code COLLATE "C"`,
      [program.id, only],
    );
    // One moment for the promotion's count and the plan, so both read the ledger at the same `now`.
    const at = { ...query, now: statsWindow(program, query).now };
    const counts = await tx.query(
      // `now` is text to compare with confirmsAt (a JSON string), and a time to compare with reversed_at.
      // By person: the promotion counts every code of theirs.
      `SELECT held.data ->> 'id' AS person, count(*) AS n
         FROM ${p}ledger AS ledger JOIN ${p}ambassadors AS held ON held.program = ledger.program AND held.code = ledger.code
         WHERE ledger.program = $1 AND type = 'redemption' AND NOT repeat
         AND ($2::text IS NULL OR ledger.code = ANY(${PERSON_CODES(p)}))
         AND ${CONFIRMS_AT} <= $3::text
         AND (reversed_at IS NULL OR reversed_at > $3::timestamptz) GROUP BY 1`,
      [program.id, only, at.now.toISOString()],
    );
    const confirmed = new Map((counts.rows as Row[]).map((row) => [String(row.person), Number(row.n)]));
    const ambassadors = (members.rows as Row[]).map((row) => json(row.data) as Ambassador);
    const plan = planStats(program, ambassadors, confirmed, at);
    return assembleStats(plan, await sqlTotals(tx, p, plan));
  }

  return {
    async migrate() {
      await migrateSql(db, transaction, p);
    },
    async commit(request) {
      try {
        return await transaction((tx) => commitIn(tx, request));
      } catch (error) {
        if (error instanceof Rollback) return error.result;
        throw error;
      }
    },
    async upsertProgram(input) {
      const program = registrableProgram(input);
      // The ledger's own currency, not the one registered before: a program may be registered only after
      // the receiver recorded redemptions of it.
      const held = await db.query(
        `SELECT rewards -> 'friend' ->> 'currency' AS currency FROM ${p}ledger
         WHERE program = $1 AND type = 'redemption' AND rewards -> 'friend' ->> 'currency' <> $2 LIMIT 1`,
        [program.id, program.currency],
      );
      const other = held.rows[0] as Row | undefined;
      if (other) refuseCurrencyChange(program, String(other.currency));
      await db.query(
        `INSERT INTO ${p}programs (id, data) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data`,
        [program.id, JSON.stringify(program)],
      );
    },
    async upsertAmbassador(program, input) {
      const ambassador = registrable(input);
      const id = typeof program === 'string' ? program : program.id;
      // The program first, as the ledger reads it by id; registering it again changes nothing.
      if (typeof program !== 'string') await this.upsertProgram(program);
      await transaction(async (tx) => {
        // Updates of one person wait for each other: a sync that registers a new person's codes at
        // once has no rows yet to lock, and each would miss the others' uncommitted codes.
        await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1 || ' ' || $2, 0))`, [id, ambassador.id]);
        // Then the rows this update writes, the person's codes and the code given (which may be
        // another person's), are locked in one order, code order, whoever the updates are for: two
        // people taking each other's codes at once then wait instead of deadlocking.
        await tx.query(
          `SELECT code FROM ${p}ambassadors WHERE program = $1 AND (data ->> 'id' = $2 OR code = $3) ORDER BY code FOR UPDATE`,
          [id, ambassador.id, ambassador.code],
        );
        // The update happens only within the code's own program; a row held by another comes back unchanged.
        const written = await tx.query(
          `INSERT INTO ${p}ambassadors AS held (code, program, data) VALUES ($1, $2, $3)
           ON CONFLICT (code) DO UPDATE SET data = EXCLUDED.data WHERE held.program = EXCLUDED.program
           RETURNING program`,
          [ambassador.code, id, JSON.stringify(ambassador)],
        );
        if (written.rows.length === 0) {
          const found = await tx.query(`SELECT program FROM ${p}ambassadors WHERE code = $1`, [ambassador.code]);
          const holder = (found.rows[0] as { program?: string } | undefined)?.program;
          refuseCodeOfAnother(ambassador.code, holder ?? 'another program', id);
        }
        // The person's other codes in the program (given before this one) take the update too, each
        // keeping its own code and campaign (updateOfCode).
        await tx.query(
          `UPDATE ${p}ambassadors
           SET data = ($3::jsonb - 'campaign') || jsonb_strip_nulls(jsonb_build_object('code', code, 'campaign', data -> 'campaign'))
           WHERE program = $2 AND data ->> 'id' = $4 AND code <> $1`,
          [ambassador.code, id, JSON.stringify(ambassador), ambassador.id],
        );
      });
    },
    async ambassadorByCode(code, program) {
      const found = await db.query(
        `SELECT data FROM ${p}ambassadors WHERE code = $1 AND ($2::text IS NULL OR program = $2)`,
        [storedCode(code), program ?? null],
      );
      const row = found.rows[0] as Row | undefined;
      return row ? (json(row.data) as Ambassador) : null;
    },
    stats(query: StatsQuery): Promise<ProgramStats> {
      // One answer reads one moment of the ledger (SNAPSHOT). Through a pool each statement took a
      // connection of its own and read what had committed by then, so that under traffic an answer's
      // days, rows and roles disagreed.
      return transaction((tx) => statsIn(tx, query), SNAPSHOT);
    },
    async eraseCustomer(input): Promise<ErasureResult> {
      const checked = checkErasure(input);
      if (!checked.ok) return checked;
      let erasure = checked.value;
      for (let attempt = 1; ; attempt++) {
        try {
          const rows = await transaction((tx) => eraseCustomerIn(tx, p, erasure));
          return rows === null ? unknownProgram(erasure.program) : { ok: true, value: { rows } };
        } catch (error) {
          if (!(error instanceof ErasureGrew)) throw error;
          if (attempt >= ERASURE_ATTEMPTS)
            throw new Error(
              `[referkit] Could not erase the customer from ${erasure.program}: their orders kept gaining identities while it ran. Try again.`,
            );
          erasure = error.erasure;
        }
      }
    },
    /** Removes idempotency keys older than the retention (at least 7 days); redemptions stay unique forever. */
    async prune(now = new Date()) {
      const before = new Date(now.getTime() - IDEMPOTENCY_RETENTION_DAYS * 86_400_000);
      const removed = await db.query(`DELETE FROM ${p}idempotency WHERE created_at < $1 RETURNING key`, [
        before.toISOString(),
      ]);
      return removed.rows.length;
    },
  };
}

/** `countUpTo` as a SQL LIMIT: `null` (no limit) for none or Infinity. */
function countLimit(countUpTo: number | undefined): number | null {
  return countUpTo !== undefined && Number.isFinite(countUpTo) ? Math.max(0, Math.floor(countUpTo)) : null;
}
