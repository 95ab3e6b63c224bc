// The one polling wait of the tests: for something another process or a timer makes true, where
// no event says so. Bounded: it rejects after `withinMs` with what it waited for.
export async function waitFor(condition: () => boolean, withinMs = 2000, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not hold within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
