import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const SECRET_NAMES = ["AUTH_SECRET", "EMAIL_HMAC_KEY"] as const;
const ZSecret = z.string().min(32);
const ZStoredSecrets = z.object({ AUTH_SECRET: ZSecret.optional(), EMAIL_HMAC_KEY: ZSecret.optional() });
export type TLocalSecrets = Record<(typeof SECRET_NAMES)[number], string>;

const newSecret = () => randomBytes(32).toString("base64url");

/**
 * Secrets for a local run, made on first use and kept in a git-ignored file, so that a trial
 * needs no setup and sessions survive a restart. A file from an older version that lacks a
 * newer secret gets it added; existing secrets are never replaced. Production never comes
 * here: it must be given its secrets (see `parseEnv`).
 */
export async function loadOrCreateLocalSecrets(dataDir: string): Promise<TLocalSecrets> {
  const file = path.join(dataDir, "secrets.json");
  const stored = await readStoredSecrets(file);
  if (stored === null) return createSecretsFile(file, dataDir);
  const missing = SECRET_NAMES.filter((name) => !stored[name]);
  if (missing.length === 0) return stored as TLocalSecrets;
  const completed = { ...stored, ...Object.fromEntries(missing.map((name) => [name, newSecret()])) } as TLocalSecrets;
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await writeFile(draft, JSON.stringify(completed, null, 2) + "\n", { mode: 0o600 });
  await rename(draft, file);
  return completed;
}

async function readStoredSecrets(file: string): Promise<z.infer<typeof ZStoredSecrets> | null> {
  try {
    return ZStoredSecrets.parse(JSON.parse(await readFile(file, "utf8")));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new Error(`${file} is unreadable or malformed; delete it to generate new local secrets.`, { cause: error });
  }
}

async function createSecretsFile(file: string, dataDir: string): Promise<TLocalSecrets> {
  const secrets = Object.fromEntries(SECRET_NAMES.map((name) => [name, newSecret()])) as TLocalSecrets;
  await mkdir(dataDir, { recursive: true });
  // Written in full under a private name, then linked into place: `link` fails if the file
  // exists, so when several processes start at once one set of secrets wins and nobody reads
  // half a file.
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
