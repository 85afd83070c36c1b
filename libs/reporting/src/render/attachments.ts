import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';

export interface AttachmentFile {
  title: string;
  contentType: string;
  bytes: Uint8Array;
}

/** How many pages an attachment adds: a PDF its own pages, an image one page, other kinds none. */
export async function attachmentPages(file: AttachmentFile): Promise<number> {
  if (file.contentType === 'application/pdf')
    return (await PDFDocument.load(file.bytes, { ignoreEncryption: true })).getPageCount();
  return file.contentType === 'image/png' || file.contentType === 'image/jpeg' ? 1 : 0;
}

/**
 * Appends uploaded bilagor (PDF pages as they are, images scaled onto A4) after the report, each page stamped
 * with the report's header and "Sida N av M" so the numbering runs on.
 */
export async function appendAttachments(
  report: Uint8Array,
  files: AttachmentFile[],
  header: string,
): Promise<Buffer> {
  const doc = await PDFDocument.load(report);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const added: Array<{ title: string }> = [];
  for (const f of files) {
    if (f.contentType === 'application/pdf') {
      const src = await PDFDocument.load(f.bytes, { ignoreEncryption: true });
      const pages = await doc.copyPages(src, src.getPageIndices());
      for (const p of pages) {
        doc.addPage(p);
        added.push({ title: f.title });
      }
    } else if (f.contentType === 'image/png' || f.contentType === 'image/jpeg') {
      const img = f.contentType === 'image/png' ? await doc.embedPng(f.bytes) : await doc.embedJpg(f.bytes);
      const page = doc.addPage([595.28, 841.89]);
      const maxW = 595.28 - 112;
      const maxH = 841.89 - 160;
      const scale = Math.min(maxW / img.width, maxH / img.height, 1);
      page.drawImage(img, {
        x: 56,
        y: 841.89 - 90 - img.height * scale,
        width: img.width * scale,
        height: img.height * scale,
      });
      added.push({ title: f.title });
    }
  }
  const total = doc.getPageCount();
  const first = total - added.length;
  added.forEach((a, i) => {
    const page = doc.getPage(first + i);
    const { width, height } = page.getSize();
    const grey = rgb(0.35, 0.35, 0.35);
    page.drawText(`${header} · ${a.title}`, { x: 56, y: height - 36, size: 7, font, color: grey });
    const footer = `Sida ${first + i + 1} av ${total}`;
    page.drawText(footer, {
      x: width - 56 - font.widthOfTextAtSize(footer, 8),
      y: 30,
      size: 8,
      font,
      color: grey,
    });
  });
  return Buffer.from(await doc.save());
}
