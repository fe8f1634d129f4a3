/**
 * What happened around a test, kept in memory and printed only when the test fails: host log lines
 * and the pages' console warnings and errors, with the time they came. A rare failure on a loaded
 * CI machine then says what the host and the page saw, instead of only "Matcher did not succeed".
 */
const MAX_LINES = 300;
const lines: string[] = [];

export function trail(source: string, line: string): void {
  lines.push(`${new Date().toISOString().slice(11, 23)} [${source}] ${line}`);
  if (lines.length > MAX_LINES) lines.splice(0, lines.length - MAX_LINES);
}

/** The lines since the last call, and forgets them. */
export function takeTrail(): string[] {
  return lines.splice(0);
}
