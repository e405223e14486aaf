// Token definitions (CF_TOKEN). OP_TOKEN names them by card index; they are never in a deck.
// Each is preceded by the token's printed characteristics.
import { addMana, card, gainLife } from '../dsl.ts';

// Food — Token Artifact — Food
// {2}, {T}, Sacrifice this token: You gain 3 life.
export const food = card('Food').typeLine('Token Artifact — Food')
  .activated('{2}, {T}, Sacrifice this token', gainLife(3));

// Treasure — Token Artifact — Treasure
// {T}, Sacrifice this token: Add one mana of any color.
export const treasure = card('Treasure').typeLine('Token Artifact — Treasure')
  .manaAbility('{T}, Sacrifice this token', addMana('WUBRG'));

// 1/1 white Cat creature token
export const cat = card('Cat').typeLine('Token Creature — Cat').color('W').pt(1, 1);

// 2/2 white Cat creature token (Ajani, Caller of the Pride)
export const cat22 = card('Cat').typeLine('Token Creature — Cat').color('W').pt(2, 2);

// 1/1 white Soldier creature token
export const soldier = card('Soldier').typeLine('Token Creature — Soldier').color('W').pt(1, 1);

// 3/3 white Knight creature token
export const knight = card('Knight').typeLine('Token Creature — Knight').color('W').pt(3, 3);

// 1/1 white Human creature token
export const human = card('Human').typeLine('Token Creature — Human').color('W').pt(1, 1);

// 1/1 red Goblin creature token
export const goblin = card('Goblin').typeLine('Token Creature — Goblin').color('R').pt(1, 1);

// 1/1 black and green Insect creature token with flying
export const insect = card('Insect').typeLine('Token Creature — Insect').color('BG').pt(1, 1).keywords('flying');

// 4/4 red Dragon creature token with flying
export const dragon = card('Dragon').typeLine('Token Creature — Dragon').color('R').pt(4, 4).keywords('flying');

// 1/1 green Elf Warrior creature token
export const elfWarrior = card('Elf Warrior').typeLine('Token Creature — Elf Warrior').color('G').pt(1, 1);

export const tokens = [food, treasure, cat, cat22, soldier, knight, human, goblin, insect, dragon, elfWarrior];
