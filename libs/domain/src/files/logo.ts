/**
 * A förbund's logo (issue 18.4): a PNG or JPEG, told by its magic bytes and read from its header, small enough to
 * print on a report's cover and embeddable in a PDF/A-2 file (PNG transparency becomes a soft mask, which PDF/A-2
 * allows; a CMYK JPEG does not match the sRGB output intent and is refused). Pure: no decoding library.
 */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const LOGO_MIN_PIXELS = 32;
export const LOGO_MAX_PIXELS = 4000;

export interface ImageHeader {
  kind: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  /** Colour components: 1 grey, 3 RGB (PNG palette counts as 3), 4 CMYK (JPEG only). */
  components: number;
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The image's kind and size from its first bytes; null when it is not a PNG or JPEG whose header can be read. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 29 && PNG_MAGIC.every((m, i) => b[i] === m) && b.toString('latin1', 12, 16) === 'IHDR') {
    const colourType = b[25];
    const components = colourType === 0 || colourType === 4 ? 1 : 3;
    return { kind: 'image/png', width: b.readUInt32BE(16), height: b.readUInt32BE(20), components };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1];
      if (marker === 0xff) {
        i += 1;
        continue;
      }
      const len = b.readUInt16BE(i + 2);
      // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
        return {
          kind: 'image/jpeg',
          height: b.readUInt16BE(i + 5),
          width: b.readUInt16BE(i + 7),
          components: b[i + 9],
        };
      if (marker === 0xd9 || marker === 0xda) return null;
      i += 2 + len;
    }
  }
  return null;
}

export type LogoProblem = 'TYPE' | 'TOO_LARGE' | 'DIMENSIONS' | 'CMYK';

/** Why a file cannot be the förbund's logo, or null when it can. */
export function logoProblem(bytes: Uint8Array): { problem: LogoProblem; header: ImageHeader | null } | null {
  const header = readImageHeader(bytes);
  if (!header) return { problem: 'TYPE', header };
  if (bytes.byteLength > LOGO_MAX_BYTES) return { problem: 'TOO_LARGE', header };
  const sides = [header.width, header.height];
  if (sides.some((s) => s < LOGO_MIN_PIXELS || s > LOGO_MAX_PIXELS)) return { problem: 'DIMENSIONS', header };
  if (header.components === 4) return { problem: 'CMYK', header };
  return null;
}

/** The refusal as the förbundschef reads it. */
export const LOGO_PROBLEM_TEXT: Record<LogoProblem, string> = {
  TYPE: 'Logotypen ska vara en PNG- eller JPEG-bild.',
  TOO_LARGE: `Logotypen får vara högst ${LOGO_MAX_BYTES / 1024 / 1024} MB.`,
  DIMENSIONS: `Logotypen ska vara mellan ${LOGO_MIN_PIXELS} och ${LOGO_MAX_PIXELS} bildpunkter bred och hög.`,
  CMYK: 'Logotypen är en CMYK-bild; spara den i RGB (för skärm) och ladda upp den igen.',
};

/** The logo's alternative text in the report's structure tree. */
export const logoAltText = (organisationName: string) => `${organisationName} logotyp`;
