/** `npm run seed`: inserts the demo letter into DATABASE_URL or the embedded database; idempotent. */
import { prepareDatabase } from "@/lib/db/prepare-database";
import { createPrismaClient } from "@/lib/db/prisma";
import { DEMO_LETTER_SLUG } from "@/lib/letters/demo-letter";
import { seedDemoLetter } from "@/lib/letters/seed-demo-letter";
import { loadDotEnv, parseLauncherEnv } from "./launcher-env";

loadDotEnv(process.cwd());

const database = await prepareDatabase({ env: parseLauncherEnv(), projectRoot: process.cwd() });
const db = createPrismaClient(database.url, { poolSize: 1 });
try {
  const outcome = await seedDemoLetter(db);
  console.log(outcome === "created" ? `Seeded the demo letter at /letters/${DEMO_LETTER_SLUG}.` : "The demo letter is already there.");
} finally {
  await db.$disconnect();
  await database.stop();
}
