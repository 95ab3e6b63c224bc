// The host side of the RTP/1 link: framing on a BytePort, ACK/NAK, T1/T2, retries, the link log.
export { LinkAborted, LinkError, LinkFailure, LinkTimeout, TerminalProtocolError, TerminalRefused, isLinkError } from './link-errors';
export type { LinkErrorKind, LinkFailureReason, RefusalDetails } from './link-errors';
export { createMemoryLogSink } from './link-log';
export type { LinkLogDirection, LinkLogEntry, LinkLogKind, LinkLogSink, MemoryLogSink } from './link-log';
export { linkLogFromJsonLines, linkLogToJsonLines, linkLogToText } from './link-log-export';
export { protocolTiming, responseTimeoutFor, scaledTiming, wireTimeMs } from './link-timing';
export type { LinkTiming } from './link-timing';
export { RtpLink } from './rtp-link';
export type { LinkCallOptions, RequestOptions, RtpLinkOptions } from './rtp-link';
