// The API's request and response shapes as zod schemas: the routes check requests with them and
// the OpenAPI document (openapi.ts) is generated from them, so the two cannot drift apart.
import { z } from 'zod';
import { REQUEST_DEFAULTS } from '@spellgrid/backend/src/request.ts';
import { FORMATS } from './decks.ts';

const MAX_LIST_CHARS = 100_000;
const deckList = z.string().min(1).max(MAX_LIST_CHARS).describe('a deck list in MTG Arena or Magic Online text form');
const format = z.enum(Object.keys(FORMATS) as [keyof typeof FORMATS]).default('default')
  .describe('deck rules: default (40+ cards, 4 copies), constructed (60+, 4), limited (40+, any number)');

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional().describe('the request field at fault'),
    details: z.unknown().optional().describe('every problem, for bad-deck and bad-field'),
  }),
}).meta({ id: 'Error' });

export const ValidateRequest = z.object({ list: deckList, format }).meta({ id: 'ValidateRequest' });

export const DeckProblem = z.object({
  line: z.number().int().describe('1-based; 0 for the whole deck'),
  text: z.string().describe('the line as written'),
  code: z.string(),
  message: z.string(),
  suggestion: z.string().optional().describe('the closest card name, for an unknown card'),
}).meta({ id: 'DeckProblem' });

const entry = z.object({ name: z.string(), count: z.number().int() });
export const ValidateResponse = z.union([
  z.object({
    ok: z.literal(true),
    deck: z.object({ name: z.string().nullable(), cards: z.array(entry), sideboard: z.array(entry), size: z.number().int() }),
  }),
  z.object({ ok: z.literal(false), errors: z.array(DeckProblem) }),
]).meta({ id: 'ValidateResponse' });

export const CardQuery = z.object({
  q: z.string().max(100).optional().describe('case-insensitive substring of the name, type line or rules text'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const Card = z.object({
  name: z.string(),
  manaCost: z.string(),
  manaValue: z.number(),
  colors: z.array(z.string()),
  typeLine: z.string(),
  power: z.union([z.number(), z.literal('*')]).nullable(),
  toughness: z.union([z.number(), z.literal('*')]).nullable(),
  loyalty: z.number().nullable(),
  text: z.string().describe('rules text rendered from the compiled card IR'),
  token: z.boolean(),
  partial: z.string().optional().describe('what is not implemented yet, for a partly implemented card'),
}).meta({ id: 'Card' });

export const CardPage = z.object({ total: z.number().int(), offset: z.number().int(), limit: z.number().int(), cards: z.array(Card) })
  .meta({ id: 'CardPage' });

const fieldObject = z.object({
  name: z.string().min(1).max(200),
  decks: z.array(z.object({
    name: z.string().min(1).max(200),
    share: z.number().positive().max(1),
    deck: z.string().min(1).max(MAX_LIST_CHARS).describe('deck-list text, or a bundled deck name'),
  })).min(1).max(64),
});

export const PredictionRequest = z.object({
  deck: z.string().min(1).max(200).optional().describe('a bundled deck name, e.g. boros-aggro or Cats+Elves'),
  list: deckList.optional(),
  format,
  field: z.union([z.enum(['default', 'sealed']), fieldObject]).default('default')
    .describe('a bundled field, or a field object whose shares sum to 1'),
  target: z.number().gt(0).lt(0.5).optional().describe(`the 95% half-width to stop at (default ${REQUEST_DEFAULTS.target})`),
  budget: z.number().int().min(2).max(REQUEST_DEFAULTS.budget).optional().describe(`most games to play (default and most ${REQUEST_DEFAULTS.budget})`),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  compute: z.enum(['cluster', 'volunteers']).default('cluster').describe('who plays the games: the server\'s workers, or volunteers (verified by replay)'),
}).refine((r) => (r.deck === undefined) !== (r.list === undefined), { message: 'give exactly one of deck (a bundled deck name) and list (deck-list text)', path: ['deck'] })
  .meta({ id: 'PredictionRequest' });

export const PredictionStatus = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.object({ games: z.number().int(), halfWidth: z.number().nullable(), etaSeconds: z.number().nullable() }),
  error: z.string().optional(),
}).meta({ id: 'PredictionStatus' });

/** Backend's Prediction (backend/src/predict.ts), described by its top-level fields. */
export const Prediction = z.object({
  deck: z.string(), field: z.string(), agents: z.array(z.string()), seed: z.number().int(), games: z.number().int(),
  stop: z.enum(['target', 'budget', 'decided']),
  winRate: z.object({ value: z.number(), interval: z.array(z.number()), halfWidth: z.number() }),
  matchups: z.array(z.record(z.string(), z.unknown())).describe('per opponent: share, games, wins, losses, draws, winRate, interval'),
  placement: z.record(z.string(), z.unknown()).describe('the simulated Swiss event: players, rounds, top cut, P(top cut), records'),
  cards: z.array(z.record(z.string(), z.unknown())).describe('per card: in hand, not seen, IWD, opening hand, cast'),
  replays: z.array(z.record(z.string(), z.unknown())).describe('sample games: per matchup the first won and the first lost or drawn'),
}).meta({ id: 'Prediction' });

export const Rounds = z.object({
  rounds: z.array(z.object({
    games: z.number().int(), halfWidth: z.number().describe('the field win rate\'s 95% half-width after the round'),
    matchups: z.array(z.object({
      games: z.number().int(), wins: z.number().int(), losses: z.number().int(), draws: z.number().int(),
      winRate: z.number().nullable(), interval: z.array(z.number()).describe('95% Wilson interval'),
    })).describe('per opponent, in field order'),
  })),
}).meta({ id: 'Rounds' });

const sampleReplay = {
  id: z.string().describe('<prediction>.<matchup>.<game>: GET /v1/replays/{id}'),
  matchup: z.number().int(), opponent: z.string(), game: z.number().int().describe('the game\'s number within its matchup'),
  seed: z.number().int(), onThePlay: z.number().int(), winner: z.number().int().nullable(), reason: z.string(), turns: z.number().int(),
  digest: z.string().describe('the engine\'s digest of the end state'),
};
export const ReplayList = z.object({ replays: z.array(z.object(sampleReplay)) }).meta({ id: 'ReplayList' });

export const Replay = z.object({
  ...sampleReplay,
  prediction: z.string(),
  record: z.object({
    format: z.literal('spellgrid-replay/1'), engine: z.string(), irHash: z.string(), decks: z.array(z.array(z.string())),
    seed: z.number().int(), onThePlay: z.number().int(), agents: z.array(z.string()), decisions: z.array(z.number().int()), digest: z.string(),
  }).describe('re-simulates the game exactly (spellgrid replay --load)'),
  events: z.array(z.string()).describe('the game in plain language'),
}).meta({ id: 'Replay' });

const handle = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, '1 to 32 letters, digits, _ or -').describe('a contributor\'s handle');
const base64 = z.string().min(1).max(4096);

