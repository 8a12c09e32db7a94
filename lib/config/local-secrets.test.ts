import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadOrCreateLocalSecrets } from "./local-secrets";

describe("loadOrCreateLocalSecrets", () => {
  let dir: string;
  beforeEach(async () => {
    dir = path.join(await mkdtemp(path.join(os.tmpdir(), "undersigned-secrets-")), "nested", ".data");
  });
  afterEach(() => rm(path.dirname(path.dirname(dir)), { recursive: true, force: true }));

  it("creates a strong secret readable only by its owner, and keeps it across runs", async () => {
    const first = await loadOrCreateLocalSecrets(dir);
    expect(first.AUTH_SECRET).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await stat(path.join(dir, "secrets.json"))).mode & 0o777).toBe(0o600);
    expect(await loadOrCreateLocalSecrets(dir)).toEqual(first);
  });

  it("agrees on one secret when several processes start at once", async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => loadOrCreateLocalSecrets(dir)));
    expect(new Set(results.map((r) => r.AUTH_SECRET)).size).toBe(1);
    expect(JSON.parse(await readFile(path.join(dir, "secrets.json"), "utf8"))).toEqual(results[0]);
  });

  it("refuses a damaged secrets file instead of silently replacing the secret", async () => {
    await loadOrCreateLocalSecrets(dir);
    await writeFile(path.join(dir, "secrets.json"), "{ not json");
    await expect(loadOrCreateLocalSecrets(dir)).rejects.toThrow(/malformed; delete it/);
  });
});

describe("loadOrCreateLocalSecrets with a file from an older version", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "undersigned-secrets-old-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("adds the secrets it lacks and keeps the ones it has", async () => {
    const authSecret = "a".repeat(43);
    await writeFile(path.join(dir, "secrets.json"), JSON.stringify({ AUTH_SECRET: authSecret }));
    const secrets = await loadOrCreateLocalSecrets(dir);
    expect(secrets.AUTH_SECRET).toBe(authSecret);
    expect(secrets.EMAIL_HMAC_KEY).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await loadOrCreateLocalSecrets(dir)).toEqual(secrets);
    expect((await stat(path.join(dir, "secrets.json"))).mode & 0o777).toBe(0o600);
  });
});
