// Red cards of Foundations. Each definition is preceded by its printed rules text.
import * as S from '../../../assembly/ir/spec.ts';
import {
  addMana, anyTarget, copyToken, atEachEndStep, chooseExiled, damageDivided, excessDamage, exileTop, it, mayPlay, upToOther,
  wheneverAttacks, X, eachPlayer, exiledCards, gainControlUntilEndOfTurn, ifYouPay, may, atBeginningOfCombat,
  discard, ifThen, targetPlayer, targetPlayerHasLife, you, youDid, returnToBattlefield, stCostReduce, atYourEndStep, card, count, createToken, damage, damageEach, destroy, discardCards,
  draw, eachOpponent, exile, exileInsteadOfDying, grant, grantAll, ifKicked, is, landfall, landsYouControl, mode,
  morbid, powerOf, pump, pumpAll, raid, self, stKeywords, stPT, subtype, target,
  eachSacrifices, grantTrigger, itself, addManaHasteForDragon, becomeSubtypes, grantTriggerPermanently, selfIs, wheneverDealsCombatDamageToPlayer, untap, upTo, wheneverDealsCombatDamage, whenEnters, wheneverYouAttack, wheneverYouCast, withTarget, youControl,
} from '../dsl.ts';
import { dragon, goblin, treasure } from './tokens.ts';

// 5/5 red Dragon creature token with flying
export const dragon55 = card('Dragon').typeLine('Token Creature — Dragon').color('R').pt(5, 5).keywords('flying');