export const ContributorRequest = z.object({
  handle,
  publicKey: base64.describe('Ed25519 public key: raw 32 bytes in base64 (WebCrypto exportKey("raw")) or SPKI PEM'),
}).meta({ id: 'ContributorRequest' });

export const Contributor = z.object({
  handle: z.string(),
  publicKey: z.string().describe('raw base64'),
  registeredAt: z.string().describe('ISO 8601'),
  trust: z.number().int().describe('batches verified since the last mismatch'),
  verifiedGames: z.number().int(), pendingGames: z.number().int(), rejectedGames: z.number().int(),
  computeSeconds: z.number().describe('seconds credited for verified batches'),
  flagged: z.boolean().describe('the residual guard flags a matchup: every game of its batches is replayed'),
  flaggedMatchups: z.array(z.object({ matchup: z.string(), z: z.number(), games: z.number().int() })).describe('the flagged matchups; [] when not flagged'),
}).meta({ id: 'Contributor' });

export const Leaderboard = z.object({ contributors: z.array(Contributor) }).meta({ id: 'Leaderboard' });

export const TicketRequest = z.object({
  request: z.object({ handle, at: z.number().int().describe('milliseconds since the epoch, within a minute of the server\'s clock') }),
  signature: base64.describe('Ed25519 signature (base64) of canonical(request) by the handle\'s key'),
}).meta({ id: 'TicketRequest' });

const deck = z.object({ name: z.string(), cards: z.array(z.number().int()) });
export const SignedTicket = z.object({
  ticket: z.object({
    id: z.string(),
    job: z.object({ id: z.string(), decks: z.array(deck), agents: z.array(z.string()), seed: z.number().int(), games: z.number().int(), facts: z.boolean().optional(), engine: z.string(), irHash: z.string() }),
    engine: z.string(), irHash: z.string(), deckHashes: z.array(z.string()),
    issuedAt: z.number().int(), expiresAt: z.number().int(), assignee: z.string(),
  }),
  signature: z.string().describe('the coordinator\'s Ed25519 signature (base64) of canonical(ticket)'),
}).meta({ id: 'SignedTicket' });

const game = z.object({
  game: z.number().int().min(0), seed: z.number().int(), onThePlay: z.number().int(),
  winner: z.union([z.literal(0), z.literal(1), z.null()]), reason: z.string().max(200), turns: z.number().int().min(0),
  digest: z.string().max(200), cards: z.array(z.number().int()).max(10_000).optional(),
});

export const ResultSubmission = z.object({
  handle,
  result: z.object({
    ticketId: z.string().max(500), ticketSignature: base64, games: z.array(game).max(10_000),
    batchDigest: z.string().max(200), seconds: z.number().min(0).optional(),
  }),
  signature: base64.describe('Ed25519 signature (base64) of canonical(result) by the handle\'s key'),
}).meta({ id: 'ResultSubmission' });

export const Submission = z.object({
  ticket: z.string(),
  state: z.enum(['submitted', 'verified', 'rejected']),
  duplicate: z.boolean().describe('true for the same result sent again (nothing counted twice)'),
}).meta({ id: 'Submission' });

export const CoordinatorKey = z.object({ publicKey: z.string().describe('Ed25519, raw base64: tickets are signed with it') }).meta({ id: 'CoordinatorKey' });
