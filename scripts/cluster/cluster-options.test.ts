import { describe, expect, it } from "vitest";
import { parseClusterOptions } from "./cluster-options";

describe("start:cluster options", () => {
  it("puts the proxy on PORT and the instances on the ports after it", () => {
    expect(parseClusterOptions(["--instances", "3"], "4000")).toEqual({ instances: 3, proxy: true, publicPort: 4000, instancePorts: [4001, 4002, 4003] });
  });

  it("without the proxy, starts the instances at PORT; two instances on port 3000 by default", () => {
    expect(parseClusterOptions(["--no-proxy"], undefined)).toEqual({ instances: 2, proxy: false, publicPort: 3000, instancePorts: [3000, 3001] });
  });

  it("refuses a nonsensical count, port or flag", () => {
    expect(() => parseClusterOptions(["--instances", "0"], undefined)).toThrow(/from 1 to 16/);
    expect(() => parseClusterOptions(["--instances", "two"], undefined)).toThrow(/from 1 to 16/);
    expect(() => parseClusterOptions([], "65535")).toThrow(/PORT/);
    expect(() => parseClusterOptions(["--replicas", "2"], undefined)).toThrow();
  });
});
