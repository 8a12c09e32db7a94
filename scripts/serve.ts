/**
 * `npm start` and `npm run dev`: gets a database ready (the embedded one when DATABASE_URL is
 * unset), builds the app when the build is missing or older than the source, then runs Next.
 * The Next process itself stays stateless: it is handed a DATABASE_URL like any other instance.
 * `npm run start:cluster` (scripts/serve-cluster.ts) does the same with several Next processes.
 */
import { spawn } from "node:child_process";
import { prepareLaunch, productionServerArgs, reportLaunchFailure, takeOverSignals } from "./launch";

const command = process.argv[2] === "dev" ? "dev" : "start";

async function main() {
  const { database, childEnv, nextBin } = await prepareLaunch(command);
  const args = command === "dev" ? [nextBin, "dev"] : productionServerArgs(childEnv.PORT ?? 3000);
  const next = spawn(process.execPath, args, { stdio: "inherit", env: childEnv });
  takeOverSignals((signal) => next.kill(signal));
  next.on("exit", async (code, signal) => {
    await database.stop();
    process.exit(code ?? (signal ? 0 : 1));
  });
}

main().catch(reportLaunchFailure);
