// The RTP/1 codec: framing, TLV, messages, parameters and log rendering (PROTOCOL.md,
// docs/protocol.md). Pure: Uint8Array in, Uint8Array out, the caller owns the clock.
export { Command, commandName, isCommandCode, responseTimeoutMs, RESPONSE_BIT } from './commands';
export type { CommandCode } from './commands';
export {
  ABSOLUTE_MAX_BODY,
  ACK,
  CONTROL_NAMES,
  DEFAULT_MAX_BODY,
  ENQ,
  EOT,
  ETX,
  INTER_BYTE_TIMEOUT_MS,
  isControlByte,
  MAX_TRANSMISSIONS,
  NAK,
  QUIET_BEFORE_NAK_MS,
  STX,
  T1_MS,
  T2_DEFAULT_MS,
  T2_LONG_MS,
} from './constants';
export type { ControlByte } from './constants';
export { formatCursor, parseCursor } from './cursor';
export { formatDecimal, parseDecimal } from './decimal';
export { describeBody, describeControl, describeDecoderEvent, describeFrame } from './describe';
export type { LinkDirection } from './describe';
export { RtpError } from './errors';
export type { RtpErrorCode } from './errors';
export { FrameDecoder } from './frame-decoder';
export type { BadFrameReason, DecoderEvent, FrameDecoderOptions } from './frame-decoder';
export { encodeFrame } from './frame-encoder';
export { lengthLimit, negotiatedMaxBody, resolveFrameOptions, RTP1_FRAME_OPTIONS } from './frame-options';
export type { FrameOptions, LengthEncoding, LrcSpan } from './frame-options';
export { decodeFrame } from './frame-parse';
export type { FrameParseResult } from './frame-parse';
export { lrc } from './lrc';
export { decodeRequest, decodeResponse, encodeRequest, encodeResponse, nextSeq } from './message';
export type { RequestDecodeResult, ResponseDecodeResult, RtpRequest, RtpResponse } from './message';
export {
  canonicalParameterSet,
  namedProblem,
  parameterProblem,
  parametersFromTlvs,
  parseStagedSet,
  validateParameterSet,
  validateParameterValue,
} from './parameter-set';
export type { ParameterProblem, ParameterReadResult, ParameterRecord, StagedSetResult } from './parameter-set';
export { checkHostPort, isVolatileParameter, parameterSpec, PARAMETERS, secretAtRestTags } from './parameter-table';
export type { ParameterSpec } from './parameter-table';
export { checkRequest, findBadRequestValue, MAX_STAGE_LENGTH, REQUEST_TAGS } from './request-check';
export type { RequestCheckResult, RequestTagRule } from './request-check';
export { isResultCode, RESULT_CODE_MEANINGS, ResultCode, resultCodeMeaning, resultCodeName } from './result-codes';
export type { ResultCodeValue } from './result-codes';
export { Tag, TAG_INFO, tagFromText, tagToText } from './tags';
export type { TagInfo, TagValueKind } from './tags';
export { decodeTlvs, encodedTlvSize, encodeTlv, encodeTlvs, lengthFieldSize, MAX_TLV_VALUE_LENGTH } from './tlv';
export type { Tlv, TlvDecodeResult, TlvError, TlvErrorCode } from './tlv';
export {
  byteTlv,
  decimalTlv,
  decodeGroup,
  findAllTlvs,
  findDuplicateTag,
  findText,
  findTlv,
  groupTlv,
  tagsStrictlyAscending,
  textTlv,
  tlvDecimal,
  tlvText,
} from './tlv-values';
