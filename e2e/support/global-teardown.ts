import { rm } from "node:fs/promises";
import { dropDatabase } from "@/tests/support/throwaway-database";
import { stopServer } from "./stop-server";

export default async function globalTeardown() {
  await stopServer();
  const name = process.env.E2E_DATABASE_NAME;
  if (name) await dropDatabase(name);
  if (process.env.E2E_SERVER_LOG) {
    await rm(process.env.E2E_SERVER_LOG, { force: true });
    await rm(`${process.env.E2E_SERVER_LOG}.pid`, { force: true });
  }
}
