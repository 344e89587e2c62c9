import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { escapeFormula, leadsCsvChunks, writeLeadsXlsx, type ExportLead } from "../../src/leads/export.js";
import { aLead } from "./fixtures.js";

async function* inBatches(leads: readonly ExportLead[]) {
  for (const lead of leads) yield [lead];
}

async function leadsToCsv(leads: readonly ExportLead[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of leadsCsvChunks(inBatches(leads))) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function leadsToXlsx(leads: readonly ExportLead[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => out.on("end", resolve).on("error", reject));
  await writeLeadsXlsx(inBatches(leads), out);
  await ended;
  return Buffer.concat(chunks);
}

const leads: ExportLead[] = [
  aLead(),
  aLead({
    reference: "HTX-22222",
    fullName: "Trần Thị Bé",
    status: "contacted",
    purpose: "found_tht",
    sector: { id: "other", text: '=HYPERLINK("http://x","bấm")' },
    landArea: undefined,
    callTime: "any",
    note: '+84 gọi giúp, "gấp"\r\nsau 5 giờ',
  }),
];
leads[1] = {
  ...leads[1]!,
  assignee: "Cán bộ An",
  officerNotes: "27/11/2026 15:00 Cán bộ An: Đã gọi\n28/11/2026 09:00 Cán bộ An: Hẹn thứ Hai",
};

describe("escapeFormula", () => {
  it.each(["=1+1", "+84", "-2", "@SUM(A1)", "\tx", "\rx"])("escapes %j", (text) => {
    expect(escapeFormula(text)).toBe(`'${text}`);
  });

  it("leaves ordinary text alone", () => {
    expect(escapeFormula("Nguyễn Văn An")).toBe("Nguyễn Văn An");
    expect(escapeFormula("0912 345 678")).toBe("0912 345 678");
  });
});

describe("CSV export", async () => {
  const csv = await leadsToCsv(leads);
  const text = csv.toString("utf8");

  it("starts with a UTF-8 byte-order mark and Vietnamese headers", () => {
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1).split("\r\n")[0]).toBe(
      "Mã hồ sơ,Ngày đăng ký,Trạng thái,Nhu cầu,Họ và tên,Số điện thoại,Cách liên hệ,Xã/phường,Tỉnh/thành phố,Mã xã,Nghề chính,Số người dự kiến,Diện tích (ha),Giờ tiện gọi,Ghi chú,Người xử lý,Ghi chú của cán bộ,Phiên bản đồng ý",
    );
  });

  it("writes labels, Vietnam time as the dashboard shows it, and numbers", () => {
    expect(text.split("\r\n")[1]).toBe(
      "HTX-7K3Q9,27/11/2026 14:05,Mới,Thành lập hợp tác xã mới,Nguyễn Văn An,0912 345 678,Số của bà con,Xã Vĩnh Lợi,Thành phố Cần Thơ,31777,Lúa,2,0.2,Buổi sáng,,,,2026-11-v1",
    );
  });

  it("says how to reach a farmer without a mobile, and leaves an unknown member count empty", async () => {
    const rows = (
      await leadsToCsv([
        aLead({ contact: "commune_office", phone: undefined, members: undefined }),
        aLead({ contact: "relative_phone" }),
      ])
    )
      .toString("utf8")
      .split("\r\n");
    expect(rows[1]).toContain("Nguyễn Văn An,,Không có điện thoại: hẹn qua UBND xã/phường,Xã Vĩnh Lợi");
    expect(rows[1]).toContain(",Lúa,,0.2,");
    expect(rows[2]).toContain("0912 345 678,Số người thân,");
  });

  it("has who handles the lead and the officers' notes, and ends records only with CRLF", () => {
    expect(text).toContain(',Cán bộ An,"27/11/2026 15:00 Cán bộ An: Đã gọi\n28/11/2026 09:00 Cán bộ An: Hẹn thứ Hai",');
    expect(text.split("\r\n")).toHaveLength(leads.length + 2);
  });

  it("escapes formulas and quotes fields with commas, quotes and line breaks", () => {
    expect(text).toContain('"\'=HYPERLINK(""http://x"",""bấm"")"');
    expect(text).toContain('"\'+84 gọi giúp, ""gấp""\nsau 5 giờ"');
    expect(text).not.toMatch(/,=/);
  });
});

describe("xlsx export", () => {
  async function readBack() {
    const workbook = new ExcelJS.Workbook();
    const xlsx = await leadsToXlsx(leads);
    // exceljs types its input as its own ArrayBuffer-like "Buffer"; a Node Buffer works at runtime.
    await workbook.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    return workbook.worksheets[0]!;
  }

  it("has Vietnamese headers and text", async () => {
    const sheet = await readBack();
    expect(sheet.name).toBe("Đăng ký HTX");
    expect(sheet.getRow(1).getCell(5).value).toBe("Họ và tên");
    expect(sheet.getRow(3).getCell(5).value).toBe("Trần Thị Bé");
    expect(sheet.getRow(3).getCell(3).value).toBe("Đã liên hệ");
    expect(sheet.getRow(3).getCell(14).value).toBe("Lúc nào cũng được");
  });

  it("keeps numbers numeric and the date in Vietnam time", async () => {
    const sheet = await readBack();
    expect(sheet.getRow(2).getCell(12).value).toBe(2);
    expect(sheet.getRow(2).getCell(13).value).toBe(0.2);
    expect(sheet.getRow(3).getCell(13).value).toBeNull();
    expect((sheet.getRow(2).getCell(2).value as Date).toISOString()).toBe("2026-11-27T14:05:00.000Z");
    expect(sheet.getRow(2).getCell(2).numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(sheet.getRow(3).getCell(17).value).toBe(
      "27/11/2026 15:00 Cán bộ An: Đã gọi\n28/11/2026 09:00 Cán bộ An: Hẹn thứ Hai",
    );
  });

  it("stores farmer text as escaped strings, never formulas", async () => {
    const sheet = await readBack();
    const sector = sheet.getRow(3).getCell(11);
    expect(sector.type).toBe(ExcelJS.ValueType.String);
    expect(sector.value).toBe('\'=HYPERLINK("http://x","bấm")');
    expect(sheet.getRow(3).getCell(15).value).toBe('\'+84 gọi giúp, "gấp"\nsau 5 giờ');
  });
});
