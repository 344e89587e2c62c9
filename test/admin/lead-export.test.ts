import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpServer, type HttpServer } from "../../src/server/http-server.js";
import { adminHarness } from "./admin-harness.js";

const LEADS = 21_500;

let h: Awaited<ReturnType<typeof adminHarness>>;
let server: HttpServer;
let cookie: string;

beforeAll(async () => {
  h = await adminHarness();
  const officer = await h.user("canbo", "officer");
  const agent = h.agent();
  await agent.login("canbo");
  cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  // More leads than the old 20,000 cap, inserted in one statement the way bulk data arrives.
  await h.db.prisma.$executeRaw`
    INSERT INTO lead (reference, channel, chat_id, purpose, full_name, phone, commune_code, commune_name, province_code, province_name,
      sector, sector_label, members, call_time, search_text, consent_version, consent_hash, consent_at, created_at, updated_at)
    SELECT 'HTX-' || upper(lpad(to_hex(n), 5, '0')), 'webchat', 'bulk-' || n, 'found_htx'::lead_purpose, 'Nông dân ' || n, '+849' || lpad(n::text, 8, '0'),
      '31777', 'Xã Vĩnh Lợi', '92', 'Thành phố Cần Thơ', 'lua', 'lúa', 1 + n % 7, 'any', 'nong dan ' || n || ' xa vinh loi', 'v1', 'hash',
      timestamp '2026-10-01 00:00' + n * interval '1 minute', timestamp '2026-10-01 00:00' + n * interval '1 minute', now()
    FROM generate_series(1, ${LEADS}) AS n`;
  const noted = await h.db.prisma.lead.findUniqueOrThrow({ where: { reference: "HTX-00007" } });
  await h.db.prisma.lead.update({ where: { id: noted.id }, data: { assignedToId: officer.id } });
  await h.db.prisma.leadEvent.create({
    data: {
      leadId: noted.id,
      actorId: officer.id,
      kind: "note",
      note: "Đã gọi, hẹn họp tổ",
      at: new Date("2026-11-02T03:00:00Z"),
    },
  });
  server = await startHttpServer(h.app, "127.0.0.1", 0);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await h?.close();
});

/**
 * Downloads an export over real HTTP. After its first bytes arrive, /healthz is asked; it must answer
 * before the export's last byte (the export runs in batches and leaves the event loop free between them).
 */
async function exportWhileProbing(format: "csv" | "xlsx") {
  const response = await fetch(`${server.url}/admin/leads/export.${format}`, { headers: { cookie } });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  const first = await reader.read();
  chunks.push(first.value!);
  let exportEnded = false;
  let healthAnsweredDuringExport: boolean | undefined;
  const health = fetch(`${server.url}/healthz`).then((r) => {
    healthAnsweredDuringExport = !exportEnded;
    return r.status;
  });
  for (let part = await reader.read(); !part.done; part = await reader.read()) chunks.push(part.value);
  exportEnded = true;
  expect(await health).toBe(200);
  expect(healthAnsweredDuringExport).toBe(true);
  return { count: response.headers.get("x-export-count"), body: Buffer.concat(chunks) };
}

describe("exporting 21,500 leads", () => {
  it("writes every lead to CSV, says the count first, and keeps answering /healthz", async () => {
    const { count, body } = await exportWhileProbing("csv");
    expect(count).toBe(String(LEADS));
    const records = body.toString("utf8").split("\r\n").slice(1, -1);
    expect(records).toHaveLength(LEADS);
    expect(new Set(records.map((r) => r.split(",")[0])).size).toBe(LEADS);
    expect(records.find((r) => r.startsWith("HTX-00007,"))).toContain(
      ',Tên canbo,"02/11/2026 10:00 Tên canbo: Đã gọi, hẹn họp tổ",',
    );
    const audit = await h.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: "lead.export" },
      orderBy: { id: "desc" },
    });
    expect(audit.details).toMatchObject({ format: "csv", count: LEADS });
  }, 120_000);

  it("writes every lead to .xlsx, streamed, and keeps answering /healthz", async () => {
    const { count, body } = await exportWhileProbing("xlsx");
    expect(count).toBe(String(LEADS));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.actualRowCount).toBe(LEADS + 1);
    expect(sheet.getRow(LEADS + 1).getCell(1).value).toMatch(/^HTX-/);
  }, 180_000);
});
