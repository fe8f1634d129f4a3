/**
 * How many notes a list draws at first. A room writes newest-first and reads the top; 2,000 cards in
 * the DOM make an older phone stutter while people keep writing, so older notes come on request.
 * (Its own module so the benchmark can read it without the React code.)
 */
export const NOTES_SHOWN_AT_FIRST = 200;
