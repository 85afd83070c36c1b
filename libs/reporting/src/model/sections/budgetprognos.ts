import { Money } from '@app/domain';
import { budgetFinancing } from '../budget-lines';
import { ReportRow, ReportTable } from '../report-model';
import { D } from '../figures';
import { row } from '../table-helpers';
import { BuildContext } from '../build-context';

/** 7 Budgetprognos (årsredovisning only). */
export function budgetprognos(ctx: BuildContext): void {
  const { input, year, kind, sections, tables } = ctx;
  if (kind === 'ARSREDOVISNING') {
    const next = input.budgets
      .filter((b) => b.year > year && b.kind === 'ORDINARY')
      .sort((a, b) => a.year - b.year || b.decided.localeCompare(a.decided))[0];
    if (next) {
      const lineSum = Object.values(next.lines).reduce((a, v) => a.plus(v), new Money(0));
      const rows: ReportRow[] = [
        row(`budget_${next.year}`, `Budget ${next.year} (beslutad ${next.decided}), kostnader`, [lineSum]),
      ];
      // The financing rows as the förbund names them (old bundles' fixed keys read as rows with Swedish labels).
      budgetFinancing(next).forEach((f, i) =>
        rows.push(
          row(`finansiering_${i + 1}`, `varav finansiering: ${f.label}`, [D(f.amount)], { level: 1 }),
        ),
      );
      for (const [y, v] of Object.entries(next.outlook ?? {}).sort())
        rows.push(row(`plan_${y}`, `Plan ${y}`, [D(v)]));
      const bp: ReportTable = { id: 'budgetprognos', title: 'Budgetprognos', columns: ['Belopp'], rows };
      tables.push(bp);
      sections.push({
        id: 'budgetprognos',
        title: 'Budgetprognos',
        text: `Enligt senast beslutade verksamhetsplan och budget (${next.decided}).`,
        tables: [bp],
      });
    }
  }
}
