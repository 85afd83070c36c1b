/**
 * The result line a benchmark's child process printed: the last line of its output that is a JSON object. A log
 * line written after it (a library's warning on the way out) must not take its place.
 */
export function lastJsonLine(stdout: string): string {
  const line = stdout
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  if (!line) throw new Error(`the child printed no result line: ${stdout.slice(-500)}`);
  return line;
}
