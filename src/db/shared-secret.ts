import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client.js";

/**
 * A random secret that every instance on this database shares: the first instance to ask creates
 * it, the others (also one starting at the same moment) read that one.
 */
export async function sharedSecret(prisma: PrismaClient, name: string): Promise<Buffer> {
  const candidate = randomBytes(32).toString("base64");
  await prisma.$executeRaw`INSERT INTO shared_secret (name, value) VALUES (${name}, ${candidate}) ON CONFLICT (name) DO NOTHING`;
  const row = await prisma.sharedSecret.findUniqueOrThrow({ where: { name } });
  return Buffer.from(row.value, "base64");
}
