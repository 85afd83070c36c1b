import {
  AMOUNT_UNIT_LABEL,
  CHOICE_PHRASE,
  checkStatusLabel,
  reportFileBase,
  reportTitle,
} from './report-labels';
import { CHOICE_LABEL } from './labels';

describe('report labels', () => {
  it('titles every report kind, a delårsrapport up to its period’s end month', () => {
    expect(reportTitle('ARSREDOVISNING', 2025)).toBe('Årsredovisning 2025');
    expect(reportTitle('DELARSRAPPORT', 2025, '2025-08-31')).toBe('Delårsrapport januari–augusti 2025');
    expect(reportTitle('VERKSAMHETSPLAN', 2026)).toBe('Verksamhetsplan och budget 2026');
  });

  it('names a compiled report’s files', () => {
    expect(reportFileBase('ARSREDOVISNING', 'samspelet', 2025, 3)).toBe('arsredovisning-samspelet-2025-v3');
    expect(reportFileBase('DELARSRAPPORT', 'x', 2024, 1)).toBe('delarsrapport-x-2024-v1');
  });

  it('prints checks and units as the reports always have', () => {
    expect(checkStatusLabel('PASS')).toBe('GODKÄND');
    expect(checkStatusLabel('FAIL')).toBe('EJ GODKÄND');
    expect(AMOUNT_UNIT_LABEL.tkr).toBe('Belopp i tkr');
    expect(AMOUNT_UNIT_LABEL.kr).toBe('Belopp i kronor');
  });

  it('has an in-sentence word for every assessment', () => {
    expect(Object.keys(CHOICE_PHRASE).sort()).toEqual(Object.keys(CHOICE_LABEL).sort());
    expect(CHOICE_PHRASE.EJ_MATBART_AN).toBe('ej mätbart än');
  });
});
