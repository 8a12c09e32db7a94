import { parseArgs } from "node:util";

export type TClusterOptions = {
  instances: number;
  proxy: boolean;
  /** Where clients connect: the proxy, or (without it) the first instance. */
  publicPort: number;
  instancePorts: number[];
};

export const MAX_INSTANCES = 16;

/**
 * `npm run start:cluster -- --instances 3 [--no-proxy]`. With the proxy (the default) it listens
 * on PORT and the instances take PORT+1…PORT+N; without it the instances take PORT…PORT+N-1.
 */
export function parseClusterOptions(argv: string[], portSetting: string | undefined): TClusterOptions {
  const { values } = parseArgs({
    args: argv,
    options: { instances: { type: "string", short: "n", default: "2" }, "no-proxy": { type: "boolean", default: false } },
    strict: true,
  });
  const instances = Number(values.instances);
  if (!Number.isInteger(instances) || instances < 1 || instances > MAX_INSTANCES) {
    throw new Error(`--instances must be a whole number from 1 to ${MAX_INSTANCES}, not "${values.instances}".`);
  }
  const publicPort = Number(portSetting ?? 3000);
  if (!Number.isInteger(publicPort) || publicPort < 1 || publicPort + instances > 65_535) {
    throw new Error(`PORT must leave room for ${instances} consecutive ports, not "${portSetting}".`);
  }
  const proxy = !values["no-proxy"];
  const first = proxy ? publicPort + 1 : publicPort;
  return { instances, proxy, publicPort, instancePorts: Array.from({ length: instances }, (_, i) => first + i) };
}
