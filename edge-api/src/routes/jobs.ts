// /v1/jobs: the signed job exchange over HTTP (docs/volunteers.md). A contributor proves its key
// to get a ticket, plays it, and submits the signed result; the result is verified in the
// background and only then reaches a prediction.
import { Hono } from 'hono';
import { verifyValue } from '@spellgrid/backend/src/volunteer/signature.ts';
import { ApiError, jsonBody, refused } from '../errors.ts';
import type { TakeToken } from '../middleware/rate-limit.ts';
import { ResultSubmission, TicketRequest } from '../schemas.ts';
import type { Volunteers } from '../volunteers.ts';

/** How far a ticket request's `at` may be from the server's clock: a captured request soon goes stale. */
const REQUEST_WINDOW_MS = 60_000;
/** Seconds a contributor is told to wait when there is no work or it holds too many tickets. */
const RETRY_SECONDS = 5;

export function jobs(v: Volunteers, perContributor: TakeToken, now: () => number = Date.now) {
  return new Hono()
    .get('/key', async (c) => c.json({ publicKey: (await v.coordinator()).publicKey }))
    .post('/tickets', async (c) => {
      const { request, signature } = await jsonBody(c, TicketRequest);
      perContributor(c, request.handle);
      const coordinator = await v.coordinator();
      const who = await coordinator.contributor(request.handle);
      if (!who) throw new ApiError(403, 'unknown-contributor', `no contributor is registered as "${request.handle}"`, 'request.handle');
      if (!verifyValue(request, signature, who.publicKey)) throw new ApiError(403, 'bad-signature', `the request's signature does not verify under "${request.handle}"'s key`, 'signature');
      if (Math.abs(now() - request.at) > REQUEST_WINDOW_MS) throw new ApiError(403, 'stale-request', `request.at is more than ${REQUEST_WINDOW_MS / 1000} s from the server's clock (${now()})`, 'request.at');
      const t = await coordinator.issue(request.handle);
      if (!t.ok && t.code === 'no-work') return c.body(null, 204, { 'Retry-After': String(RETRY_SECONDS) });
      if (!t.ok) {
        if (t.code === 'too-many-tickets') c.header('Retry-After', String(RETRY_SECONDS));
        throw refused(t);
      }
      return c.json(t.value, 201);
    })
    .post('/results', async (c) => {
      const { handle, ...signed } = await jsonBody(c, ResultSubmission);
      perContributor(c, handle);
      const s = await (await v.coordinator()).submit(handle, signed);
      if (!s.ok) throw refused(s);
      if (!s.value.duplicate) v.verifyLater(s.value.ticket);
      return c.json(s.value, 202);
    });
}
