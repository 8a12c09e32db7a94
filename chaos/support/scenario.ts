import net from "node:net";
import type { TCheck } from "./checks";

/** The ports a scenario may use: its own, so scenarios (and other people's servers) never meet. */
export type TScenarioPorts = { app: number; smtp: number; database: number };

export type TScenarioOutcome = { figures: Record<string, unknown>; checks: TCheck[] };

export type TScenario = {
  name: string;
  /** The guarantee it puts to the test, as the issue states it. */
  claim: string;
  run(ports: TScenarioPorts): Promise<TScenarioOutcome>;
};

/** The first port in [from, to] nothing listens on at 127.0.0.1 now. */
export async function freePort(from: number, to: number, taken: Set<number> = new Set()): Promise<number> {
  for (let port = from; port <= to; port++) {
    if (taken.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer().once("error", () => resolve(false));
      probe.listen({ host: "127.0.0.1", port, exclusive: true }, () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port between ${from} and ${to}`);
}
