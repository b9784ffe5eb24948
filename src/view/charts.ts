// Chart geometry for inline SVG: bars and ticks as plain numbers of the drawing's own units. The
// templates draw them; Decimals become layout numbers here and nowhere else.
import type { Decimal } from '../decimal.js';
import { percent } from './format.js';

interface HBar {
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
  /** Values stand in their own column right of the plot, so no reference line ever crosses them. */
  valueX: number;
  bars: HBar[];
  /** The reference line runs over the bars only; its label sits below them, on its own row. */
  marker?: { x: number; y2: number; labelY: number; label: string; anchor: 'start' | 'end' };
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
  const barsEnd = 6 + items.length * (barHeight + gap);
  const height = barsEnd + 18;
  const markerX = marker ? labelWidth + scale(marker.value) : 0;
  return {
    width: labelWidth + plotWidth + 60,
    height,
    labelWidth,
    barHeight,
    valueX: labelWidth + plotWidth + 52,
    bars,
    // A label left of the line when the line is in the plot's right half, so it never runs off the chart.
    marker: marker && { x: markerX, y2: barsEnd, labelY: barsEnd + 12, label: marker.label, anchor: markerX > labelWidth + plotWidth / 2 ? 'end' : 'start' },
    axisLabel,
  };
}

interface VBarGroup {
  label: string;
  x: number;
  bars: { x: number; y: number; height: number; value: string; labelY: number; kind: 'fund' | 'median' | 'index' }[];
}

export interface VBarChart {
  width: number;
  height: number;
  zeroY: number;
  groups: VBarGroup[];
}

/**
 * Grouped vertical bars (fund, peer median and index by period) around a zero line. Each value label
 * stands above its bar (below it for a negative value), inside the bar's own column, so labels never
 * meet one another or the zero line.
 */
export function groupedBars(groups: { label: string; fund: Decimal; median?: Decimal; index?: Decimal }[]): VBarChart {
  const width = 460;
  const plotHeight = 150;
  const top = 18;
  const barWidth = 30;
  const step = 38;
  const values = groups.flatMap((g) => [g.fund, ...(g.median ? [g.median] : []), ...(g.index ? [g.index] : [])]);
  const maxAbs = values.reduce((m, v) => (v.abs().greaterThan(m) ? v.abs() : m), values[0]!.abs());
  const anyNegative = values.some((v) => v.isNegative());
  const zeroY = top + (anyNegative ? plotHeight / 2 : plotHeight);
  const unit = (anyNegative ? plotHeight / 2 : plotHeight) - 14;
  const scale = (v: Decimal) => (maxAbs.isZero() ? 0 : v.dividedBy(maxAbs).times(unit).toDecimalPlaces(1).toNumber());
  const slot = width / groups.length;
  return {
    width,
    height: zeroY + (anyNegative ? plotHeight / 2 : 0) + 30,
    zeroY,
    groups: groups.map((g, i) => {
      const series = [
        { kind: 'fund' as const, v: g.fund },
        ...(g.median ? [{ kind: 'median' as const, v: g.median }] : []),
        ...(g.index ? [{ kind: 'index' as const, v: g.index }] : []),
      ];
      const x0 = i * slot + slot / 2 - (series.length * step - (step - barWidth)) / 2;
      return {
        label: g.label,
        x: i * slot + slot / 2,
        bars: series.map(({ kind, v }, k) => {
          const h = scale(v);
          const y = h >= 0 ? zeroY - h : zeroY;
          const height = Math.max(0.5, Math.abs(h));
          return { x: x0 + k * step, y, height, value: percent(v), labelY: h >= 0 ? y - 3 : y + height + 9, kind };
        }),
      };
    }),
  };
}
