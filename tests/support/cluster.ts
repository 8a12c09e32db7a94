import { spawn } from "node:child_process";
import path from "node:path";
import net from "node:net";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient, type TDb } from "@/lib/db/prisma";
import { createThrowawayDatabase, type TThrowawayDatabase } from "./throwaway-database";

/**
 * `npm run start:cluster -- --instances 2` (production build and server) as tests drive it:
 * everything that must hold across instances is shown through their HTTP surfaces only.
 */

export type TTestCluster = {
  /** The round-robin proxy, on `port`. */
  proxy: string;
  /** The two instances, on the two ports after the proxy's. */
  instances: readonly [string, string];
  /** Polls `check` until it returns a value other than undefined; fails at once if the cluster exits. */
  waitFor<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T>;
  /** The launcher's exit code, once it has exited. */
  exited: Promise<number | null>;
  /** SIGTERM to the launcher (if it still runs), then its exit code. */
  stop(): Promise<number | null>;
};

/** A throwaway database with the migrations applied, and a client on it for the test's own reads. */
export async function createClusterDatabase(serverUrl: string): Promise<{ database: TThrowawayDatabase; db: TDb }> {
  const database = await createThrowawayDatabase("undersigned_cluster", serverUrl);
  await applyMigrations(database.url, path.resolve("prisma/migrations"));
  return { database, db: createPrismaClient(database.url, { poolSize: 2 }) };
}

/**
 * The settings every test cluster runs with; `overrides` adds the test's own (SMTP_URL, limits,
 * the rate-limit store). Rate limits default to their PostgreSQL store: a REDIS_URL in the
 * test runner's own environment must not choose the store behind the test's back.
 */
export function clusterEnv(options: { port: number; databaseUrl: string; overrides: Record<string, string> }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    NODE_ENV: "production",
    DATABASE_URL: options.databaseUrl,
    APP_URL: `http://localhost:${options.port}`,
    AUTH_SECRET: "cluster-secret-cluster-secret-cluster-secret",
    EMAIL_HMAC_KEY: "cluster-email-key-cluster-email-key-cluster",
    EMAIL_FROM: "Undersigned <letters@undersigned.test>",
    BACKGROUND_JOBS: "in-process",
  };
  delete env.REDIS_URL;
  return { ...env, ...options.overrides };
}

/** Starts the launcher with `env` (see clusterEnv) and resolves once the proxy and both instances serve. */
export async function startTestCluster(port: number, env: NodeJS.ProcessEnv): Promise<TTestCluster> {
  for (const taken of [port, port + 1, port + 2]) await assertPortFree(taken, port);
  const output: string[] = [];
  const launcher = spawn(process.execPath, ["--import", "tsx", "scripts/serve-cluster.ts", "--instances", "2"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  launcher.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  launcher.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => launcher.once("exit", (code) => resolve(code)));
  const recentOutput = () => output.slice(-30).join("");

  async function waitFor<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (launcher.exitCode !== null) throw new Error(`start:cluster exited with code ${launcher.exitCode}.\n${recentOutput()}`);
      const value = await check().catch(() => undefined);
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.\n${recentOutput()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const cluster: TTestCluster = {
    proxy: `http://localhost:${port}`,
    instances: [`http://localhost:${port + 1}`, `http://localhost:${port + 2}`],
    waitFor,
    exited,
    stop: async () => {
      if (launcher.exitCode === null && launcher.signalCode === null) launcher.kill("SIGTERM");
      return exited;
    },
  };
  // Generous: on a clean clone the launcher builds the app first.
  for (const url of [...cluster.instances, cluster.proxy]) {
    await waitFor(`${url} to serve`, 240_000, async () => ((await fetch(`${url}/api/health`)).ok ? true : undefined));
  }
  return cluster;
}

/** A leftover server on our ports would answer the readiness checks in the cluster's place. */
async function assertPortFree(port: number, firstPort: number): Promise<void> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", () => reject(new Error(`Port ${port} is taken; the cluster test needs ${firstPort}-${firstPort + 2} (CLUSTER_TEST_PORT moves them).`)));
    probe.listen(port, resolve);
  });
  await new Promise((resolve) => probe.close(resolve));
}

/** The test's cluster ports: the proxy listens on the first; the instances take the next two. */
export const CLUSTER_TEST_PORT = Number(process.env.CLUSTER_TEST_PORT ?? 3600);

const clientIpOf = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/** Distinct client addresses, as the rate limits see them behind the trusted proxy. */
export function clientAddresses(): () => string {
  let next = 1;
  return () => clientIpOf(next++);
}

/**
 * A signature submission to an instance's JSON API from one client: the last X-Forwarded-For
 * entry, which the cluster's trusted proxy hop would have appended.
 */
export function submitSignature(instance: string, slug: string, email: string, clientIp: string): Promise<Response> {
  return postSignatureBody(instance, slug, { name: "Cluster Signer", email, anonymous: true }, clientIp);
}

/** `submitSignature` with any body, valid or not. */
export function postSignatureBody(instance: string, slug: string, body: unknown, clientIp: string): Promise<Response> {
  return fetch(`${instance}/api/v1/letters/${slug}/signatures`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": clientIp },
    body: JSON.stringify(body),
  });
}
