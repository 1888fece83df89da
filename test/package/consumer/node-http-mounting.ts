// Runs the events README's node:http mounting (the block's file is the argument) as a brand's server
// would, in a process of its own, and prints the status line each client got ('' for none). A handler
// that rejects ends the process (Node exits on an unhandled rejection), so the clients after the one
// that hangs up mid-body show the server survived it.
import http from 'node:http';
import net from 'node:net';
import { pathToFileURL } from 'node:url';
import { ambassadorSchema, createReceiver, memoryStore, programSchema } from '@referkit/events';

const program = programSchema.parse({
  id: 'spring-2026',
  brand: 'Acme',
  currency: 'USD',
  friendOffer: { kind: 'percent', percent: 15 },
  ambassadorReward: { basis: 'fixed', type: 'credit', amount: 1000 },
});
const store = memoryStore();
await store.upsertAmbassador(
  program,
  ambassadorSchema.parse({ id: 'amb_1', code: 'ALEX-7HC2QK', displayName: 'Alex', joinedAt: '2026-01-10T00:00:00Z' }),
);

// The block declares `receive` and creates a server without listening: give it the one, keep the other.
const receive = createReceiver({
  programs: [program],
  store,
  confirmOrder: () => true,
  resolveCode: (code, program) => store.ambassadorByCode(code, program),
  bodyTimeoutMs: 500,
});
Object.assign(globalThis, { receive });
const servers: http.Server[] = [];
const createServer = http.createServer;
http.createServer = ((...args: unknown[]) => {
  const server = Reflect.apply(createServer, http, args) as http.Server;
  servers.push(server);
  return server;
}) as typeof http.createServer;
await import(pathToFileURL(process.argv[2] ?? '').href);
const [server] = servers;
if (!server) throw new Error('The README block created no server.');
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as net.AddressInfo;

/** Sends a request head and body bytes; `more` keeps sending until answered (an endless body). */
function exchange(head: string, body: string, { hangUp = false, more = '' } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer.split('\r\n')[0] ?? '');
    };
    const timer = setTimeout(done, 3000);
    socket.on('data', (data) => {
      answer += data;
      if (answer.includes('\r\n\r\n')) done();
    });
    socket.on('error', () => {});
    socket.on('close', done);
    socket.write(`POST / HTTP/1.1\r\nHost: shop.example\r\n${head}\r\n${body}`);
    if (hangUp) setTimeout(done, 100);
    const send = () => {
      if (more && !answer && !socket.destroyed) socket.write(more, send);
    };
    send();
  });
}

/**
 * Posts bodies one after another through a keep-alive agent of one socket, as a Node sender does, and
 * gives each status ('' for none in 3 s): an answer given before the body was read must not leave
 * the connection the next event goes on hung.
 */
async function keepAlive(bodies: string[]): Promise<string[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const statuses: string[] = [];
  for (const body of bodies) {
    statuses.push(
      await new Promise<string>((resolve) => {
        const request = http.request({
          host: '127.0.0.1',
          port,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json' },
        });
        request.setTimeout(3000, () => request.destroy());
        request.on('response', (response) => response.resume().on('end', () => resolve(`${response.statusCode}`)));
        request.on('error', () => resolve(''));
        request.end(body);
      }),
    );
  }
  agent.destroy();
  return statuses;
}

const json = 'Content-Type: application/json\r\n';
const landing = JSON.stringify({
  v: 1,
  id: 'evt_V1StGXR8Z5jdHi6BmyT',
  type: 'landing',
  program: 'spring-2026',
  code: 'ALEX-7HC2QK',
  occurredAt: new Date().toISOString(),
});
const chunk = 'x'.repeat(16 * 1024);
const answers = {
  hungUp: await exchange(`${json}Content-Length: 100\r\n`, '{"v":', { hangUp: true }),
  stalled: await exchange(`${json}Content-Length: 100\r\n`, '{"v":'),
  endless: await exchange(`${json}Transfer-Encoding: chunked\r\n`, '', {
    more: `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
  }),
  landing: await exchange(`${json}Content-Length: ${landing.length}\r\n`, landing),
  keepAlive: await keepAlive(['x'.repeat(100_000), landing.replace('BmyT', 'BmyK')]),
};
console.log(JSON.stringify(answers));
server.closeAllConnections();
server.close();
