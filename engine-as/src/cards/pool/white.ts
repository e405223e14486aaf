// White cards of Foundations. Each definition is preceded by its printed rules text.
import * as S from '../../../assembly/ir/spec.ts';
import {
  card, createToken, controllerOf, damage, destroy, destroyAll, draw, exileUntilSourceLeaves, gainLife, grant, is,
  attachedCreature, pumpAll, putCounters, self, stKeywords, target, upTo, whenEnters, wheneverAttacks,
  wheneverEnters, wheneverYouGainLife, withTarget, yourLife,
} from '../dsl.ts';
import { cat, cat22, human, knight, soldier } from './tokens.ts';

export const white = [
  card('Savannah Lions').cost('{W}').typeLine('Creature — Cat').pt(2, 1),

  // Flying
  // Lifelink
  card("Healer's Hawk").cost('{W}').typeLine('Creature — Bird').pt(1, 1).keywords('flying', 'lifelink'),

  // Flying
  // Vigilance
  card('Serra Angel').cost('{3}{W}{W}').typeLine('Creature — Angel').pt(4, 4).keywords('flying', 'vigilance'),

  // Whenever you gain life, put a +1/+1 counter on this creature.
  card("Ajani's Pridemate").cost('{1}{W}').typeLine('Creature — Cat Soldier').pt(2, 2)
    .triggered(wheneverYouGainLife(), putCounters(1, '+1/+1', self)),

  // Vigilance
  // When this creature enters, create a 1/1 white Cat creature token.
  card('Prideful Parent').cost('{2}{W}').typeLine('Creature — Cat').pt(2, 2).keywords('vigilance')
    .triggered(whenEnters(), createToken(cat)),

  // Flash
  // When this creature enters, create a 1/1 white Soldier creature token.
  card('Resolute Reinforcements').cost('{1}{W}').typeLine('Creature — Human Soldier').pt(1, 1).keywords('flash')
    .triggered(whenEnters(), createToken(soldier)),

  // Whenever this creature attacks, creatures you control get +1/+1 until end of turn.
  card('Dauntless Veteran').cost('{1}{W}{W}').typeLine('Creature — Human Soldier').pt(2, 2)
    .triggered(wheneverAttacks(), pumpAll(is('creature').youControl(), 1, 1)),

  // Lifelink
  // When this creature enters, create two 3/3 white Knight creature tokens.
  card('Guarded Heir').cost('{5}{W}').typeLine('Creature — Human Noble').pt(1, 1).keywords('lifelink')
    .triggered(whenEnters(), createToken(knight, 2)),

  // Destroy all creatures.
  card('Day of Judgment').cost('{2}{W}{W}').typeLine('Sorcery').spell(destroyAll(is('creature'))),

  // Destroy target nonland permanent. Its controller creates a 1/1 white Human creature token.
  withTarget(target(is('permanent').non('land')), (t) =>
    card('Stroke of Midnight').cost('{2}{W}').typeLine('Instant')
      .spell(destroy(t), createToken(human, 1, controllerOf(t)))),

  // +1: Put a +1/+1 counter on up to one target creature.
  // −3: Target creature gains flying and double strike until end of turn.
  // −8: Create X 2/2 white Cat creature tokens, where X is your life total.
  card('Ajani, Caller of the Pride').cost('{1}{W}{W}').typeLine('Legendary Planeswalker — Ajani').loyalty(4)
    .loyaltyAbility(+1, putCounters(1, '+1/+1', upTo(1, is('creature'))))
    .loyaltyAbility(-3, grant(target(is('creature')), 'flying', 'double strike'))
    .loyaltyAbility(-8, createToken(cat22, yourLife)),

  // Enchant creature
  // Enchanted creature can't attack or block.
  card('Pacifism').cost('{1}{W}').typeLine('Enchantment — Aura')
    .enchant(is('creature'))
    .static(stKeywords(attachedCreature(), "can't attack", "can't block")),

  // Joust Through deals 3 damage to target attacking or blocking creature. You gain 1 life.
  card('Joust Through').cost('{W}').typeLine('Instant')
    .spell(damage(3, target(is('creature').attackingOrBlocking())), gainLife(1)),

  // When this creature enters, draw a card.
  card('Helpful Hunter').cost('{1}{W}').typeLine('Creature — Cat').pt(1, 1)
    .triggered(whenEnters(), draw()),

  // When this enchantment enters, exile target nonland permanent an opponent controls until this
  // enchantment leaves the battlefield.
  card('Banishing Light').cost('{2}{W}').typeLine('Enchantment')
    .triggered(whenEnters(), exileUntilSourceLeaves(target(is('permanent').non('land').oppControls()))),

  // Lifelink
  // When this creature enters, put a +1/+1 counter on each of up to two other target creatures you control.
  card('Felidar Savior').cost('{3}{W}').typeLine('Creature — Cat Beast').pt(2, 3).keywords('lifelink')
    .triggered(whenEnters(), putCounters(1, '+1/+1', upTo(2, is('creature').other().youControl()))),

  // Creatures your opponents control enter tapped.
  // Whenever a creature an opponent controls enters, you gain 1 life.
  card('Authority of the Consuls').cost('{W}').typeLine('Enchantment')
    .replacement(S.RP_OPP_CREATURES_ENTER_TAPPED)
    .triggered(wheneverEnters(is('creature').oppControls()), gainLife(1)),
];
