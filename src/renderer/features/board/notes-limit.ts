/**
 * How many notes a list draws at first. A room writes newest-first and reads the top; 2,000 cards in
 * the DOM make an older phone stutter while people keep writing, so older notes come on request.
 * (Its own module so the benchmark can read it without the React code.)
 */
export const NOTES_SHOWN_AT_FIRST = 200;

/**
 * How many of those the first paint draws: more than any screen shows (a phone shows about five, a
 * projector's grid a few dozen). The rest of the first NOTES_SHOWN_AT_FIRST follow in a background
 * render right after, so a board of thousands appears without waiting for 200 cards to be built.
 */
export const NOTES_DRAWN_FIRST = 40;
