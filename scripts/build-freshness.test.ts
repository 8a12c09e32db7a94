import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isBuildStale } from "./build-freshness";

describe("isBuildStale", () => {
  let root: string;
  const touch = async (file: string, when: Date) => {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), "");
    await utimes(path.join(root, file), when, when);
  };
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "undersigned-build-"));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("is stale when there is no build", async () => {
    await touch("app/page.tsx", minutesAgo(10));
    expect(await isBuildStale(root)).toBe(true);
  });

  it("is fresh when the build is newer than every source file", async () => {
    await touch("app/(public)/page.tsx", minutesAgo(10));
    await touch("lib/letters/x.ts", minutesAgo(9));
    await touch(".next/BUILD_ID", minutesAgo(5));
    await touch(".data/postgres/PG_VERSION", minutesAgo(1)); // data, not source
    await touch("lib/db/generated/client.ts", minutesAgo(1)); // regenerated from the schema, which is tracked
    for (const dir of ["app", "app/(public)", "lib", "lib/letters", "lib/db", ".next", ".data"]) {
      await utimes(path.join(root, dir), minutesAgo(10), minutesAgo(10));
    }
    expect(await isBuildStale(root)).toBe(false);
  });

  it("is stale when a nested source file changed after the build", async () => {
    await touch(".next/BUILD_ID", minutesAgo(5));
    await touch("app/(public)/letters/[slug]/page.tsx", minutesAgo(1));
    expect(await isBuildStale(root)).toBe(true);
  });

  it("is stale when the schema changed after the build", async () => {
    await touch(".next/BUILD_ID", minutesAgo(5));
    await touch("prisma/schema.prisma", minutesAgo(1));
    expect(await isBuildStale(root)).toBe(true);
  });
});
