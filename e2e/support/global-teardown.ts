import { rm } from "node:fs/promises";
import { dropDatabase } from "@/tests/support/throwaway-database";

export default async function globalTeardown() {
  const name = process.env.E2E_DATABASE_NAME;
  if (name) await dropDatabase(name);
  if (process.env.E2E_SERVER_LOG) await rm(process.env.E2E_SERVER_LOG, { force: true });
}
