import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";

/**
 * Every user-facing sentence lives in `locales/<locale>/*.ftl`. This module is plain TypeScript so
 * services, the dashboard and the bot all translate the same way without depending on grammY.
 */
export type TranslateArgs = Record<string, FluentVariable>;
export type Translate = (key: string, args?: TranslateArgs) => string;

const LOCALES_DIR = new URL("../../locales/", import.meta.url).pathname;
export const DEFAULT_LOCALE = "vi";

const bundles = new Map<string, FluentBundle>();

function loadBundle(locale: string, dir = LOCALES_DIR): FluentBundle {
  // useIsolating=false: the Unicode isolation marks Fluent adds around variables show up as
  // garbage on some cheap phones and in Zalo.
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const localeDir = join(dir, locale);
  for (const file of readdirSync(localeDir)
    .filter((f) => f.endsWith(".ftl"))
    .sort()) {
    const errors = bundle.addResource(new FluentResource(readFileSync(join(localeDir, file), "utf8")));
    if (errors.length > 0) {
      throw new Error(`locales/${locale}/${file}: ${errors.map((e) => e.message).join("; ")}`);
    }
  }
  return bundle;
}

function bundleFor(locale: string): FluentBundle {
  let bundle = bundles.get(locale);
  if (!bundle) {
    bundle = loadBundle(locale);
    bundles.set(locale, bundle);
  }
  return bundle;
}

/** Returns a translator for one locale; a missing key throws so tests catch typos. */
export function translator(locale: string = DEFAULT_LOCALE): Translate {
  const bundle = bundleFor(locale);
  return (key, args) => {
    const message = bundle.getMessage(key);
    if (!message?.value) throw new Error(`Missing translation "${key}" for locale "${locale}"`);
    const errors: Error[] = [];
    const text = bundle.formatPattern(message.value, args, errors);
    if (errors.length > 0) throw new Error(`Translation "${key}": ${errors[0]?.message}`);
    return text;
  };
}

/** All message ids of a locale, for tests that check every key exists in each locale. */
export function translationKeys(locale: string = DEFAULT_LOCALE): string[] {
  const keys: string[] = [];
  const localeDir = join(LOCALES_DIR, locale);
  for (const file of readdirSync(localeDir).filter((f) => f.endsWith(".ftl"))) {
    for (const match of readFileSync(join(localeDir, file), "utf8").matchAll(/^([a-z][\w-]*)\s*=/gm)) {
      keys.push(match[1]!);
    }
  }
  return keys;
}
