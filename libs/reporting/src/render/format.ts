import { formatAmount, formatPercent, formatSigned, money } from '@app/domain';
import type { ReportRow } from '../model/report-model';

/** A model value as the reader sees it: Swedish number formats, the förbund's unit, '–' for nothing. */
export function presentValue(
  value: string | null,
  row: Pick<ReportRow, 'format'>,
  unit: 'tkr' | 'kr',
  signed = false,
): string {
  if (value === null || value === '') return '–';
  switch (row.format) {
    case 'percent':
      return /^-?\d+(\.\d+)?$/.test(value) ? formatPercent(money(value)) : value;
    case 'share':
      return /^-?\d+(\.\d+)?$/.test(value) ? formatPercent(money(value), 0) : value;
    case 'text':
    case 'integer':
      return value;
    default:
      if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
      return signed ? formatSigned(money(value), unit) : formatAmount(money(value), unit);
  }
}
