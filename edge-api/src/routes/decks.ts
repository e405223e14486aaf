// /v1/decks: deck lists checked by the engine's own parser, every problem at once.
import { Hono } from 'hono';
import type { CardPool } from '@spellgrid/engine-as/src/host/engine.ts';
import type { DeckEntry } from '@spellgrid/engine-as/src/host/deck.ts';
import { jsonBody } from '../errors.ts';
import { parseList } from '../decks.ts';
import { ValidateRequest, type ValidateResponse } from '../schemas.ts';
import type { z } from 'zod';

const entries = (es: DeckEntry[]) => es.map((e) => ({ name: e.name, count: e.count }));

export function decks(pool: CardPool) {
  return new Hono().post('/validate', async (c) => {
    const { list, format } = await jsonBody(c, ValidateRequest);
    const r = parseList(list, pool, format);
    const body: z.infer<typeof ValidateResponse> = r.ok
      ? { ok: true, deck: { name: r.deck.name ?? null, cards: entries(r.deck.main), sideboard: entries(r.deck.sideboard), size: r.deck.main.reduce((n, e) => n + e.count, 0) } }
      : { ok: false, errors: r.errors.map((e) => ({ line: e.line, text: e.text, code: e.code, message: e.message, ...(e.suggestions?.length ? { suggestion: e.suggestions[0]! } : {}) })) };
    return c.json(body);
  });
}