export const red = [
  // Kicker {4}
  // Burst Lightning deals 2 damage to any target. If this spell was kicked, it deals 4 damage instead.
  withTarget(target(anyTarget()), (t) =>
    card('Burst Lightning').cost('{R}').typeLine('Instant').kicker('{4}')
      .spell(ifKicked(damage(4, t), damage(2, t)))),

  // Choose one —
  // • Abrade deals 3 damage to target creature.
  // • Destroy target artifact.
  card('Abrade').cost('{1}{R}').typeLine('Instant')
    .modal(1, mode(damage(3, target(is('creature')))), mode(destroy(target(is('artifact'))))),

  // Choose one —
  // • Slagstorm deals 3 damage to each creature.
  // • Slagstorm deals 3 damage to each player.
  card('Slagstorm').cost('{1}{R}{R}').typeLine('Sorcery')
    .modal(1, mode(damageEach(3, is('creature'))), mode(damageEach(3, null, S.PF_ANY))),

  // Haste
  // {T}, Sacrifice this creature: It deals 1 damage to any target.
  card('Fanatical Firebrand').cost('{R}').typeLine('Creature — Goblin Pirate').pt(1, 1).keywords('haste')
    .activated('{T}, Sacrifice this creature', damage(1, target(anyTarget()))),

  // Haste
  card('Brazen Scourge').cost('{1}{R}{R}').typeLine('Creature — Gremlin').pt(3, 3).keywords('haste'),

  // Flying
  // {R}: This creature gets +1/+0 until end of turn.
  card('Shivan Dragon').cost('{4}{R}{R}').typeLine('Creature — Dragon').pt(5, 5).keywords('flying')
    .activated('{R}', pump(self, 1, 0)),

  // Whenever you cast a noncreature spell, this creature deals 1 damage to each opponent.
  card('Firebrand Archer').cost('{1}{R}').typeLine('Creature — Human Archer').pt(2, 1)
    .triggered(wheneverYouCast(is().non('creature').spell()), damage(1, eachOpponent)),

  // Prowess
  // {R}, Sacrifice this creature: It deals damage equal to its power to target creature or planeswalker.
  card('Heartfire Immolator').cost('{1}{R}').typeLine('Creature — Human Wizard').pt(2, 2).keywords('prowess')
    .activated('{R}, Sacrifice this creature', damage(powerOf(self), target(is('creature', 'planeswalker')))),

  // As an additional cost to cast this spell, discard a card.
  // Draw two cards.
  card('Thrill of Possibility').cost('{1}{R}').typeLine('Instant').additionalCost(discardCards(1)).spell(draw(2)),

  // Choose one —
  // • Creatures you control get +2/+0 until end of turn.
  // • Create two 1/1 red Goblin creature tokens.
  card('Goblin Surprise').cost('{2}{R}').typeLine('Instant')
    .modal(1, mode(pumpAll(is('creature').youControl(), 2, 0)), mode(createToken(goblin, 2))),

  // Raid — At the beginning of your end step, if you attacked this turn, create a 1/1 red Goblin creature token.
  card('Searslicer Goblin').cost('{1}{R}').typeLine('Creature — Goblin Warrior').pt(2, 1)
    .triggered(atYourEndStep().if(raid), createToken(goblin)),

  // Landfall — Whenever a land you control enters, this creature deals 1 damage to each opponent.
  card('Spitfire Lagac').cost('{3}{R}').typeLine('Creature — Lizard').pt(3, 4)
    .triggered(landfall(), damage(1, eachOpponent)),

  // Fiery Annihilation deals 5 damage to target creature. Exile up to one target Equipment attached to
  // that creature. If that creature would die this turn, exile it instead.
  withTarget(target(is('creature')), (t) =>
    card('Fiery Annihilation').cost('{2}{R}').typeLine('Instant')
      .spell(
        damage(5, t),
        exile(upTo(1, subtype('Equipment').attachedToFirstTarget())),
        exileInsteadOfDying(t),
      )),

  // Target creature gets +3/+0 and gains first strike until end of turn.
  withTarget(target(is('creature')), (t) =>
    card('Sure Strike').cost('{1}{R}').typeLine('Instant').spell(pump(t, 3, 0), grant(t, 'first strike'))),

  // {T}: Create X 1/1 red Goblin creature tokens, where X is the number of Goblins you control.
  card('Krenko, Mob Boss').cost('{2}{R}{R}').typeLine('Legendary Creature — Goblin Warrior').pt(3, 3)
    .activated('{T}', createToken(goblin, count(subtype('Goblin').youControl()))),

  // Seismic Rupture deals 2 damage to each creature without flying.
  card('Seismic Rupture').cost('{2}{R}').typeLine('Sorcery')
    .spell(damageEach(2, is('creature').without('flying'))),

  // Boltwave deals 3 damage to each opponent.
  card('Boltwave').cost('{R}').typeLine('Sorcery').spell(damage(3, eachOpponent)),

  // When this creature enters, create a 4/4 red Dragon creature token with flying.
  card('Dragon Trainer').cost('{3}{R}{R}').typeLine('Creature — Human').pt(1, 1)
    .triggered(whenEnters(), createToken(dragon)),

  card('Fire Elemental').cost('{3}{R}{R}').typeLine('Creature — Elemental').pt(5, 4),

  card('Swab Goblin').cost('{1}{R}').typeLine('Creature — Goblin Pirate').pt(2, 2),

  // Reach
  card('Skyraker Giant').cost('{2}{R}{R}').typeLine('Creature — Giant').pt(4, 3).keywords('reach'),

  // Double strike
  card('Raging Redcap').cost('{2}{R}').typeLine('Creature — Goblin Knight').pt(1, 2).keywords('double strike'),

  // Create two 1/1 red Goblin creature tokens.
  card('Dragon Fodder').cost('{1}{R}').typeLine('Sorcery').spell(createToken(goblin, 2)),

  // Target creature gets +1/+0 and gains first strike until end of turn.
  withTarget(target(is('creature')), (t) =>
    card('Kindled Fury').cost('{R}').typeLine('Instant').spell(pump(t, 1, 0), grant(t, 'first strike'))),

  // Flying
  // When this creature enters, create two Treasure tokens.
  card('Rapacious Dragon').cost('{4}{R}').typeLine('Creature — Dragon').pt(3, 3).keywords('flying')
    .triggered(whenEnters(), createToken(treasure, 2)),

  // As an additional cost to cast this spell, discard a card.
  // Draw two cards and create a Treasure token.
  card('Seize the Spoils').cost('{2}{R}').typeLine('Sorcery').additionalCost(discardCards(1))
    .spell(draw(2), createToken(treasure)),

  // Flying
  // Double strike
  // When this creature enters, creatures you control gain double strike until end of turn.
  card('Terror of Mount Velus').cost('{5}{R}{R}').typeLine('Creature — Dragon').pt(5, 5)
    .keywords('flying', 'double strike')
    .triggered(whenEnters(), grantAll(is('creature').youControl(), 'double strike')),

  // Scorching Dragonfire deals 3 damage to target creature or planeswalker. If that creature or
  // planeswalker would die this turn, exile it instead.
  withTarget(target(is('creature', 'planeswalker')), (t) =>
    card('Scorching Dragonfire').cost('{1}{R}').typeLine('Instant').spell(damage(3, t), exileInsteadOfDying(t))),

  // Whenever you cast a noncreature spell, this creature gets +3/+0 until end of turn.
  card('Crackling Cyclops').cost('{2}{R}').typeLine('Creature — Cyclops Wizard').pt(0, 4)
    .triggered(wheneverYouCast(is().non('creature').spell()), pump(self, 3, 0)),

  // Whenever you cast an instant or sorcery spell, create a 5/5 red Dragon creature token with flying.
  card('Rite of the Dragoncaller').cost('{4}{R}{R}').typeLine('Enchantment')
    .triggered(wheneverYouCast(is('instant', 'sorcery').spell()), createToken(dragon55)),

  // Raid — When this creature enters, if you attacked this turn, this creature deals 2 damage to any target.
  card('Gorehorn Raider').cost('{4}{R}').typeLine('Creature — Minotaur Pirate').pt(4, 4)
    .triggered(whenEnters().if(raid), damage(2, target(anyTarget()))),

  // {T}: Target creature gains haste until end of turn.
  card('Axgard Cavalry').cost('{1}{R}').typeLine('Creature — Dwarf Berserker').pt(2, 2)
    .activated('{T}', grant(target(is('creature')), 'haste')),

  // Attacking creatures you control get +1/+0.
  card('Goblin Oriflamme').cost('{1}{R}').typeLine('Enchantment')
    .static(stPT(is('creature').youControl().attacking(), 1, 0)),

  // Other Goblins you control get +1/+1.
  // {R}: Until end of turn, another target Goblin you control gains flying and "When this creature deals combat damage, sacrifice it."
  withTarget(target(subtype('Goblin').other().youControl()), (t) =>
    card('Dropkick Bomber').cost('{2}{R}').typeLine('Creature — Goblin Warrior').pt(2, 3)
      .static(stPT(subtype('Goblin').other().youControl(), 1, 1))
      .activated('{R}', grant(t, 'flying'), grantTrigger(t, wheneverDealsCombatDamage(itself()), eachSacrifices(1, itself(), you)))),

  // Whenever you attack, target creature you control gets +1/+0 and gains menace until end of turn.
  withTarget(target(is('creature').youControl()), (t) =>
    card('Battlesong Berserker').cost('{3}{R}').typeLine('Creature — Human Berserker').pt(3, 4)
      .triggered(wheneverYouAttack(), pump(t, 1, 0), grant(t, 'menace'))),

  // This creature doesn't untap during your untap step.
  // Morbid — At the beginning of each end step, if a creature died this turn, untap this creature.
  card('Slumbering Cerberus').cost('{1}{R}').typeLine('Creature — Dog').pt(4, 2).keywords("doesn't untap")
    .triggered(atEachEndStep().if(morbid), untap(self)),

  // Raid — This creature enters with a +1/+1 counter on it if you attacked this turn.
  card('Goblin Boarders').cost('{2}{R}').typeLine('Creature — Goblin Pirate').pt(3, 2).entersWithCounters(1, raid),

  // When this creature enters, it deals damage to target creature an opponent controls equal to the
  // number of Goblins you control.
  card('Volley Veteran').cost('{3}{R}').typeLine('Creature — Goblin Warrior').pt(4, 2)
    .triggered(whenEnters(), damage(count(subtype('Goblin').youControl()), target(is('creature').oppControls()))),

  // For each land you control, create a Treasure token.
  card("Brass's Bounty").cost('{6}{R}').typeLine('Sorcery').spell(createToken(treasure, landsYouControl)),

  // Double target creature's power until end of turn.
  // Flashback {4}{R}{R}
  withTarget(target(is('creature')), (t) =>
    card('Bulk Up').cost('{1}{R}').typeLine('Instant').flashback('{4}{R}{R}').spell(pump(t, powerOf(t), 0))),

  // Create a token that's a copy of target creature you control, except it has haste and "At the beginning of the
  // end step, sacrifice this token."
  // Flashback {2}{R}{R}
  card('Electroduplicate').cost('{2}{R}').typeLine('Sorcery').flashback('{2}{R}{R}')
    .spell(copyToken(target(is('creature').youControl()), S.TOKF_HASTE_SAC_END)),

  // {2}{R}: Target creature can't block this turn.
  card('Sower of Chaos').cost('{3}{R}').typeLine('Creature — Devil').pt(4, 3)
    .activated('{2}{R}', grant(target(is('creature')), "can't block")),

  // Haste
  // {T}: Another target creature with power 2 or less can't be blocked this turn.
  card('Goblin Smuggler').cost('{2}{R}').typeLine('Creature — Goblin Rogue').pt(2, 2).keywords('haste')
    .activated('{T}', grant(target(is('creature').other().powerAtMost(2)), "can't be blocked")),

  // As long as you control a Dragon, this creature has flying.
  card('Kargan Dragonrider').cost('{1}{R}').typeLine('Creature — Human Warrior').pt(2, 2)
    .staticWhile(youControl(subtype('Dragon')), stKeywords(itself(), 'flying')),

  // Raid — When this creature enters, if you attacked this turn, exile the top two cards of your library.
  // Choose one of them. Until the end of your next turn, you may play that card.
  card('Strongbox Raider').cost('{2}{R}{R}').typeLine('Creature — Orc Pirate').pt(5, 2)
    .triggered(whenEnters().if(raid), exileTop(2), chooseExiled(), mayPlay(it, { untilNextTurn: true })),

  // +2: Add {R}{R}{R}. Exile the top three cards of your library. Choose one. You may play that card this turn.
  // +1: Create a token that's a copy of target creature you control, except it has haste and "At the beginning
  // of the end step, sacrifice this token."
  // −4: Chandra deals 8 damage divided as you choose among any number of target creatures and/or planeswalkers.
  card('Chandra, Flameshaper').cost('{5}{R}{R}').typeLine('Legendary Planeswalker — Chandra').loyalty(6)
    .loyaltyAbility(+2, addMana('R', 3), exileTop(3), chooseExiled(), mayPlay(it))
    .loyaltyAbility(+1, copyToken(target(is('creature').youControl()), S.TOKF_HASTE_SAC_END))
    .loyaltyAbility(-4, damageDivided(8, is('creature', 'planeswalker'))),

  // Flying
  // If a source you control would deal damage to an opponent or a permanent an opponent controls, it deals
  // double that damage instead.
  card('Twinflame Tyrant').cost('{3}{R}{R}').typeLine('Creature — Dragon').pt(3, 5).keywords('flying')
    .replacement(S.RP_DOUBLE_DAMAGE_TO_OPP),

  // Goblin Negotiation deals X damage to target creature. Create a number of 1/1 red Goblin creature tokens
  // equal to the amount of excess damage dealt to that creature this way.
  card('Goblin Negotiation').cost('{X}{R}{R}').typeLine('Sorcery')
    .spell(damage(X, target(is('creature'))), createToken(goblin, excessDamage)),

  // Flying
  // Whenever Drakuseth attacks, it deals 4 damage to any target and 3 damage to each of up to two other targets.
  card('Drakuseth, Maw of Flames').cost('{4}{R}{R}{R}').typeLine('Legendary Creature — Dragon').pt(7, 7)
    .keywords('flying')
    .triggered(wheneverAttacks(), damage(4, target(anyTarget())), damage(3, upToOther(2, anyTarget()))),

  // Whenever Etali attacks, exile the top card of each player's library, then you may cast any number of
  // spells from among those cards without paying their mana costs.
  card('Etali, Primal Storm').cost('{4}{R}{R}').typeLine('Legendary Creature — Elder Dinosaur').pt(6, 6)
    .triggered(wheneverAttacks(), exileTop(1, eachPlayer), mayPlay(exiledCards, { free: true, castOnly: true, now: true })),

  // Gain control of target creature until end of turn. Untap that creature. It gains haste until end of turn.
  // Create a Treasure token.
  withTarget(target(is('creature')), (t) =>
    card('Involuntary Employment').cost('{3}{R}').typeLine('Sorcery')
      .spell(gainControlUntilEndOfTurn(t), untap(t), grant(t, 'haste'), createToken(treasure))),

  // Whenever this creature attacks, you may pay {R}. If you do, target creature can't block this turn.
  card('Frenzied Goblin').cost('{R}').typeLine('Creature — Goblin Berserker').pt(1, 1)
    .triggered(wheneverAttacks(), ifYouPay('{R}', grant(target(is('creature')), "can't block"))),

  // At the beginning of combat on your turn, you may have target creature get +2/+0 until end of turn.
  card('Battle-Rattle Shaman').cost('{3}{R}').typeLine('Creature — Goblin Shaman').pt(2, 2)
    .triggered(atBeginningOfCombat(), may(pump(target(is('creature')), 2, 0))),

  // {1}{R}: If Kellan is a Scout, it becomes a Human Faerie Detective and gains "Whenever Kellan deals combat
  // damage to a player, exile the top card of your library. You may play that card this turn."
  // {2}{R}: If Kellan is a Detective, it becomes a 3/2 Human Faerie Rogue and gains double strike.
  card('Kellan, Planar Trailblazer').cost('{R}').typeLine('Legendary Creature — Human Faerie Scout').pt(2, 1)
    .activated('{1}{R}', ifThen(selfIs(subtype('Scout')), becomeSubtypes(self, ['Human', 'Faerie', 'Detective']),
      grantTriggerPermanently(self, wheneverDealsCombatDamageToPlayer(), exileTop(1), mayPlay(it))))
    .activated('{2}{R}', ifThen(selfIs(subtype('Detective')),
      becomeSubtypes(self, ['Human', 'Faerie', 'Rogue'], { pt: [3, 2], kw: ['double strike'] }))),

  // {T}: Add {R}. If that mana is spent on a Dragon creature spell, it gains haste until end of turn.
  card('Carnelian Orb of Dragonkind').cost('{2}{R}').typeLine('Artifact')
    .manaAbility('{T}', addManaHasteForDragon('R')),

  // Incinerating Blast deals 6 damage to target creature.
  // You may discard a card. If you do, draw a card.
  card('Incinerating Blast').cost('{4}{R}').typeLine('Sorcery')
    .spell(damage(6, target(is('creature'))), may(discard(1, you), ifThen(youDid, draw()))),

  // If target player has exactly 10 life, Hidetsugu's Second Rite deals 10 damage to that player.
  withTarget(targetPlayer(), (t) =>
    card("Hidetsugu's Second Rite").cost('{3}{R}').typeLine('Instant')
      .spell(ifThen(targetPlayerHasLife(10), damage(10, t)))),

  // Whenever this creature attacks while you control a creature with power 4 or greater, this creature
  // gets +1/+0 and gains menace until end of turn.
  card('Courageous Goblin').cost('{1}{R}').typeLine('Creature — Goblin').pt(2, 2)
    .triggered(wheneverAttacks().when(youControl(is('creature').powerAtLeast(4))), pump(self, 1, 0), grant(self, 'menace')),

  // Flying, haste
  // This creature attacks each combat if able.
  // Ferocious — At the beginning of combat on your turn, if you control a creature with power 4 or greater, you
  // may pay {R}. If you do, return this card from your graveyard to the battlefield.
  card('Flamewake Phoenix').cost('{1}{R}{R}').typeLine('Creature — Phoenix').pt(2, 2).keywords('flying', 'haste')
    .attacksEachCombat()
    .triggeredFromGraveyard(atBeginningOfCombat().if(youControl(is('creature').powerAtLeast(4))),
      ifYouPay('{R}', returnToBattlefield(self))),

  // Flying
  // Whenever you cast a noncreature or Dragon spell, this creature deals 1 damage to each opponent.
  card('Firespitter Whelp').cost('{2}{R}').typeLine('Creature — Dragon').pt(2, 2).keywords('flying')
    .triggered(wheneverYouCast(is().non('creature').orSub('Dragon').spell()), damage(1, eachOpponent)),

  // Dragon spells you cast cost {1} less to cast.
  card("Dragonlord's Servant").cost('{1}{R}').typeLine('Creature — Goblin Shaman').pt(1, 3)
    .static(stCostReduce(subtype('Dragon').spell(), 1)),

  dragon55,
];
