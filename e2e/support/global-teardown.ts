import pg from "pg";
import { TEST_SERVER_URL } from "@/tests/support/throwaway-database";

export default async function globalTeardown() {
  const name = process.env.E2E_DATABASE_NAME;
  if (!name) return;
  const admin = new pg.Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  try {
    // FORCE: the web server may still hold connections while Playwright shuts it down.
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
