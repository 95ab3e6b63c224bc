// Asks for a secret on the terminal without echoing it: raw mode, one key at a time.

/** How long the prompt waits for the user before giving up. */
const promptTimeoutMs = 5 * 60_000;

/**
 * Reads one line from the terminal (stdin must be a TTY) without showing it; Enter ends it,
 * Backspace deletes, Ctrl-C or Ctrl-D cancels (rejects). Gives up after five minutes.
 */
export function readSecret(prompt: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = '';
    output.write(prompt);
    const done = (error: Error | null) => {
      clearTimeout(timer);
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const timer = setTimeout(() => done(new Error('no passphrase was typed within five minutes')), promptTimeoutMs);
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done(null);
        if (char === '\u0003' || char === '\u0004') return done(new Error('the passphrase prompt was cancelled'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}
