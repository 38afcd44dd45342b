/** Test helpers: write a text in the encodings and line ends real sources arrive in. */
import iconv from 'iconv-lite';

/** Encodings and line-end variants the fuzzer and the encoding tests produce. */
export const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1258', 'crlf', 'cr'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * Windows-1258 keeps â ê ô ă ơ ư đ precomposed but writes the five tones as combining marks after the
 * letter, so each letter is decomposed, its tone taken off, the rest recomposed, the tone appended.
 */
export function toCp1258(text: string): Uint8Array {
  const spelled = [...text.normalize('NFC')].map((ch) => {
    const d = ch.normalize('NFD');
    const tones = d.match(TONES)?.join('') ?? '';
    return d.replace(TONES, '').normalize('NFC') + tones;
  }).join('');
  return new Uint8Array(iconv.encode(spelled, 'windows1258'));
}

/** Bytes of `text` in the given encoding (line ends LF unless `crlf`/`cr`). */
export function encode(text: string, enc: Encoding): Uint8Array {
  switch (enc) {
    case 'utf-8': return new TextEncoder().encode(text);
    case 'utf-8-bom': return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    case 'utf-16le': return new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    case 'utf-16be': return new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);
    case 'windows-1258': return toCp1258(text);
    case 'crlf': return new TextEncoder().encode(text.replace(/\r?\n/g, '\r\n'));
    case 'cr': return new TextEncoder().encode(text.replace(/\r?\n/g, '\r'));
  }
}
