import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/translate.js";
import { contactCard, leadCard, leadNotice, MAX_LEAD_ROWS, poolMessage } from "../../src/leads/officer-messages.js";
import type { StoredLead } from "../../src/leads/lead.js";
import { aLead } from "./fixtures.js";

const t = translator();
const stored = (overrides: Partial<StoredLead> = {}): StoredLead => ({
  ...aLead({ note: "Nhà gần chợ", sector: { id: "trai_cay", text: "sầu riêng" } }),
  id: 1,
  channel: "telegram",
  chatId: "42",
  consentAt: new Date("2026-11-27T07:05:00Z"),
  updatedAt: new Date("2026-11-27T07:05:00Z"),
  ...overrides,
});

describe("officer messages", () => {
  it("shows a new lead without the farmer's name or full number, with the two buttons", () => {
    const message = leadNotice("created", stored(), t);
    expect(message.text).toContain("HTX-7K3Q9");
    expect(message.text).toContain("0912 *** 678");
    expect(message.text).toContain("Trái cây (sầu riêng)");
    expect(message.text).not.toMatch(/Nguyễn|345 678/);
    expect(message.buttons).toEqual([
      [
        { text: "✋ Nhận xử lý", data: "oc:claim:HTX-7K3Q9" },
        { text: "📞 Đã liên hệ", data: "oc:contacted:HTX-7K3Q9" },
      ],
    ]);
    expect(leadCard(stored(), t)).toBe(message.text.split("\n").slice(1).join("\n"));
  });

  it("says why a lead needs a call again: reopened by its farmer, or its phone typed in another chat", () => {
    expect(leadNotice("reopened", stored(), t).text).toMatch(/^🔁 .*mở lại[^]*HTX-7K3Q9/);
    const duplicate = leadNotice("duplicate", stored(), t);
    expect(duplicate.text).toMatch(/^⚠️ .*khác[^]*HTX-7K3Q9/);
    expect(duplicate.text).not.toMatch(/Nguyễn|345 678/);
    expect(duplicate.buttons).toEqual(leadNotice("created", stored(), t).buttons);
  });

  it("gives the handling officer everything needed to call back", () => {
    const card = contactCard(stored(), t);
    for (const part of ["Nguyễn Văn An", "0912 345 678", "Buổi sáng", "0,2 ha", "Nhà gần chợ"])
      expect(card).toContain(part);
  });

  it("says whose number it is, or that the farmer has no phone, and an unknown member count", () => {
    expect(leadNotice("created", stored({ contact: "relative_phone" }), t).text).toContain(
      "0912 *** 678 (số người thân)",
    );
    const noPhone = stored({ contact: "commune_office", phone: undefined, members: undefined });
    expect(leadNotice("created", noPhone, t).text).toContain("Không có điện thoại: hẹn qua UBND xã/phường");
    expect(leadCard(noPhone, t)).toContain("Số người dự kiến: Chưa rõ");
    expect(contactCard(noPhone, t)).toContain("SĐT: Không có điện thoại: hẹn qua UBND xã/phường");
  });

  it("lists every reference of a pool but gives buttons to at most ten", () => {
    const references = Array.from(
      { length: 12 },
      (_, i) => `HTX-AAA${"23456789AB"[i % 10]}${"23"[Math.floor(i / 10)]}`,
    );
    const message = poolMessage(
      {
        key: "31777|lua",
        communeCode: "31777",
        communeName: "Xã Vĩnh Lợi",
        sector: { id: "lua", text: "lúa" },
        leadReferences: references,
        prospectiveMembers: 14,
      },
      t,
    );
    expect(message.text).toContain("Xã Vĩnh Lợi – Lúa");
    expect(message.text).toContain("12 đăng ký, tổng cộng 14 người");
    for (const reference of references) expect(message.text).toContain(reference);
    expect(message.buttons).toHaveLength(MAX_LEAD_ROWS);
    expect(message.buttons![0]).toEqual([
      { text: `✋ Nhận ${references[0]}`, data: `oc:claim:${references[0]}` },
      { text: `📞 Đã gọi ${references[0]}`, data: `oc:contacted:${references[0]}` },
    ]);
  });
});
