/*
 * The body of a report-rendering thread (started by render-pool.ts): takes one task at a time, renders the
 * model's PDF and XLSX and answers with the bytes, progress on the way. Nothing here touches the database or
 * storage: the model and the prepared bilagor arrive as plain data.
 */
import { parentPort, threadId } from 'node:worker_threads';
import { PreparedAttachment, renderReportFiles, ReportLogo, ReportModel } from '@app/reporting';

export interface RenderTask {
  model: ReportModel;
  uploads: PreparedAttachment[];
  /** The förbund's logo for the cover, or null. */
  logo?: ReportLogo | null;
}

export type RenderReply =
  | { type: 'progress'; stage: 'pdf' | 'xlsx'; fraction: number }
  | { type: 'done'; pdf: Uint8Array; xlsx: Uint8Array; checks: Uint8Array; threadId: number }
  | { type: 'error'; message: string };

const port = parentPort;
if (port) {
  port.on('message', (task: RenderTask) => {
    const reply = (m: RenderReply) => port.postMessage(m);
    renderReportFiles(
      task.model,
      task.uploads,
      (stage, fraction) => reply({ type: 'progress', stage, fraction }),
      task.logo,
    ).then(
      ({ pdf, xlsx, checks }) => reply({ type: 'done', pdf, xlsx, checks, threadId }),
      (e: unknown) =>
        reply({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
    );
  });
}
