/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
import { prepareDatabase } from "@/lib/db/prepare-database";
import { loadDotEnv, parseLauncherEnv } from "./launcher-env";

loadDotEnv(process.cwd());
const log = (message: string) => console.log(message);

const database = await prepareDatabase({ env: parseLauncherEnv(), projectRoot: process.cwd(), migrate: true, log });
await database.stop();
console.log(database.embedded ? "The embedded database is up to date." : "The database at DATABASE_URL is up to date.");
