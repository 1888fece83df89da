/**
 * The receiver over HTTP: a node:http server on 127.0.0.1 in this process, and a bounded load
 * (a fixed number of requests in flight over keep-alive connections) from a second process.
 * Reports requests/s and latency percentiles; run with no argument.
 */
import { fork } from 'node:child_process';
import { Agent, createServer, type IncomingMessage, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createReceiver, memoryStore, signEvent } from '../packages/events/src/index.js';
import { anAmbassador, aProgram } from '../packages/events/src/testing/fixtures.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const TOTAL = 20_000;
const IN_FLIGHT = 32;
const MAX_BODY = 65_536;

if (process.argv[2] === 'load') await load(Number(process.argv[3]));
else await serve();

async function serve() {
  // The receiver tests' program (15% off, $10 credit) and Alex, so the figure is of the same path.
  const program = aProgram();
  const alex = anAmbassador();
  const store = memoryStore();
  await store.upsertAmbassador(program, alex);
  const receive = createReceiver({
    programs: [program],
    store,
    secret: SECRET,
    resolveCode: (code, program) => store.ambassadorByCode(code, program),
  });

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const answer =
      body === null
        ? { status: 413, body: { error: { code: 'payload_too_large', message: 'Too large' } } }
        : await receive.handle({ method: req.method, headers: req.headers as Record<string, string>, body });
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const child = fork(fileURLToPath(import.meta.url), ['load', String(port)], { execArgv: ['--import', 'tsx'] });
  const report = await new Promise<Record<string, number>>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Record<string, number>));
    child.once('exit', (code) => code !== 0 && reject(new Error(`load process exited with ${code}`)));
  });
  server.close();
  server.closeAllConnections();
  const format = (value: number | undefined) => (value ?? 0).toLocaleString('en-US', { maximumFractionDigits: 2 });
  console.log(
    `${TOTAL.toLocaleString('en-US')} signed redemptions, ${IN_FLIGHT} in flight, keep-alive, node:http on 127.0.0.1`,
  );
  console.table({
    'requests/s': format(report.perSec),
    'p50 ms': format(report.p50),
    'p99 ms': format(report.p99),
    'max ms': format(report.max),
    '201 recorded': format(report.recorded),
    'other statuses': format(report.other),
  });
}

/** Reads a body counting bytes, as the Fetch receiver does; `null` past the limit. */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function load(port: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  const deliveries: { headers: Record<string, string>; body: string }[] = [];
  const now = new Date();
  for (let index = 0; index < TOTAL; index++) {
    const id = `evt_http${String(index).padStart(12, '0')}`;
    const body = JSON.stringify({
      v: 1,
      id,
      type: 'redemption',
      program: 'spring-2026',
      code: 'ALEX-7HC2QK',
      occurredAt: new Date(now.getTime() - 1000).toISOString(),
      orderId: `http-${index}`,
      order: { currency: 'USD', subtotal: 5999, discount: 900, total: 5099 },
      customer: { id: `c_${index}`, firstOrder: true },
    });
    deliveries.push({
      headers: {
        'content-type': 'application/json',
        ...(await signEvent({ secret: SECRET, id, timestamp: now, body })),
      },
      body,
    });
  }
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const send = (delivery: { headers: Record<string, string>; body: string }) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/api/referrals/events', method: 'POST', agent, headers: delivery.headers },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(delivery.body);
    });
  const worker = async () => {
    while (next < deliveries.length) {
      const delivery = deliveries[next++] as { headers: Record<string, string>; body: string };
      const started = performance.now();
      const status = await send(delivery);
      latencies.push(performance.now() - started);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  process.send?.({
    perSec: TOTAL / seconds,
    p50: at(0.5),
    p99: at(0.99),
    max: latencies.at(-1),
    recorded: statuses.get(201) ?? 0,
    other: TOTAL - (statuses.get(201) ?? 0),
  });
  agent.destroy();
  process.exit(0);
}
