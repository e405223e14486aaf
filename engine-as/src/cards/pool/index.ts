// The whole card pool: every card and token definition.
import type { CardDef } from '../dsl.ts';
import { artifacts } from './artifacts.ts';
import { black } from './black.ts';
import { blue } from './blue.ts';
import { green } from './green.ts';
import { lands } from './lands.ts';
import { multicolor } from './multicolor.ts';
import { red } from './red.ts';
import { tokens } from './tokens.ts';
import { white } from './white.ts';

export const pool: CardDef[] = [...white, ...blue, ...black, ...red, ...green, ...multicolor, ...artifacts, ...lands, ...tokens];
