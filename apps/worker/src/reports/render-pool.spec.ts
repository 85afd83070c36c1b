import { threadId } from 'node:worker_threads';
import { buildReport, ReportModel } from '@app/reporting';
import { samspeletInput } from '../../../../libs/reporting/src/model/__fixtures__/samspelet';
import { measureLoopDelay } from '../../../../test/helpers/loop-delay';
import { RenderPool } from './render-pool';

/**
 * Issue 17: report rendering (pdfkit, pdf-lib, exceljs are synchronous) runs in threads of its own, so the
 * worker's event loop keeps renewing job locks and answering health checks. What is asserted is where the work
 * ran (the thread id); the loop-delay figures are measured for the record only.
 */
describe('RenderPool: report files rendered in worker threads', () => {
  const model = buildReport(samspeletInput('ar'));
  /** One section, no bilagor: quick to render where only the pool's behaviour is looked at. */
  const small: ReportModel = { ...model, sections: model.sections.slice(0, 1), bilagor: [] };
  const pool = new RenderPool(2);
  afterAll(() => pool.close());

  it('renders the PDF and XLSX of a model in another thread, with progress', async () => {
    const stages: string[] = [];
    const { result, delay } = await measureLoopDelay(() =>
      pool.render(model, [], (stage) => void stages.push(stage)),
    );
    expect(threadId).toBe(0);
    expect(result.threadId).toBeGreaterThan(0);
    expect(result.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(result.xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(stages).toContain('pdf');
    expect(stages[stages.length - 1]).toBe('xlsx');
    expect(delay.maxMs).toBeGreaterThanOrEqual(0);
  });

  it('runs as many renders at once as it has threads, each in its own', async () => {
    const results = await Promise.all([1, 2].map(() => pool.render(small, [])));
    const threads = new Set(results.map((r) => r.threadId));
    expect(threads.size).toBe(2);
    expect(threads.has(0)).toBe(false);
    expect(pool.stats()).toMatchObject({ threads: 2, busy: 0, queued: 0 });
  });

  it('fails only the task whose model cannot be rendered; the next one renders', async () => {
    const broken = { ...model, sections: null } as unknown as ReportModel;
    await expect(pool.render(broken, [])).rejects.toThrow(/report rendering failed/);
    const ok = await pool.render(small, []);
    expect(ok.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('ends a thread that stays idle, and starts one again for the next task', async () => {
    const brief = new RenderPool(1, 50);
    try {
      const first = await brief.render(small, []);
      await new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (brief.stats().threads === 0) {
            clearInterval(poll);
            resolve();
          }
        }, 20);
      });
      const second = await brief.render(small, []);
      expect(second.threadId).not.toBe(first.threadId);
      expect(brief.stats()).toMatchObject({ threads: 1, rendered: 2 });
    } finally {
      await brief.close();
    }
  });

  it('refuses work once closed', async () => {
    const closed = new RenderPool(1);
    await closed.close();
    await expect(closed.render(small, [])).rejects.toThrow(/closed/);
  });
});
