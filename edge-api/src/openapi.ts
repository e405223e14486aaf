// The OpenAPI 3.1 document of every route, its schemas generated from the zod schemas the routes
// check requests with (schemas.ts). openapi.test.ts checks that every route the app serves is here.
import { z } from 'zod';
import * as S from './schemas.ts';

type Schema = z.ZodType;
interface Operation { summary: string; params?: string[]; query?: z.ZodObject; body?: Schema; responses: Record<number, [string, Schema?]> }
const refusals = (...codes: string[]) => error(`refused: ${codes.join(', ')} (the error code)`);

const ref = (s: Schema) => ({ $ref: `#/components/schemas/${z.globalRegistry.get(s)!.id}` });
const error = (why: string): [string, Schema] => [why, S.ErrorBody];
const text: Schema = z.string();

/** A JSON Schema as OpenAPI embeds it: without the standalone document's `$schema` and `$id`. */
function jsonSchema(s: Schema | z.core.JSONSchema.BaseSchema): Record<string, unknown> {
  const { $schema: _, $id: __, ...rest } = s instanceof z.ZodType ? z.toJSONSchema(s, { io: 'input' }) : s;
  return rest;
}

const ROUTES: Record<string, Partial<Record<'get' | 'post', Operation>>> = {
  '/healthz': { get: { summary: 'Alive: the process answers', responses: { 200: ['alive', z.object({ ok: z.boolean() })] } } },
  '/readyz': { get: { summary: 'Ready: the card pool is loaded and the server is not shutting down', responses: { 200: ['ready', z.object({ ok: z.boolean(), cards: z.number(), irHash: z.string() })], 503: ['not ready', z.object({ ok: z.boolean() })] } } },
  '/metrics': { get: { summary: 'Prometheus metrics (text format)', responses: { 200: ['metrics', text] } } },
  '/v1/openapi.json': { get: { summary: 'This document', responses: { 200: ['the OpenAPI document'] } } },
  '/v1/decks/validate': { post: { summary: 'Check a deck list: every problem by line, with suggestions for misspelt cards', body: S.ValidateRequest, responses: { 200: ['the deck, or its problems', S.ValidateResponse], 400: error('bad JSON or a bad field') } } },
  '/v1/cards': { get: { summary: 'The card pool, with rules text rendered from the card IR', query: S.CardQuery, responses: { 200: ['a page of cards', S.CardPage], 400: error('a bad query parameter') } } },
  '/v1/cards/{name}': { get: { summary: 'One card by name (case, apostrophes and spacing ignored)', params: ['name'], responses: { 200: ['the card', S.Card], 404: error('no such card') } } },
  '/v1/predictions': { post: { summary: 'Queue a prediction: a deck against a field', body: S.PredictionRequest, responses: { 202: ['queued; Location names its status', z.object({ id: z.string(), status: z.string() })], 400: error('a bad request, deck list or field'), 503: error('the prediction queue is full; see Retry-After') } } },
  '/v1/predictions/{id}': { get: { summary: 'A prediction\'s status and progress', params: ['id'], responses: { 200: ['status', S.PredictionStatus], 404: error('no such prediction') } } },
  '/v1/contributors': { post: { summary: 'Register an Ed25519 public key under a handle (the same key again is accepted)', body: S.ContributorRequest, responses: { 201: ['registered', S.Contributor], 400: error('a bad field or key (bad-key)'), 409: error('the handle is registered with another key (handle-taken)') } } },
  '/v1/contributors/{handle}': { get: { summary: 'A contributor\'s trust, games (verified, pending, rejected) and credited compute', params: ['handle'], responses: { 200: ['the contributor', S.Contributor], 404: error('no such contributor') } } },
  '/v1/leaderboard': { get: { summary: 'Contributors by verified games, most first (the first 100)', responses: { 200: ['the leaderboard', S.Leaderboard] } } },
  '/v1/jobs/key': { get: { summary: 'The coordinator\'s public key, which signs every ticket', responses: { 200: ['the key', S.CoordinatorKey] } } },
  '/v1/jobs/tickets': { post: { summary: 'A signed ticket for the next batch, for a request signed by the contributor', body: S.TicketRequest, responses: { 201: ['the ticket', S.SignedTicket], 204: ['no work now; ask again after Retry-After'], 400: error('a bad field'), 403: refusals('unknown-contributor', 'bad-signature', 'stale-request'), 429: error('rate limited, or too-many-tickets held; see Retry-After') } } },
  '/v1/jobs/results': { post: { summary: 'Submit a ticket\'s signed result; it is verified by replay in the background', body: S.ResultSubmission, responses: { 202: ['accepted, verification queued (or the same result again)', S.Submission], 400: refusals('bad-request', 'bad-result', 'bad-ticket', 'unknown-ticket'), 403: refusals('unknown-contributor', 'bad-signature', 'not-your-ticket'), 409: refusals('ticket-used', 'ticket-expired') } } },
  '/v1/predictions/{id}/results': { get: { summary: 'A finished prediction: matchups, field win rate, placement, per-card statistics', params: ['id'], responses: { 200: ['the prediction', S.Prediction], 404: error('no such prediction'), 409: error('not done yet') } } },
  '/v1/predictions/{id}/rounds': { get: { summary: 'Each round played so far: games, the field win rate\'s half-width and every matchup\'s estimate (how they narrowed)', params: ['id'], responses: { 200: ['the rounds', S.Rounds], 404: error('no such prediction') } } },
  '/v1/predictions/{id}/replays': { get: { summary: 'A finished prediction\'s sample games: per matchup the first won and the first lost or drawn', params: ['id'], responses: { 200: ['the sample games', S.ReplayList], 404: error('no such prediction'), 409: error('not done yet') } } },
  '/v1/replays/{id}': { get: { summary: 'A sample game re-simulated: its replay record and event log', params: ['id'], responses: { 200: ['the replay', S.Replay], 404: error('no such replay'), 409: error('its prediction is not done'), 410: error('this engine build plays the game differently (replay-gone)') } } },
};

