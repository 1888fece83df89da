// README: the receiver in a Next.js route handler, app/api/referrals/events/route.ts.
import { receive } from './receiver.js';

export async function POST(request: Request): Promise<Response> {
  return receive(request);
}
