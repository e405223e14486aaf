// White cards of Foundations. Each definition is preceded by its printed rules text.
import * as S from '../../../assembly/ir/spec.ts';
import {
  addRestrictedMana, atBeginningOfCombat, attach, attachedCreature, attackersAtLeast, bounce, card, count,
  controllerOf, createToken, damage, destroy, destroyAll, draw, eventObject, exile, exileGraveyard, exileInsteadOfDying,
  exileUntilSourceLeaves, firstLifeGainOnYourTurn, firstLifeGainThisTurn, gainLife, grant, ifThen, is, itself, lifeAtLeast,
  lookAtTop, oneOrAnyNumberIfKicked, preventCombatDamage, pump, pumpAll, putCounters, returnAllToBattlefield,
  returnToBattlefield, returnTransformed, selfCountersAtLeast, self, stAddSubtypes, stCantLose, stEntersWithCounters,
  stKeywords, stPlayerHexproof, stPT, subtype, surveil, target, targetIs, targetPlayer, upTo, wasKicked, whenEnters,
  wheneverAttacks, wheneverDies, wheneverEnters, wheneverYouAttack, wheneverYouGainLife, withTarget, youControl,
  yourLife, yourTurn, wheneverYouPutP1P1CountersOn,
} from '../dsl.ts';
import { cat, cat22, food, human, knight, soldier } from './tokens.ts';

// 1/1 white Rabbit creature token (Hare Apparent)
export const rabbit = card('Rabbit').typeLine('Token Creature — Rabbit').color('W').pt(1, 1);

