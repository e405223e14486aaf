// Replay records and the event log in plain language.
import { END_REASONS, STEPS, ZONES, type CardPool, type GameOptions } from './engine.ts';
import * as E from '../../assembly/ir/events.ts';

/** A compact, self-contained record that re-simulates one game exactly. */
export interface ReplayRecord {
  format: 'spellgrid-replay/1';
  engine: string;
  irHash: string;
  decks: string[][];
  seed: number;
  onThePlay: number;
  agents: string[];
  decisions: number[];
  digest: string;
}

export function gameOptionsOf(rec: ReplayRecord, pool: CardPool): GameOptions {
  const decks = rec.decks.map((d) => d.map((name) => {
    const c = pool.byName(name);
    if (!c) throw new Error(`replay names a card this pool lacks: "${name}"`);
    return c.index;
  })) as [number[], number[]];
  return { decks, seed: rec.seed, onThePlay: rec.onThePlay as 0 | 1, log: true };
}

const STEP_WORDS: Record<string, string> = {
  untap: 'untap step', upkeep: 'upkeep', draw: 'draw step', main1: 'precombat main phase', beginCombat: 'beginning of combat',
  declareAttackers: 'declare attackers step', declareBlockers: 'declare blockers step', firstStrikeDamage: 'first-strike damage step',
  combatDamage: 'combat damage step', endCombat: 'end of combat step', main2: 'postcombat main phase', end: 'end step', cleanup: 'cleanup step',
};
const COUNTER_WORDS = ['+1/+1', '-1/-1', 'loyalty', 'stun', 'other'];

/**
 * Renders an event log as readable lines. `decks` gives the card of every object the game
 * started with (objects are numbered in deck order); tokens are learnt from their events.
 * `at`, if given, receives each line's event index (the replay viewer maps lines to frames).
 */
export function describeEvents(log: Int32Array, decks: number[][], pool: CardPool, at?: number[]): string[] {
  const cardOf: number[] = decks.flat();
  const name = (obj: number) => pool.card(cardOf[obj] ?? 0).name;
  const who = (p: number) => `Player ${p + 1}`;
  const target = (code: number) => (code >= 0x4000 ? who(code - 0x4000) : name(code));
  const out: string[] = [];
  for (let k = 0; k + 3 < log.length; k += 4) {
    const [t, a, b, c] = [log[k]!, log[k + 1]!, log[k + 2]!, log[k + 3]!];
    switch (t) {
      case E.EV_GAME_START: out.push(`Game starts; ${who(a)} plays first.`); break;
      case E.EV_TURN: out.push(`— Turn ${a}: ${who(b)} —`); break;
      case E.EV_STEP: out.push(`  (${STEP_WORDS[STEPS[a] ?? ''] ?? 'step'})`); break;
      case E.EV_MULLIGAN: out.push(b ? `${who(a)} mulligans.` : `${who(a)} keeps${c ? ` after ${c} mulligan${c > 1 ? 's' : ''}` : ''}.`); break;
      case E.EV_DRAW: out.push(`${who(a)} draws ${name(b)}.`); break;
      case E.EV_ZONE: {
        cardOf[a] = c;
        const from = ZONES[b & 0xff], to = ZONES[b >> 8];
        if (from === 'library' && to === 'hand') break; // told by the draw event
        if (from === 'hand' && to === 'stack') break; // told by the cast event
        if (from === 'none') break;
        out.push(`${name(a)} moves from ${from} to ${to}.`);
        break;
      }
      case E.EV_CAST: cardOf[a] = c; out.push(`${who(b)} casts ${name(a)}.`); break;
      case E.EV_ACTIVATE: out.push(`${who(c)} activates an ability of ${name(a)}.`); break;
      case E.EV_TRIGGER: out.push(`${name(a)}'s ability triggers.`); break;
      case E.EV_RESOLVE: out.push(`${name(a)}${b >= 0 || b <= -2 ? "'s ability" : ''} resolves.`); break;
      case E.EV_COUNTERED: out.push(b ? `${name(a)} has no legal targets and does not resolve.` : `${name(a)} is countered.`); break;
      case E.EV_DAMAGE: out.push(`${name(a)} deals ${c} damage to ${target(b)}.`); break;
      case E.EV_LIFE: out.push(`${who(a)} ${b >= 0 ? 'gains' : 'loses'} ${Math.abs(b)} life (now ${c}).`); break;
      case E.EV_TAP: out.push(`${name(a)} ${b ? 'becomes tapped' : 'untaps'}.`); break;
      case E.EV_COUNTERS: out.push(`${name(a)} ${c >= 0 ? 'gets' : 'loses'} ${Math.abs(c)} ${COUNTER_WORDS[b] ?? ''} counter${Math.abs(c) === 1 ? '' : 's'}.`); break;
      case E.EV_ATTACK: out.push(`${name(a)} attacks ${target(b)}.`); break;
      case E.EV_BLOCK: out.push(`${name(a)} blocks ${name(b)}.`); break;
      case E.EV_TOKEN: cardOf[a] = b; out.push(`${who(c)} creates a ${name(a)} token.`); break;
      case E.EV_ATTACH: out.push(b >= 0 ? `${name(a)} is attached to ${name(b)}.` : `${name(a)} becomes unattached.`); break;
      case E.EV_PT: out.push(`${name(a)} is now ${b}/${c}.`); break;
      case E.EV_SHUFFLE: out.push(`${who(a)} shuffles.`); break;
      case E.EV_LOSE: out.push(`${who(a)} loses the game (${END_REASONS[b] ?? 'rule'}).`); break;
      case E.EV_GAME_END: out.push(a >= 0 ? `${who(a)} wins on turn ${c} (${END_REASONS[b]}).` : `The game is a draw on turn ${c} (${END_REASONS[b]}).`); break;
      default: break; // decisions and mana are not narrated
    }
    if (at) while (at.length < out.length) at.push(k / 4);
  }
  return out;
}
