// One typed error for the codec. Encoders and option setters throw it: a caller handing them an
// impossible value is a programming error. Decoders never throw: their input comes off the wire.

/** What was refused. */
export type RtpErrorCode = 'body-too-long' | 'value-too-long' | 'bad-tag' | 'bad-seq' | 'bad-command' | 'bad-result-code' | 'bad-value' | 'bad-option';

/** Thrown by RTP/1 encoders and option setters when asked for something the protocol cannot do. */
export class RtpError extends Error {
  override readonly name = 'RtpError';
  readonly code: RtpErrorCode;

  /** Builds the error with a machine-readable code and an English message. */
  constructor(code: RtpErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