export const white = [
  // Flying
  // Whenever you gain life, put a +1/+1 counter on this creature.
  // Whenever you put one or more +1/+1 counters on this creature, draw a card. This ability triggers only once each turn.
  card('Exemplar of Light').cost('{2}{W}{W}').typeLine('Creature — Angel').pt(3, 3).keywords('flying')
    .triggered(wheneverYouGainLife(), putCounters(1, '+1/+1', self))
    .triggeredOnceEachTurn(wheneverYouPutP1P1CountersOn(itself()), draw(1)),

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

  // Other Cats you control get +1/+1.
  // Whenever Arahbo or another nontoken Cat you control enters, create a 1/1 white Cat creature token.
  card('Arahbo, the First Fang').cost('{2}{W}').typeLine('Legendary Creature — Cat Avatar').pt(2, 2)
    .static(stPT(subtype('Cat').other().youControl(), 1, 1))
    .triggered(wheneverEnters(subtype('Cat').nontoken().youControl()), createToken(cat)),

  // Vigilance
  // Whenever you attack with three or more creatures, put a +1/+1 counter on target creature you control.
  card('Armasaur Guide').cost('{4}{W}').typeLine('Creature — Dinosaur').pt(4, 4).keywords('vigilance')
    .triggered(wheneverYouAttack().when(attackersAtLeast(3)), putCounters(1, '+1/+1', target(is('creature').youControl()))),

  // When this creature enters, create a Food token.
  // Whenever you gain life for the first time during each of your turns, create a 1/1 white Cat creature token.
  card('Cat Collector').cost('{2}{W}').typeLine('Creature — Human Citizen').pt(3, 2)
    .triggered(whenEnters(), createToken(food))
    .triggered(wheneverYouGainLife().when(firstLifeGainOnYourTurn), createToken(cat)),

  // Flash
  // When this Equipment enters, attach it to target creature you control. That creature gains hexproof and
  // indestructible until end of turn.
  // Equipped creature gets +2/+0 and has flying.
  // Equip {3}{W}
  withTarget(target(is('creature').youControl()), (t) =>
    card('Celestial Armor').cost('{2}{W}').typeLine('Artifact — Equipment').keywords('flash')
      .triggered(whenEnters(), attach(t), grant(t, 'hexproof', 'indestructible'))
      .static(stPT(attachedCreature(), 2, 0), stKeywords(attachedCreature(), 'flying'))
      .equip('{3}{W}')),

  // Affinity for Cats
  // Creatures you control get +2/+2 until end of turn.
  card('Claws Out').cost('{3}{W}{W}').typeLine('Instant').costsLess(count(subtype('Cat').youControl()))
    .spell(pumpAll(is('creature').youControl(), 2, 2)),

  // Defender
  // You have hexproof.
  // Prevent all noncombat damage that would be dealt to other creatures you control.
  card('Crystal Barricade').cost('{1}{W}').typeLine('Artifact Creature — Wall').pt(0, 4).keywords('defender')
    .static(stPlayerHexproof())
    .replacement(S.RP_PREVENT_NONCOMBAT_TO_OTHERS),

  // Flying
  // Whenever another creature you control enters, you gain 1 life.
  card('Dazzling Angel').cost('{2}{W}').typeLine('Creature — Angel').pt(2, 3).keywords('flying')
    .triggered(wheneverEnters(is('creature').other().youControl()), gainLife(1)),

  // Kicker {2}{W}
  // Target creature you control gains indestructible until end of turn. If this spell was kicked, instead any
  // number of target creatures you control gain indestructible until end of turn.
  card('Divine Resilience').cost('{W}').typeLine('Instant').kicker('{2}{W}')
    .spell(grant(oneOrAnyNumberIfKicked(is('creature').youControl()), 'indestructible')),

  // Put a +1/+1 counter on target creature. It gains flying until end of turn. Prevent all combat damage that
  // would be dealt to it this turn.
  withTarget(target(is('creature')), (t) =>
    card('Fleeting Flight').cost('{W}').typeLine('Instant')
      .spell(putCounters(1, '+1/+1', t), grant(t, 'flying'), preventCombatDamage(t))),

  // When this creature enters, create a number of 1/1 white Rabbit creature tokens equal to the number of other
  // creatures you control named Hare Apparent.
  // A deck can have any number of cards named Hare Apparent.
  card('Hare Apparent').cost('{1}{W}').typeLine('Creature — Rabbit Noble').pt(2, 2).anyNumberInDeck()
    .triggered(whenEnters(), createToken(rabbit, count(is('creature').other().youControl().named('Hare Apparent')))),

  // Flash
  // Flying
  // You can't lose the game and your opponents can't win the game.
  card('Herald of Eternal Dawn').cost('{4}{W}{W}{W}').typeLine('Creature — Angel').pt(6, 6).keywords('flash', 'flying')
    .static(stCantLose()),

  // During your turn, this creature has first strike.
  // During your turn, creatures you control with +1/+1 counters on them have first strike.
  card('Inspiring Paladin').cost('{2}{W}').typeLine('Creature — Human Knight').pt(3, 3)
    .staticWhile(yourTurn, stKeywords(itself(), 'first strike'))
    .staticWhile(yourTurn, stKeywords(is('creature').youControl().withP1P1(), 'first strike')),

  // This spell costs {3} less to cast if it targets a tapped creature.
  // Destroy target creature.
  card('Luminous Rebuke').cost('{4}{W}').typeLine('Instant').costsLessIfTargetsTapped(3)
    .spell(destroy(target(is('creature')))),

  // Return all creature cards with mana value 2 or less from your graveyard to the battlefield.
  card('Raise the Past').cost('{2}{W}{W}').typeLine('Sorcery')
    .spell(returnAllToBattlefield(is('creature').inYourGraveyard().mvAtMost(2))),

  // Whenever another creature you control enters, put a +1/+1 counter on this creature.
  // As long as this creature has three or more +1/+1 counters on it, it has flying and is a Knight in addition to
  // its other types.
  card('Skyknight Squire').cost('{1}{W}').typeLine('Creature — Cat Scout').pt(1, 1)
    .triggered(wheneverEnters(is('creature').other().youControl()), putCounters(1, '+1/+1', self))
    .staticWhile(selfCountersAtLeast(3), stKeywords(itself(), 'flying'), stAddSubtypes(itself(), 'Knight')),

  // {2}{W}: Look at the top four cards of your library. You may reveal a creature card with power 2 or less from
  // among them and put it into your hand. Put the rest on the bottom of your library in a random order.
  card('Squad Rallier').cost('{3}{W}').typeLine('Creature — Human Scout').pt(3, 4)
    .activated('{2}{W}', lookAtTop(4, is('creature').inLibrary().powerAtMost(2), 'hand')),

  // Kicker {1}{W}
  // Lifelink
  // When this creature enters, if it was kicked, return target nonland permanent card with mana value 2 or less
  // from your graveyard to the battlefield.
  card('Sun-Blessed Healer').cost('{1}{W}').typeLine('Creature — Human Cleric').pt(3, 1).kicker('{1}{W}')
    .keywords('lifelink')
    .triggered(whenEnters().if(wasKicked),
      returnToBattlefield(target(is('permanent').non('land').inYourGraveyard().mvAtMost(2)))),

  // Flash
  // Enchant creature
  // Enchanted creature has double strike.
  card('Twinblade Blessing').cost('{1}{W}{W}').typeLine('Enchantment — Aura').keywords('flash')
    .enchant(is('creature'))
    .static(stKeywords(attachedCreature(), 'double strike')),

  // Whenever a nontoken, non-Angel creature you control dies, return that card to the battlefield under its
  // owner's control with a +1/+1 counter on it. It has flying and is an Angel in addition to its other types.
  card("Valkyrie's Call").cost('{3}{W}{W}').typeLine('Enchantment')
    .triggered(wheneverDies(is('creature').nontoken().notSub('Angel').youControl()),
      returnTransformed(eventObject, 1, ['flying'], ['Angel'])),

  // Flying
  // Whenever you gain life for the first time each turn, surveil 1.
  card('Vanguard Seraph').cost('{3}{W}').typeLine('Creature — Angel Warrior').pt(3, 3).keywords('flying')
    .triggered(wheneverYouGainLife().when(firstLifeGainThisTurn), surveil(1)),

  // Flying
  // When this creature enters, exile target player's graveyard.
  card('Angel of Finality').cost('{3}{W}').typeLine('Creature — Angel').pt(3, 4).keywords('flying')
    .triggered(whenEnters(), exileGraveyard(targetPlayer())),

  // Flash
  // {1}, Sacrifice this creature: Destroy target artifact or enchantment.
  card('Cathar Commando').cost('{1}{W}').typeLine('Creature — Human Soldier').pt(3, 1).keywords('flash')
    .activated('{1}, Sacrifice this creature', destroy(target(is('artifact', 'enchantment')))),

  // Flying, vigilance
  // Each other Angel you control enters with an additional +1/+1 counter on it for each Angel you already control.
  // {T}: Add {W}. Spend this mana only to cast an Angel spell.
  card('Giada, Font of Hope').cost('{1}{W}').typeLine('Legendary Creature — Angel').pt(2, 2)
    .keywords('flying', 'vigilance')
    .static(stEntersWithCounters(subtype('Angel').other().youControl(), count(subtype('Angel').other().youControl())))
    .manaAbility('{T}', addRestrictedMana('W', subtype('Angel').spell())),

  // Destroy target artifact, enchantment, or creature with power 4 or greater.
  card('Make Your Move').cost('{2}{W}').typeLine('Instant')
    .spell(destroy(target(is('artifact', 'enchantment', 'creature').powerAtLeast(4).powerOnlyForCreatures()))),

  // Flash
  // When this creature enters, return up to one other target permanent you control to its owner's hand.
  card('Mischievous Pup').cost('{2}{W}').typeLine('Creature — Dog').pt(3, 1).keywords('flash')
    .triggered(whenEnters(), bounce(upTo(1, is('permanent').other().youControl()))),

  // Flying
  // Whenever another Angel you control enters, put a +1/+1 counter on this creature.
  card('Youthful Valkyrie').cost('{1}{W}').typeLine('Creature — Angel').pt(1, 3).keywords('flying')
    .triggered(wheneverEnters(subtype('Angel').other().youControl()), putCounters(1, '+1/+1', self)),

  // Target creature gets +2/+2 and gains indestructible until end of turn.
  withTarget(target(is('creature')), (t) =>
    card('Adamant Will').cost('{1}{W}').typeLine('Instant').spell(pump(t, 2, 2), grant(t, 'indestructible'))),

  // Flying
  // Whenever one or more creatures you control attack, you gain 1 life for each attacking creature.
  card('Ancestor Dragon').cost('{4}{W}{W}').typeLine('Creature — Dragon').pt(5, 6).keywords('flying')
    .triggered(wheneverYouAttack(), gainLife(count(is('creature').attacking()))),

  // Exile target creature or enchantment.
  card('Angelic Edict').cost('{4}{W}').typeLine('Sorcery').spell(exile(target(is('creature', 'enchantment')))),

  // Lifelink
  card("Bishop's Soldier").cost('{1}{W}').typeLine('Creature — Vampire Soldier').pt(2, 2).keywords('lifelink'),

  // Deadly Riposte deals 3 damage to target tapped creature and you gain 2 life.
  card('Deadly Riposte').cost('{1}{W}').typeLine('Instant')
    .spell(damage(3, target(is('creature').tapped())), gainLife(2)),

  // Elspeth's Smite deals 3 damage to target attacking or blocking creature. If that creature would die this
  // turn, exile it instead.
  withTarget(target(is('creature').attackingOrBlocking()), (t) =>
    card("Elspeth's Smite").cost('{W}').typeLine('Instant').spell(damage(3, t), exileInsteadOfDying(t))),

  // Flying
  // Whenever this creature attacks, you gain 2 life.
  card('Herald of Faith').cost('{3}{W}{W}').typeLine('Creature — Angel').pt(4, 3).keywords('flying')
    .triggered(wheneverAttacks(), gainLife(2)),

  // Whenever another creature you control enters, you gain 1 life.
  card('Hinterland Sanctifier').cost('{W}').typeLine('Creature — Rabbit Cleric').pt(1, 2)
    .triggered(wheneverEnters(is('creature').other().youControl()), gainLife(1)),

  // {3}{W}: Put a +1/+1 counter on another target attacking creature you control. If that creature is a Cat, it
  // gains first strike until end of turn.
  withTarget(target(is('creature').attacking().other().youControl()), (t) =>
    card('Ingenious Leonin').cost('{4}{W}').typeLine('Creature — Cat Soldier').pt(4, 4)
      .activated('{3}{W}', putCounters(1, '+1/+1', t), ifThen(targetIs(subtype('Cat')), grant(t, 'first strike')))),

  // Flying
  // When this creature enters, you gain 1 life and draw a card.
  card('Inspiring Overseer').cost('{2}{W}').typeLine('Creature — Angel Cleric').pt(2, 1).keywords('flying')
    .triggered(whenEnters(), gainLife(1), draw()),

  // First strike
  // {3}{W}{W}: Attacking creatures you control get +X/+X until end of turn, where X is the number of attacking
  // creatures.
  card('Jazal Goldmane').cost('{2}{W}{W}').typeLine('Legendary Creature — Cat Warrior').pt(4, 4)
    .keywords('first strike')
    .activated('{3}{W}{W}', pumpAll(is('creature').attacking().youControl(),
      count(is('creature').attacking()), count(is('creature').attacking()))),

  // Flying
  card('Leonin Skyhunter').cost('{W}{W}').typeLine('Creature — Cat Knight').pt(2, 2).keywords('flying'),

  // At the beginning of combat on your turn, if you control three or more creatures, this creature gets +1/+1
  // until end of turn and you gain 1 life.
  card('Leonin Vanguard').cost('{W}').typeLine('Creature — Cat Soldier').pt(1, 1)
    .triggered(atBeginningOfCombat().if(youControl(is('creature').youControl(), 3)), pump(self, 1, 1), gainLife(1)),

  // Target creature gets +2/+2 until end of turn. You gain 2 life.
  card('Moment of Triumph').cost('{W}').typeLine('Instant').spell(pump(target(is('creature')), 2, 2), gainLife(2)),

  // Flash
  // When this enchantment enters, exile up to one target nonland permanent an opponent controls until this
  // enchantment leaves the battlefield. You gain 2 life.
  card('Prayer of Binding').cost('{3}{W}').typeLine('Enchantment').keywords('flash')
    .triggered(whenEnters(), exileUntilSourceLeaves(upTo(1, is('permanent').non('land').oppControls())), gainLife(2)),

  // Whenever you gain life, put a +1/+1 counter on this creature.
  // As long as you have 25 or more life, this creature has double strike.
  card('Twinblade Paladin').cost('{3}{W}').typeLine('Creature — Human Knight').pt(3, 3)
    .triggered(wheneverYouGainLife(), putCounters(1, '+1/+1', self))
    .staticWhile(lifeAtLeast(25), stKeywords(itself(), 'double strike')),

  rabbit,
];
