/** The database's own words from an error: Prisma prefixes them with an "Invalid invocation" preamble. */
export function errorReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message.trim().split("\n").at(-1) ?? error.name;
}
