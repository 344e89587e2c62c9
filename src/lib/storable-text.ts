/**
 * PostgreSQL text cannot hold NUL characters (the insert fails): they carry nothing a farmer
 * meant, so they are dropped where text enters (web chat API, bot updates) before anything is stored.
 */
export const storableText = (text: string) => text.replaceAll("\u0000", "");
