// The six official languages on the pages that the public and the delegations read (issue 16):
// ?lang=ar|zh|en|fr|ru|es (the portal also follows the browser's language), right to left for Arabic,
// the participants' names from /api/participants/names (Unicode CLDR with the UN's short names), and
// a small dictionary of the display's words (i18n/words.json). The officers' console stays in English.

// The words of the display and the portal in the six languages: data for translators, in one JSON file.
import words from "../i18n/words.json" with { type: "json" };

export const languages = ["ar", "zh", "en", "fr", "ru", "es"];

/** The language asked for: ?lang= first; then, where a page follows it, the browser's; else English. */
export function pickLanguage({ followBrowser = false, asked = new URLSearchParams(location.search).get("lang") } = {}) {
  const candidates = [asked, ...(followBrowser ? navigator.languages ?? [navigator.language] : [])];
  for (const tag of candidates) {
    const primary = (tag ?? "").toLowerCase().split(/[-_]/)[0];
    if (languages.includes(primary)) return primary;
  }
  return "en";
}

export let language = "en";
let names = {};

/** Intl's locale of the page's language: English as written in the UK (24-hour clock, day before month). */
export const locale = () => (language === "en" ? "en-GB" : language);

/**
 * A word of the dictionary in the page's language (English when it has none), with its {placeholders} filled
 * from <params>; a word with plural forms ({one, few, many, other}) is chosen by params.n (Intl.PluralRules).
 */
export function t(key, params) {
  let word = words[key]?.[language] ?? words[key]?.en ?? key;
  if (typeof word === "object") word = word[new Intl.PluralRules(language).select(params?.n ?? 0)] ?? word.other;
  return params ? word.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole)) : word;
}

/**
 * A refusal (an ApiError) in the page's language: the server's reason code for the refusals a delegation meets most,
 * else its problem type (rate-limited, unavailable, ...); any other keeps the server's English detail, said to be English.
 */
export function refusalText(error) {
  const problem = error?.problem ?? {};
  const type = String(problem.type ?? "").split("/").pop();
  for (const key of [problem.reason, type]) if (key && words[`refusal.${key}`]) return t(`refusal.${key}`);
  return t("refusal.other", { detail: error?.message ?? "" });
}

/** A participant's name in the page's language; the name the server gave otherwise. */
export const nameOf = (code, fallback) => (code && names[code.toUpperCase()]) || fallback;

/** Puts the page's own words into its language: data-i18n (text), data-i18n-placeholder, data-i18n-label (aria-label). */
export function translatePage(root = document) {
  // A key the words file lacks leaves the page's English as written.
  const known = (key) => key in words;
  for (const el of root.querySelectorAll("[data-i18n]")) if (known(el.dataset.i18n)) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) if (known(el.dataset.i18nPlaceholder)) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll("[data-i18n-label]")) if (known(el.dataset.i18nLabel)) el.setAttribute("aria-label", t(el.dataset.i18nLabel));
}

/**
 * Sets the page's language: html lang and dir (rtl for Arabic), the elements marked data-i18n,
 * and loads the participants' names. Resolves when the page can render in that language.
 */
export async function setupLanguage(options = {}) {
  language = pickLanguage(options);
  document.documentElement.lang = language;
  document.documentElement.dir = language === "ar" ? "rtl" : "ltr";
  translatePage();
  if (language === "en") return language;
  try {
    const response = await fetch(`/api/participants/names?lang=${language}`);
    if (response.ok) names = (await response.json()).names ?? {};
  } catch {
    // Names stay as the server sends them; the page still works.
  }
  return language;
}
