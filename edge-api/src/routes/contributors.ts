// /v1/contributors and /v1/leaderboard: volunteers register a public key under a handle; anyone
// may read a contributor's stats and the leaderboard, with the residual guard's flags.
import { Hono } from 'hono';
import type { ContributorStats } from '@spellgrid/backend/src/volunteer/coordinator.ts';
import { ApiError, jsonBody, refused } from '../errors.ts';
import { ContributorRequest, type Contributor } from '../schemas.ts';
import type { Volunteers } from '../volunteers.ts';
import type { z } from 'zod';

/** Entries on the leaderboard. */
const LEADERBOARD_SIZE = 100;

/** A contributor as served: `flagged` and `flaggedMatchups` (z and decided games per matchup) beside the schema's fields. */
type View = z.infer<typeof Contributor> & Pick<ContributorStats, 'flagged' | 'flaggedMatchups'>;
const view = (c: ContributorStats): View => ({ ...c, registeredAt: new Date(c.registeredAt).toISOString() });

export function contributors(v: Volunteers) {
  return new Hono()
    .post('/contributors', async (c) => {
      const { handle, publicKey } = await jsonBody(c, ContributorRequest);
      const coordinator = await v.coordinator();
      const r = await coordinator.register(handle, publicKey);
      if (!r.ok) throw refused(r, r.code === 'handle-taken' ? 'handle' : 'publicKey');
      return c.json(view((await coordinator.stats(handle))!), 201, { Location: `/v1/contributors/${handle}` });
    })
    .get('/contributors/:handle', async (c) => {
      const handle = c.req.param('handle');
      const found = await (await v.coordinator()).stats(handle);
      if (!found) throw new ApiError(404, 'not-found', `no contributor is registered as "${handle}"`, 'handle');
      return c.json(view(found));
    })
    .get('/leaderboard', async (c) => c.json({ contributors: (await (await v.coordinator()).leaderboard()).slice(0, LEADERBOARD_SIZE).map(view) }));
}
