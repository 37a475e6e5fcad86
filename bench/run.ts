// npm run bench: prints figures; asserts nothing. Set DATABASE_URL and REDIS_URL for the
// PostgreSQL and two-instance scenarios; BENCH_PAIRS and BENCH_MESSAGES size the chat run.
import { chatBench } from './chat.js';
import { bookingBench } from './booking.js';
import { videoBench } from './video.js';

await bookingBench();
await chatBench();
await videoBench();
process.exit(0);
