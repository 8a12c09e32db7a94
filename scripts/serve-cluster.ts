/**
 * `npm run start:cluster -- --instances N`: what `npm start` does, with N Next processes on one
 * database (the PostgreSQL server at DATABASE_URL, or one embedded postmaster) and a small
 * round-robin proxy in front. Everything the instances must share (rate limits, outbox claims,
 * the count-folding lock) lives in PostgreSQL or Redis, so they need nothing from each other.
 * Production puts a real load balancer in front instead; see the README.
 */
import { parseClusterOptions } from "./cluster/cluster-options";
import { startRoundRobinProxy, type TRoundRobinProxy } from "./cluster/round-robin-proxy";
import { superviseChildren } from "./cluster/supervise";
import { prepareLaunch, productionServerArgs, reportLaunchFailure, takeOverSignals } from "./launch";

async function main() {
  const options = parseClusterOptions(process.argv.slice(2), process.env.PORT);
  // Links in emails must point where clients connect, not at one instance.
  process.env.APP_URL ??= `http://localhost:${options.publicPort}`;
  const { database, childEnv, log } = await prepareLaunch("start");
  const alarm = (message: string) => console.error(`[undersigned] ✗ ${message}`);

  // The proxy binds its port before any instance starts: a port already taken stops us here.
  let proxy: TRoundRobinProxy | undefined;
  if (options.proxy) {
    proxy = await startRoundRobinProxy({ port: options.publicPort, upstreamPorts: options.instancePorts, log }).catch(async (error) => {
      await database.stop();
      throw error;
    });
    log(`Round-robin proxy on http://localhost:${proxy.port} (appends the client address to X-Forwarded-For).`);
  }

  const supervisor = superviseChildren(
    options.instancePorts.map((port, index) => ({
      name: `instance ${index + 1}`,
      command: process.execPath,
      args: productionServerArgs(port),
      // Behind our own proxy, the client is the address it appends to X-Forwarded-For.
      env: { ...childEnv, PORT: String(port), TRUSTED_PROXY_HOPS: childEnv.TRUSTED_PROXY_HOPS ?? (options.proxy ? "1" : "0") },
    })),
    log,
    alarm,
  );
  log(`${options.instances} instance(s): ${options.instancePorts.map((port) => `http://localhost:${port}`).join(", ")}`);
  for (const [index, child] of supervisor.children.entries()) log(`instance ${index + 1}: pid ${child.pid}`);

  takeOverSignals((signal) => supervisor.stop(signal));
  const code = await supervisor.exitCode;
  await proxy?.close();
  await database.stop();
  log(code === 0 ? "All instances stopped." : "Stopped after an instance failed.");
  process.exit(code);
}

main().catch(reportLaunchFailure);
