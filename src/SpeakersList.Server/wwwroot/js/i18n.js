// The six official languages on the pages that the public and the delegations read (issue 16):
// ?lang=ar|zh|en|fr|ru|es (the portal also follows the browser's language), right to left for Arabic,
// the participants' names from /api/participants/names (Unicode CLDR with the UN's short names), and
// a small dictionary of the display's words (i18n/words.json). The officers' console stays in English.

// The words of the display and the portal in the six languages: data for translators, in one JSON file.
import words from "../i18n/words.json" with { type: "json" };

export const languages = ["ar", "zh", "en", "fr", "ru", "es"];

/** The language asked for: ?lang= first; then, where a page follows it, the browser's; else English. */
export function pickLanguage({ followBrowser = false } = {}) {
  const asked = new URLSearchParams(location.search).get("lang");
  const candidates = [asked, ...(followBrowser ? navigator.languages ?? [navigator.language] : [])];
  for (const tag of candidates) {
    const primary = (tag ?? "").toLowerCase().split(/[-_]/)[0];
    if (languages.includes(primary)) return primary;
  }
  return "en";
}

export let language = "en";
let names = {};

/** A word of the dictionary in the page's language (English when it has none). */
export const t = (key) => words[key]?.[language] ?? words[key]?.en ?? key;

/** A participant's name in the page's language; the name the server gave otherwise. */
export const nameOf = (code, fallback) => (code && names[code.toUpperCase()]) || fallback;

/**
 * Sets the page's language: html lang and dir (rtl for Arabic), the elements marked data-i18n,
 * and loads the participants' names. Resolves when the page can render in that language.
 */
export async function setupLanguage(options = {}) {
  language = pickLanguage(options);
  document.documentElement.lang = language;
  document.documentElement.dir = language === "ar" ? "rtl" : "ltr";
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  if (language === "en") return language;
  try {
    const response = await fetch(`/api/participants/names?lang=${language}`);
    if (response.ok) names = (await response.json()).names ?? {};
  } catch {
    // Names stay as the server sends them; the page still works.
  }
  return language;
}
