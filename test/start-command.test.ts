import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startCommand } from "./support/app-process.js";

/** `ENV A=1 B=2` lines of the Dockerfile as one object. */
function dockerEnv(dockerfile: string): Record<string, string> {
  const lines = dockerfile.split("\n").filter((line) => line.startsWith("ENV "));
  return Object.fromEntries(lines.flatMap((line) => line.slice(4).trim().split(/\s+/)).map((word) => word.split("=")));
}

describe("the start command", () => {
  it("is the same in the Dockerfile as in npm start: node arguments and memory settings", () => {
    const dockerfile = readFileSync("Dockerfile", "utf8");
    const { env, args } = startCommand();
    const cmd = JSON.parse(/^CMD (.*)$/m.exec(dockerfile)![1]!) as string[];
    expect(cmd).toEqual(["node", ...args]);
    expect(Object.keys(env).length).toBeGreaterThan(0);
    expect(dockerEnv(dockerfile)).toMatchObject(env);
  });
});
