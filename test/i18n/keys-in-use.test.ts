import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { translationKeys } from "../../src/i18n/translate.js";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

describe("locale keys used in the code", () => {
  it("exist in the Vietnamese locale", () => {
    const known = new Set(translationKeys("vi"));
    const missing: string[] = [];
    for (const file of sourceFiles("src")) {
      // Literal keys only (t("menu-law")); computed keys are covered by the features' own tests.
      for (const match of readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-z][\w-]*)"/g)) {
        if (!known.has(match[1]!)) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