/** Answers every /v1 route may also give (a route's own description of one comes first). */
const COMMON: Record<number, [string, Schema]> = { 413: error('body too large'), 429: error('rate limited; see Retry-After'), 500: error('internal error (no details; the request id is logged)') };

function operation(path: string, o: Operation) {
  const content = (s: Schema) => ({ 'application/json': { schema: s.meta() ? ref(s) : jsonSchema(s) } });
  const responses = Object.fromEntries(Object.entries({ ...(path.startsWith('/v1/') ? COMMON : {}), ...o.responses })
    .map(([status, [description, s]]) => [status, s ? { description, content: s === text ? { 'text/plain': { schema: { type: 'string' } } } : content(s) } : { description }]));
  const query = o.query ? Object.entries(jsonSchema(o.query).properties as object ?? {}).map(([name, schema]) => ({ name, in: 'query', schema })) : [];
  return {
    summary: o.summary,
    parameters: [...(o.params ?? []).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })), ...query],
    ...(o.body ? { requestBody: { required: true, content: content(o.body) } } : {}),
    responses,
  };
}

export function openApiDocument() {
  // every schema schemas.ts names with .meta({ id }) becomes a component
  const { schemas } = z.toJSONSchema(z.globalRegistry, { io: 'input', uri: (id) => `#/components/schemas/${id}` });
  return {
    openapi: '3.1.0',
    info: { title: 'Spellgrid API', version: '0.1.0', description: 'How will your deck fare? See docs/api.md.' },
    paths: Object.fromEntries(Object.entries(ROUTES).map(([path, ops]) => [path, Object.fromEntries(Object.entries(ops).map(([m, o]) => [m, operation(path, o)]))])),
    components: { schemas: Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, jsonSchema(s)])) },
  };
}
