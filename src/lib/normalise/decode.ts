/**
 * Decoding: bytes → one JS string. Guarantees: no BOM, no NUL, line breaks as received (CR/CRLF are
 * split later), or an InputError naming the file and the reason (binary, legacy font encodings).
 */
import iconv from 'iconv-lite';
import { InputError } from '../errors.ts';

/** Result of decoding: the text and the name of the encoding it came from. */
export interface Decoded {
  text: string;
  encoding: string;
}

/** Line number (1-based) of a byte offset, for error messages. */
function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Vietnamese legacy 8-bit font encodings (TCVN3/ABC, VNI) survive as valid text in a Western code
 * page but read as mojibake. Their tell-tale letters are characteristic: TCVN3 writes đ as `®` and
 * tone-marked vowels as `¸µ¶·¹ª¾»¼½Æ…`; VNI writes `ñ` for đ and appends `ø ù û õ ï ô ö` to vowels.
 */
export function detectLegacyVietnamese(text: string): 'TCVN3' | 'VNI' | null {
  const sample = text.slice(0, 200_000);
  const letters = (sample.match(/\p{L}/gu) ?? []).length || 1;
  const tcvn = (sample.match(/[®¸µ¶·¹ª¨©«¬]/g) ?? []).length;
  const vni = (sample.match(/[aeiouyAEIOUY][øùûõïö]|ñ|Ñ/g) ?? []).length;
  const vietnamese = (sample.match(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu) ?? []).length;
  if (vietnamese > letters * 0.02) return null;
  if (tcvn > letters * 0.03) return 'TCVN3';
  if (vni > letters * 0.03) return 'VNI';
  return null;
}

/**
 * Decode source bytes. UTF-8 (BOM stripped) and UTF-16 LE/BE with BOM are decoded; bytes that are not
 * valid UTF-8 are tried as Windows-1258 (the Vietnamese Windows code page); NUL bytes mean binary and
 * are refused; TCVN3 and VNI legacy encodings are refused by name.
 */
export function decodeSource(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0) throw new InputError(file, null, 'empty file');
  let text: string;
  let encoding: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'utf-16le';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    encoding = 'utf-16be';
  } else {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      throw new InputError(file, lineOfOffset(bytes, nul), 'binary file (NUL byte); expected a text file (UTF-8, UTF-16 with BOM or Windows-1258)');
    }
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(hasBom ? bytes.subarray(3) : bytes);
      encoding = 'utf-8';
    } catch {
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      // 8-bit TCVN3/VNI files (legacy .Vn fonts) are not valid UTF-8 either; their letters show in a
      // byte-per-character reading, which Windows-1258 would turn into other mojibake
      const legacy = detectLegacyVietnamese(iconv.decode(buffer, 'latin1'));
      if (legacy) throw new InputError(file, null, `text looks like the legacy ${legacy} Vietnamese font encoding (8-bit), which is not supported; convert it to Unicode (UTF-8) first`);
      text = iconv.decode(buffer, 'windows1258');
      encoding = 'windows-1258';
    }
  }
  if (text.includes('\u0000')) {
    const before = text.slice(0, text.indexOf('\u0000'));
    throw new InputError(file, before.split('\n').length, 'binary file (NUL character); expected a text file');
  }
  if (text.trim() === '') throw new InputError(file, null, 'empty file (only white space)');
  const legacy = detectLegacyVietnamese(text);
  if (legacy) {
    throw new InputError(file, null, `text looks like the legacy ${legacy} Vietnamese font encoding, which is not supported; convert it to Unicode (UTF-8) first`);
  }
  return { text: text.normalize('NFC'), encoding };
}
