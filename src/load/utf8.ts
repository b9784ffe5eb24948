// Where a byte string stops being valid UTF-8, so a bad byte can be reported at its line and column.

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1 if all are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong three-byte forms, surrogates and code points above U+10FFFF.
    if ((b === 0xe0 && bytes[i + 1]! < 0xa0) || (b === 0xed && bytes[i + 1]! > 0x9f)) return i;
    if ((b === 0xf0 && bytes[i + 1]! < 0x90) || (b === 0xf4 && bytes[i + 1]! > 0x8f)) return i;
    i += length;
  }
  return -1;
}

/** 1-based line and column (in characters) of a byte offset in text that is valid UTF-8 up to it. */
export function lineColOfByte(bytes: Uint8Array, offset: number): { line: number; col: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, col: Array.from(lines.at(-1)!).length + 1 };
}
