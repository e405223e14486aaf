// /v1/cards: the card pool the engine implements, with rules text rendered from the card IR.
import { Hono } from 'hono';
import type { CardMeta, CardPool } from '@spellgrid/engine-as/src/host/engine.ts';
import { ApiError, check } from '../errors.ts';
import { CardQuery, type Card } from '../schemas.ts';
import type { z } from 'zod';

const view = ({ index: _, givenName: __, ...card }: CardMeta): z.infer<typeof Card> => card;

export function cards(pool: CardPool) {
  const all = pool.meta.cards.map(view);
  return new Hono()
    .get('/', (c) => {
      const { q, offset, limit } = check(CardQuery, c.req.query());
      const needle = q?.toLowerCase();
      const found = needle ? all.filter((k) => [k.name, k.typeLine, k.text].some((s) => s.toLowerCase().includes(needle))) : all;
      return c.json({ total: found.length, offset, limit, cards: found.slice(offset, offset + limit) });
    })
    .get('/:name', (c) => {
      const card = pool.byName(c.req.param('name'));
      if (!card) throw new ApiError(404, 'not-found', `no card named "${c.req.param('name')}" in the pool`, 'name');
      return c.json(view(card));
    });
}
