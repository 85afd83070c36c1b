import Decimal from 'decimal.js';

/**
 * An axis a person reads at a glance: ticks on round numbers (1, 2, 2,5 or 5 times a power of ten) in the unit the
 * reader sees (tkr, kr or percent), always including zero, covering every value.
 */
export interface ChartScale {
  /** Lowest and highest value of the axis, in the values' own unit (kronor, or a share between 0 and 1). */
  min: Decimal;
  max: Decimal;
  /** Tick values in the values' own unit, from min to max. */
  ticks: Decimal[];
}

const STEPS = [1, 2, 2.5, 5, 10];

/**
 * `displayFactor` turns a value into what the reader sees (1/1000 for tkr, 100 for a share shown in percent), so that
 * the ticks are round there: 11 211 / 8 169 / 5 126 tkr becomes 0 / 4 000 / 8 000 / 12 000.
 */
export function niceScale(values: Decimal[], displayFactor: Decimal.Value, maxIntervals = 6): ChartScale {
  const factor = new Decimal(displayFactor);
  const shown = values.map((v) => v.times(factor));
  let lo = Decimal.min(0, ...shown);
  let hi = Decimal.max(0, ...shown);
  if (lo.equals(hi)) hi = lo.plus(1);
  // The smallest round step that needs at most `maxIntervals` intervals to cover every value.
  let magnitude = new Decimal(10).pow(Math.floor(Math.log10(hi.minus(lo).toNumber())) - 1);
  let step: Decimal | undefined;
  while (!step) {
    step = STEPS.map((s) => magnitude.times(s)).find(
      (s) => hi.dividedBy(s).ceil().minus(lo.dividedBy(s).floor()).toNumber() <= maxIntervals,
    );
    magnitude = magnitude.times(10);
  }
  lo = lo.dividedBy(step).floor().times(step);
  hi = hi.dividedBy(step).ceil().times(step);
  const ticks: Decimal[] = [];
  for (let t = lo; t.lessThanOrEqualTo(hi); t = t.plus(step)) ticks.push(t.dividedBy(factor));
  return { min: lo.dividedBy(factor), max: hi.dividedBy(factor), ticks };
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio between two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
