// Event types of the engine's log, shared by the AssemblyScript engine and the TypeScript host
// (common subset of both languages: integer constants only). Each event is four words
// [type, a, b, c]; the comments give a, b and c.
export const EV_GAME_START = 1; // a: starting player, b: seed
export const EV_TURN = 2; // a: turn number, b: active player
export const EV_STEP = 3; // a: step
export const EV_ZONE = 4; // a: object, b: from zone | to zone << 8, c: card
export const EV_CAST = 5; // a: object, b: player, c: card
export const EV_ACTIVATE = 6; // a: source object, b: ability index, c: player
export const EV_TRIGGER = 7; // a: source object, b: ability index, c: player
export const EV_RESOLVE = 8; // a: object, b: ability index (-1 for a spell)
export const EV_COUNTERED = 9; // a: object, b: 1 if it fizzled (no legal targets)
export const EV_DAMAGE = 10; // a: source object, b: recipient code, c: amount
export const EV_LIFE = 11; // a: player, b: change, c: new life
export const EV_TAP = 12; // a: object, b: 1 tapped / 0 untapped
export const EV_COUNTERS = 13; // a: object, b: counter kind, c: change
export const EV_ATTACK = 14; // a: attacker, b: attack target code
export const EV_BLOCK = 15; // a: blocker, b: attacker
export const EV_DECISION = 16; // a: player, b: decision kind, c: chosen option code
export const EV_MULLIGAN = 17; // a: player, b: 1 mulligan / 0 keep, c: mulligans so far
export const EV_GAME_END = 18; // a: winner (-1 draw), b: reason, c: turn
export const EV_DRAW = 19; // a: player, b: object
export const EV_SHUFFLE = 20; // a: player
export const EV_TOKEN = 21; // a: object, b: card, c: controller
export const EV_ATTACH = 22; // a: object, b: attached to (-1 unattached)
export const EV_PT = 23; // a: object, b: power, c: toughness (after layers, when it changes)
export const EV_MANA = 24; // a: player, b: color (0-5), c: amount added
export const EV_CONTROL = 25; // a: object, b: new controller
export const EV_LOSE = 26; // a: player, b: reason
