// Read access to the loaded card IR (see ir/spec.ts). The IR is immutable after loading and
// lives outside the game state, so clones never copy it.
import * as S from './ir/spec';

let IR: usize = 0;
let cardOff: i32 = 0;
let abilOff: i32 = 0;
let filterOff: i32 = 0;
let tspecOff: i32 = 0;
let cardCount: i32 = 0;
let abilCount: i32 = 0;
// per card, 64 bits: bit (1 << TRIG_*) for every trigger the card has (TRIG_* < 60), plus the
// TM_* summary bits
let trigMask: usize = 0;

export const TM_STATIC: u64 = 1 << 63;
export const TM_REPLACEMENT: u64 = 1 << 62;
export const TM_MANA: u64 = 1 << 61;
export const TM_GRAVEYARD: u64 = 1 << 60; // an activated (black) or triggered (red: Flamewake Phoenix) ability that works from the graveyard
// @ts-ignore: decorator
@inline export function trigBit(trig: i32): u64 { return (<u64>1) << <u64>trig; }

// @ts-ignore: decorator
@inline export function irWord(i: i32): i32 { return load<i32>(IR + (<usize>i << 2)); }

export function irLoad(base: usize, words: i32): i32 {
  IR = base;
  if (words < S.HDR_WORDS || irWord(S.HDR_MAGIC) != S.IR_MAGIC) return 1;
  if (irWord(S.HDR_VERSION) != S.IR_VERSION) return 2;
  cardCount = irWord(S.HDR_CARD_COUNT);
  cardOff = irWord(S.HDR_CARD_OFF);
  abilCount = irWord(S.HDR_ABIL_COUNT);
  abilOff = irWord(S.HDR_ABIL_OFF);
  filterOff = irWord(S.HDR_FILTER_OFF);
  tspecOff = irWord(S.HDR_TSPEC_OFF);
  trigMask = heap.alloc(<usize>(cardCount << 3));
  for (let c = 0; c < cardCount; c++) {
    let m: u64 = 0;
    const start = card(c, S.CARD_ABIL_START);
    const n = card(c, S.CARD_ABIL_COUNT);
    for (let a = start; a < start + n; a++) {
      const k = abil(a, S.AB_KIND);
      if (k == S.ABK_TRIGGERED) m |= trigBit(abil(a, S.AB_TRIGGER));
      else if (k == S.ABK_STATIC) m |= TM_STATIC;
      else if (k == S.ABK_REPLACEMENT) m |= TM_REPLACEMENT;
      else if (k == S.ABK_MANA) m |= TM_MANA;
      if ((k == S.ABK_ACTIVATED || k == S.ABK_TRIGGERED) && abil(a, S.AB_ZONE) == S.ZONE_GRAVEYARD) m |= TM_GRAVEYARD;
    }
    store<u64>(trigMask + (<usize>c << 3), m);
  }
  return 0;
}

// @ts-ignore: decorator
@inline export function card(c: i32, field: i32): i32 { return irWord(cardOff + c * S.CARD_WORDS + field); }
// @ts-ignore: decorator
@inline export function abil(a: i32, field: i32): i32 { return irWord(abilOff + a * S.ABIL_WORDS + field); }
// @ts-ignore: decorator
@inline export function filt(f: i32, field: i32): i32 { return irWord(filterOff + f * S.FILTER_WORDS + field); }
// @ts-ignore: decorator
@inline export function tspec(t: i32, field: i32): i32 { return irWord(tspecOff + t * S.TSPEC_WORDS + field); }
// @ts-ignore: decorator
@inline export function cardMask(c: i32): u64 { return load<u64>(trigMask + (<usize>c << 3)); }

// Decoded mana (cost or amount): generic, X count and one count per color W U B R G C.
export function manaGeneric(a: i32): i32 { return a & S.MANA_GENERIC_MASK; }
export function manaXCount(a: i32): i32 { return (a >> S.MANA_X_SHIFT) & 0xf; }
export function manaColor(b: i32, color: i32): i32 { return (b >> (color << 2)) & 0xf; }
export function manaTotalColored(b: i32): i32 {
  let n = 0;
  for (let c = 0; c < 6; c++) n += manaColor(b, c);
  return n;
}
