import { randomBytes } from "node:crypto";
import { withPgClient } from "./pg";

/** Where test runs create their databases: a maintenance database on a PostgreSQL server. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@localhost:5432/postgres";

export type TThrowawayDatabase = { url: string; name: string; drop: () => Promise<void> };

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh, uniquely named database for one test run, so runs never see each other's rows nor
 * leftovers from an earlier run.
 */
export async function createThrowawayDatabase(prefix: string, serverUrl = TEST_SERVER_URL): Promise<TThrowawayDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await withPgClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return { name, url: databaseUrl(serverUrl, name), drop: () => dropDatabase(name, serverUrl) };
}

/** FORCE: a crashed test or a server being shut down may still hold connections. */
export async function dropDatabase(name: string, serverUrl = TEST_SERVER_URL): Promise<void> {
  await withPgClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
