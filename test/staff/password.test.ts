import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "../../src/staff/password.js";

describe("staff password hashing (scrypt)", () => {
  it("stores parameters and a per-user salt, and verifies only the right password", async () => {
    const [a, b] = await Promise.all([hashPassword("mat khau dai 123"), hashPassword("mat khau dai 123")]);
    expect(a).toMatch(/^scrypt\$N=32768,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("mat khau dai 123", a)).toBe(true);
    expect(await verifyPassword("mat khau dai 124", a)).toBe(false);
    expect(await verifyPassword("mat khau dai 123", "plain text")).toBe(false);
  });

  it("verifies with the parameters stored in the hash, so the cost can change later", async () => {
    const cheap = "scrypt$N=1024,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$";
    const { scryptSync } = await import("node:crypto");
    const key = scryptSync("Mật khẩu cũ!", Buffer.from("c2FsdHNhbHRzYWx0c2FsdA", "base64url"), 32, {
      N: 1024,
      r: 8,
      p: 1,
    });
    expect(await verifyPassword("Mật khẩu cũ!", cheap + key.toString("base64url"))).toBe(true);
  });

  it("treats composed and decomposed Vietnamese as the same password", async () => {
    const hash = await hashPassword("Đồng bằng sông Cửu Long");
    expect(await verifyPassword("Đồng bằng sông Cửu Long".normalize("NFD"), hash)).toBe(true);
  });

  it("requires at least 10 characters", () => {
    expect(passwordProblem("ngan")).toBe("admin-error-password-too-short");
    expect(passwordProblem("du muoi ky tu")).toBeUndefined();
  });
});
