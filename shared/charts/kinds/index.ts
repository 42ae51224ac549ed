/**
 * The chart kinds: one folder each (spec builder, summary, table), one line each here.
 * Adding a kind: its folder, its line below, and its name in CHART_KINDS (../definition.ts).
 */
import type { ChartKind } from '../definition';
import { basket } from './basket';
import { compare } from './compare';
import { inequality } from './inequality';
import type { ChartKindModule, DataOf } from './kind';
import { spine } from './spine';
import { trend } from './trend';

const modules = {
  trend,
  compare,
  inequality,
  basket,
  spine,
};

/** Each kind's data, by kind. */
export type ChartDataByKind = { [K in keyof typeof modules]: DataOf<(typeof modules)[K]> };

// Every kind of the definition has a module, and every module a kind (a compile-time check).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameKinds: Same<ChartKind, keyof typeof modules> = true;
void sameKinds;

/** The registry, typed so that `chartKinds[kind]` draws `ChartDataByKind[kind]` (no casts). */
export const chartKinds: { readonly [K in ChartKind]: ChartKindModule<ChartDataByKind[K]> } = modules;

export type { ChartKindModule } from './kind';
