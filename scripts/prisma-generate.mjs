// Runs `prisma generate` without network access: the CLI insists on locating a schema-engine
// binary at start-up even though generation never uses it, so we point it at a stub.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const stub = fileURLToPath(new URL("./prisma-engine-stub.sh", import.meta.url));
const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
if (result.error) console.error(result.error);
process.exit(result.status ?? 1);
