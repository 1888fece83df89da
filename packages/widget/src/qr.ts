/** The QR code of a share link as one SVG path: its own chunk, loaded when an ambassador asks for it. */
import { encode } from 'uqr';

/** A QR code ready to draw: `size` modules square, dark modules in the path `d`. */
export interface QrPath {
  size: number;
  d: string;
}

/**
 * Encodes text as a QR code path; a path rather than SVG markup, so that the widget renders it
 * as an element and never parses markup (Trusted Types).
 */
export function qrPath(text: string): QrPath {
  // ECC M survives a scuffed print-out; a 4-module quiet zone is what scanners expect.
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  let d = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  return { size, d };
}
