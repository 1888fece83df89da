// README: the receiver in Hono — it takes a Fetch Request, so it is one line.
import { Hono } from 'hono';
import { receive } from './receiver.js';

export const app = new Hono();
app.post('/api/referrals/events', (c) => receive(c.req.raw));
