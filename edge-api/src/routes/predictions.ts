// /v1/predictions: a deck against a field, queued and played by the prediction service; and
// /v1/replays: its sample games, re-simulated on the server's engine.
import { Hono } from 'hono';
import type { CardPool } from '@spellgrid/engine-as/src/host/engine.ts';
import { deckCards } from '@spellgrid/engine-as/src/host/engine.ts';
import type { Deck } from '@spellgrid/engine-as/src/host/jobs.ts';
import { checkField, type Field } from '@spellgrid/backend/src/field.ts';
import { beginnerBoxField, sealedField } from '@spellgrid/backend/src/fields.ts';
import { ApiError, jsonBody } from '../errors.ts';
import { bundledDeck, parseList, type Format } from '../decks.ts';
import { PredictionRequest } from '../schemas.ts';
import type { PredictionService } from '@spellgrid/backend/src/predictions/service.ts';
import type { PredictionRecord } from '@spellgrid/backend/src/predictions/store.ts';
import { parseReplayId, replayGame, replayId, ReplayDiverged } from '@spellgrid/backend/src/predictions/replays.ts';
import type { Engine } from '@spellgrid/engine-as/src/host/engine.ts';
import type { z } from 'zod';

const unknownDeck = (name: string, field: string) =>
  new ApiError(400, 'bad-deck', `no bundled deck named "${name}" (see \`npx spellgrid decks\`; or join two Beginner Box half-decks with "+", e.g. Cats+Elves)`, field);

function resolveDeck(req: z.infer<typeof PredictionRequest>, pool: CardPool): Deck {
  if (req.deck !== undefined) {
    const d = bundledDeck(req.deck);
    if (!d) throw unknownDeck(req.deck, 'deck');
    return d;
  }
  const r = parseList(req.list!, pool, req.format);
  if (!r.ok) throw new ApiError(400, 'bad-deck', 'the deck list has problems', 'list', r.errors);
  return { name: r.deck.name ?? 'your deck', cards: deckCards(r.deck) };
}

function resolveField(field: z.infer<typeof PredictionRequest>['field'], pool: CardPool, format: Format): Field<Deck> {
  if (field === 'default') return beginnerBoxField();
  if (field === 'sealed') return sealedField();
  // A field deck with a line break is a list, else a bundled deck's name (never a file).
  const r = checkField<Deck>(field, (deck, name) => {
    if (!deck.includes('\n')) { const d = bundledDeck(deck); return d ? { ok: true, deck: { name, cards: d.cards } } : { ok: false, errors: [{ line: 0, message: unknownDeck(deck, 'field').message }] }; }
    const p = parseList(deck, pool, format);
    return p.ok ? { ok: true, deck: { name, cards: deckCards(p.deck) } } : { ok: false, errors: p.errors };
  });
  if (!r.ok) throw new ApiError(400, 'bad-field', r.errors.map((e) => e.message).join('; '), 'field', r.errors);
  return r.field;
}

/** The prediction `id` if it is done; 404 if there is none, 409 if it is not done. */
async function donePrediction(service: PredictionService, id: string, field: string): Promise<PredictionRecord & { result: NonNullable<PredictionRecord['result']> }> {
  const p = await service.record(id);
  if (!p) throw new ApiError(404, 'not-found', `no prediction with id "${id}"`, field);
  if (!p.result) throw new ApiError(409, 'not-done', `prediction ${p.id} is ${p.status}, not done`, field);
  return p as PredictionRecord & { result: NonNullable<PredictionRecord['result']> };
}

export function predictions(service: PredictionService, pool: CardPool) {
  return new Hono()
    .post('/', async (c) => {
      const req = await jsonBody(c, PredictionRequest);
      const deck = resolveDeck(req, pool);
      const field = resolveField(req.field, pool, req.format);
      const s = await service.submit({ deck, field, target: req.target, budget: req.budget, seed: req.seed, compute: req.compute });
      if (!s) {
        c.header('Retry-After', '60');
        throw new ApiError(503, 'unavailable', 'too many predictions are waiting; try again later');
      }
      return c.json({ id: s.id, status: s.status }, 202, { Location: `/v1/predictions/${s.id}` });
    })
    .get('/:id', async (c) => {
      const s = await service.status(c.req.param('id'));
      if (!s) throw new ApiError(404, 'not-found', `no prediction with id "${c.req.param('id')}"`, 'id');
      return c.json(s);
    })
    .get('/:id/results', async (c) => c.json((await donePrediction(service, c.req.param('id'), 'id')).result))
    .get('/:id/rounds', async (c) => {
      const rounds = await service.rounds(c.req.param('id'));
      if (!rounds) throw new ApiError(404, 'not-found', `no prediction with id "${c.req.param('id')}"`, 'id');
      return c.json({ rounds });
    })
    .get('/:id/replays', async (c) => {
      const p = await donePrediction(service, c.req.param('id'), 'id');
      return c.json({ replays: p.result.replays.map((r) => ({ id: replayId(p.id, r), ...r })) });
    });
}

export function replays(service: PredictionService, engine: () => Promise<Engine>) {
  return new Hono().get('/:id', async (c) => {
    const id = c.req.param('id');
    const named = parseReplayId(id);
    const p = named && await service.record(named.prediction);
    if (p && !p.result) throw new ApiError(409, 'not-done', `prediction ${p.id} is ${p.status}: its replays are chosen when it is done`, 'id');
    const sample = p?.result?.replays.find((r) => r.matchup === named!.matchup && r.game === named!.game);
    if (!p || !sample) throw new ApiError(404, 'not-found', `no replay with id "${id}" (a prediction's replays are listed at /v1/predictions/{id}/replays)`, 'id');
    try {
      return c.json(replayGame(await engine(), p, sample));
    } catch (e) {
      if (e instanceof ReplayDiverged) throw new ApiError(410, 'replay-gone', e.message, 'id');
      throw e;
    }
  });
}
