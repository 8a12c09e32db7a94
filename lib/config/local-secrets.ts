import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const ZLocalSecrets = z.object({ AUTH_SECRET: z.string().min(32), EMAIL_HMAC_KEY: z.string().min(32) });
export type TLocalSecrets = z.infer<typeof ZLocalSecrets>;

/**
 * Secrets for a local run, made on first use and kept in a git-ignored file, so that a trial
 * needs no setup and sessions survive a restart. Production never comes here: it must be
 * given its secrets (see `parseEnv`).
 */
export async function loadOrCreateLocalSecrets(dataDir: string): Promise<TLocalSecrets> {
  const file = path.join(dataDir, "secrets.json");
  try {
    return ZLocalSecrets.parse(JSON.parse(await readFile(file, "utf8")));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new Error(`${file} is unreadable or malformed; delete it to generate new local secrets.`, { cause: error });
    }
  }
  const secrets: TLocalSecrets = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    EMAIL_HMAC_KEY: randomBytes(32).toString("base64url"),
  };
  await mkdir(dataDir, { recursive: true });
  // Written in full under a private name, then linked into place: `link` fails if the file
  // exists, so when several processes start at once one secret wins and nobody reads half a file.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await writeFile(draft, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  try {
    await link(draft, file);
    return secrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return loadOrCreateLocalSecrets(dataDir);
    throw error;
  } finally {
    await unlink(draft);
  }
}
