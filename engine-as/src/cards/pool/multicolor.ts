// Multicolored cards of Foundations. Each definition is preceded by its printed rules text.
import { card, is, stPT } from '../dsl.ts';

export const multicolor = [
  // Creatures you control get +1/+1.
  card('Anthem of Champions').cost('{G}{W}').typeLine('Enchantment').static(stPT(is('creature').youControl(), 1, 1)),

  // Double strike
  // Vigilance
  // Trample
  card('Swiftblade Vindicator').cost('{R}{W}').typeLine('Creature — Human Soldier').pt(1, 1)
    .keywords('double strike', 'vigilance', 'trample'),
];
