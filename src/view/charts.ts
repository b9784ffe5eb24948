// Chart geometry for inline SVG: bars and ticks as plain numbers of the drawing's own units. The
// templates draw them; Decimals become layout numbers here and nowhere else.
import type { Decimal } from '../decimal.js';
import { percent } from './format.js';

export interface HBar {
  label: string;
  value: string;
  y: number;
  width: number;
  highlight: boolean;
}

export interface HBarChart {
  width: number;
  height: number;
  labelWidth: number;
  barHeight: number;
  bars: HBar[];
  marker?: { x: number; label: string };
  axisLabel: string;
}

/** Horizontal bars, one per item, scaled to the largest value; an optional marker line (e.g. the median). */
export function hbarChart(items: { label: string; value: Decimal; highlight: boolean }[], marker: { value: Decimal; label: string } | undefined, axisLabel: string): HBarChart {
  const labelWidth = 210;
  const plotWidth = 250;
  const barHeight = 13;
  const gap = 5;
  const max = items.reduce((m, i) => (i.value.greaterThan(m) ? i.value : m), items[0]!.value);
  const scale = (v: Decimal) => (max.isZero() ? 0 : v.dividedBy(max).times(plotWidth).toDecimalPlaces(1).toNumber());
  const bars = items.map((item, i) => ({
    label: item.label,
    value: percent(item.value, 3),
    y: 6 + i * (barHeight + gap),
    width: Math.max(0.5, scale(item.value)),
    highlight: item.highlight,
  }));
  const height = 6 + items.length * (barHeight + gap) + 18;
  return {
    width: labelWidth + plotWidth + 60,
    height,
    labelWidth,
    barHeight,
    bars,
    marker: marker && { x: labelWidth + scale(marker.value), label: marker.label },
    axisLabel,
  };
}

export interface VBarGroup {
  label: string;
  x: number;
  bars: { x: number; y: number; height: number; value: string; kind: 'fund' | 'index' }[];
}

export interface VBarChart {
  width: number;
  height: number;
  zeroY: number;
  groups: VBarGroup[];
}

/** Grouped vertical bars (fund and index by period) around a zero line. */
export function groupedBars(groups: { label: string; fund: Decimal; index?: Decimal }[]): VBarChart {
  const width = 420;
  const plotHeight = 150;
  const top = 18;
  const values = groups.flatMap((g) => [g.fund, ...(g.index ? [g.index] : [])]);
  const maxAbs = values.reduce((m, v) => (v.abs().greaterThan(m) ? v.abs() : m), values[0]!.abs());
  const anyNegative = values.some((v) => v.isNegative());
  const zeroY = top + (anyNegative ? plotHeight / 2 : plotHeight);
  const unit = (anyNegative ? plotHeight / 2 : plotHeight) - 4;
  const scale = (v: Decimal) => (maxAbs.isZero() ? 0 : v.dividedBy(maxAbs).times(unit).toDecimalPlaces(1).toNumber());
  const slot = width / groups.length;
  return {
    width,
    height: zeroY + (anyNegative ? plotHeight / 2 : 0) + 30,
    zeroY,
    groups: groups.map((g, i) => {
      const x0 = i * slot + slot / 2 - 34;
      const bar = (v: Decimal, k: number, kind: 'fund' | 'index') => {
        const h = scale(v);
        return { x: x0 + k * 36, y: h >= 0 ? zeroY - h : zeroY, height: Math.max(0.5, Math.abs(h)), value: percent(v), kind };
      };
      return { label: g.label, x: i * slot + slot / 2, bars: [bar(g.fund, 0, 'fund'), ...(g.index ? [bar(g.index, 1, 'index')] : [])] };
    }),
  };
}
