// The largest card the bot builds at the longest input the app accepts (every field at its limit;
// the fixture of the card tests, bot/src/testing/longestCards.ts), against Teams' 28 KB.
//
// Prints: card_max_bytes (UTF-8 bytes of the card's JSON), card_limit_bytes, and the card it was.
import { CARD_MAX_BYTES, cardBytes } from '../bot/src/teams/cards/elements.js';
import { everyCardAtItsLongest } from '../bot/src/testing/longestCards.js';

const cards = await everyCardAtItsLongest();
const [name, bytes] = cards.map(([n, c]) => [n, cardBytes(c)] as const).sort((a, b) => b[1] - a[1])[0]!;
console.log(`card_max_bytes ${bytes}`);
console.log(`card_limit_bytes ${CARD_MAX_BYTES}`);
console.error(`# largest: ${name}`);
