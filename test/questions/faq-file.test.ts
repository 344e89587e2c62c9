import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseGuide } from "../../src/knowledge/sources/guide-parser.js";
import { saveFaqEntry } from "../../src/questions/faq-file.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe("saving an answer as an FAQ knowledge file", () => {
  it("writes a guide the knowledge parser reads, cited as an officer's answer in force from today (Vietnam time)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "faq-"));
    dirs.push(dir);
    const path = await saveFaqEntry(dir, {
      reference: "CH-00012",
      question: "## HTX cần\nmấy người?",
      answer: "Ít nhất 5 thành viên.\n# không phải tiêu đề\nXem Điều 4.",
      at: new Date("2026-11-27T18:30:00Z"),
    });
    expect(path).toBe("hoi-dap-can-bo/ch-00012.md");
    expect(await readdir(join(dir, "hoi-dap-can-bo"))).toEqual(["ch-00012.md"]);
    const markdown = await readFile(join(dir, path), "utf8");
    const { sections, problems } = parseGuide(path, markdown);
    expect(problems).toEqual([]);
    expect(sections).toHaveLength(1);
    expect(sections[0]).toMatchObject({
      heading: "HTX cần mấy người?",
      topic: "hoi-dap-can-bo",
      text: "Ít nhất 5 thành viên.\n\\# không phải tiêu đề\nXem Điều 4.",
      citations: [{ doc: "Giải đáp của cán bộ", article: null, status: "in_force", effective: "2026-11-28" }],
    });
  });
});
