// Byte helpers for shared/: UTF-8 (on the platform codecs), hex and array utilities without Buffer.
export { bytesEqual, concatBytes } from './bytes';
export { bytesToHex, hexToBytes, isHexDigits, HexError } from './hex';
export type { HexFormat } from './hex';
export { decodeUtf8, encodeUtf8, isWellFormedText, utf8ByteLength } from './utf8';
