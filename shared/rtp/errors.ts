// Encoders throw one typed error: a caller handing them an impossible value is a programming
// error, unlike a decoder's input, which comes off the wire and is never allowed to throw.

/** What an encoder refused. */
export type RtpEncodeErrorCode = 'body-too-long' | 'value-too-long' | 'bad-tag' | 'bad-seq' | 'bad-command' | 'bad-result-code' | 'bad-option';

/** Thrown by the RTP/1 encoders when asked to encode something the protocol cannot carry. */
export class RtpEncodeError extends Error {
  override readonly name = 'RtpEncodeError';

  /** Builds the error with a machine-readable code and an English message. */
  constructor(
    readonly code: RtpEncodeErrorCode,
    message: string,
  ) {
    super(message);
  }
}
