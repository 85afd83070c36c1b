import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { decimalString } from '@app/domain';

const DEMO = join(__dirname, '..', '..', 'demo');
const demoJson = (...path: string[]) => JSON.parse(readFileSync(join(DEMO, ...path), 'utf8'));

/** The NNS catalogue, Samspelet's counts for 2025 and the indicators they must give (demo/…/nns). */
export const NNS_CATALOGUE = demoJson('nns', 'nns-katalog.json');
export const SAMSPELET_NNS_2025 = demoJson('samspelet', 'nns', 'samspelet-nns-2025.json');
export const EXPECTED_NNS_2025 = demoJson('samspelet', 'nns', 'expected-nns-2025.json');

/** Indicators as expected-nns-2025.json states them: the top share to six decimals and the printed percent. */
export function comparableIndicators(indicators: Array<Record<string, unknown> & { topShare: string }>) {
  return indicators.map((i) => ({
    indicator: i.indicator,
    survey: i.survey,
    question: i.question,
    respondents: i.respondents,
    positive: i.positive,
    topShare: decimalString(new Decimal(i.topShare), 6),
    printed: `${i.percent} %`,
  }));
}
