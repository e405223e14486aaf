// Green cards of Foundations. Each definition is preceded by its printed rules text.
import * as S from '../../../assembly/ir/spec.ts';
import {
  addMana, atYourEndStep, basicLandCard, bite, card, count, createToken, doubleCounters, fight, grant,
  grantAll, is, landfall, mode, morbid, pump, pumpAll, putCounters, search, self, stPT, subtype, target,
  whenEnters, withTarget, youControl,
} from '../dsl.ts';
import { elfWarrior } from './tokens.ts';

export const green = [
  // {T}: Add {G}.
  card('Llanowar Elves').cost('{G}').typeLine('Creature — Elf Druid').pt(1, 1).manaAbility('{T}', addMana('G')),

  // Other Elf creatures you control get +1/+1.
  // {T}: Add {G} for each Elf you control.
  card('Elvish Archdruid').cost('{1}{G}{G}').typeLine('Creature — Elf Druid').pt(2, 2)
    .static(stPT(is('creature').sub('Elf').other().youControl(), 1, 1))
    .manaAbility('{T}', addMana('G', count(subtype('Elf').youControl()))),

  // Target creature gets +3/+3 until end of turn.
  card('Giant Growth').cost('{G}').typeLine('Instant').spell(pump(target(is('creature')), 3, 3)),

  // Creatures you control get +3/+3 and gain trample until end of turn.
  card('Overrun').cost('{2}{G}{G}{G}').typeLine('Sorcery')
    .spell(pumpAll(is('creature').youControl(), 3, 3), grantAll(is('creature').youControl(), 'trample')),

  // Trample
  // This creature enters with a +1/+1 counter on it.
  // Landfall — Whenever a land you control enters, double the number of +1/+1 counters on this creature.
  card('Mossborn Hydra').cost('{2}{G}').typeLine('Creature — Elemental Hydra').pt(0, 0).keywords('trample')
    .entersWithCounters(1)
    .triggered(landfall(), doubleCounters('+1/+1', self)),

  // If an effect would create one or more tokens under your control, it creates twice that many of those tokens instead.
  // If an effect would put one or more counters on a permanent you control, it puts twice that many of those
  // counters on that permanent instead.
  card('Doubling Season').cost('{4}{G}').typeLine('Enchantment')
    .replacement(S.RP_DOUBLE_TOKENS)
    .replacement(S.RP_DOUBLE_COUNTERS),

  // Choose one —
  // • Search your library for a basic land card, reveal it, put it into your hand, then shuffle.
  // • Target creature you control fights target creature you don't control.
  card('Bushwhack').cost('{G}').typeLine('Sorcery')
    .modal(1,
      mode(search(basicLandCard(), { to: 'hand' })),
      mode(fight(target(is('creature').youControl()), target(is('creature').oppControls())))),

  // Reach
  // Deathtouch
  // {2}{G}: Put a +1/+1 counter on target creature you control. Activate only as a sorcery.
  card('Treetop Snarespinner').cost('{3}{G}').typeLine('Creature — Spider').pt(1, 4).keywords('reach', 'deathtouch')
    .activatedAsSorcery('{2}{G}', putCounters(1, '+1/+1', target(is('creature').youControl()))),

  // When this creature enters, if you control another Elf, create a 1/1 green Elf Warrior creature token.
  card("Dwynen's Elite").cost('{1}{G}').typeLine('Creature — Elf Warrior').pt(2, 2)
    .triggered(whenEnters().if(youControl(subtype('Elf').other().youControl())), createToken(elfWarrior)),

  card('Quakestrider Ceratops').cost('{3}{G}{G}{G}').typeLine('Creature — Dinosaur').pt(12, 8),

  // Put a +1/+1 counter on target creature you control. It gains hexproof until end of turn.
  withTarget(target(is('creature').youControl()), (t) =>
    card('Snakeskin Veil').cost('{G}').typeLine('Instant').spell(putCounters(1, '+1/+1', t), grant(t, 'hexproof'))),

  // Ward {2}
  // Morbid — At the beginning of your end step, if a creature died this turn, put a +1/+1 counter on this creature.
  card('Cackling Prowler').cost('{3}{G}').typeLine('Creature — Hyena Rogue').pt(4, 3).ward(2)
    .triggered(atYourEndStep().if(morbid), putCounters(1, '+1/+1', self)),

  // Target creature you control deals damage equal to its power to target creature or planeswalker you don't control.
  card('Bite Down').cost('{1}{G}').typeLine('Instant')
    .spell(bite(target(is('creature').youControl()), target(is('creature', 'planeswalker').oppControls()))),
];
