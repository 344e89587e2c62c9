import { buildApp } from "./app-process.js";

/** Vitest global setup: the app processes tests start run the compiled app, as `npm start` does. */
export default function setup(): void {
  buildApp();
}
