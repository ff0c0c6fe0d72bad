// The six official languages on the pages that the public and the delegations read (issue 16):
// ?lang=ar|zh|en|fr|ru|es (the portal also follows the browser's language), right to left for Arabic,
// the participants' names from /api/participants/names (Unicode CLDR with the UN's short names), and
// a small dictionary of the display's words. The officers' console stays in English.

export const languages = ["ar", "zh", "en", "fr", "ru", "es"];

const words = {
  nowSpeaking: { en: "Now speaking", fr: "À la tribune", es: "En el uso de la palabra", ru: "Выступает", zh: "正在发言", ar: "المتكلم الآن" },
  nextSpeakers: { en: "Next speakers", fr: "Prochains orateurs", es: "Próximos oradores", ru: "Следующие ораторы", zh: "后续发言者", ar: "المتكلمون التالون" },
  time: { en: "Time", fr: "Temps", es: "Tiempo", ru: "Время", zh: "时间", ar: "الوقت" },
  timeLeft: { en: "Time left", fr: "Temps restant", es: "Tiempo restante", ru: "Осталось времени", zh: "剩余时间", ar: "الوقت المتبقي" },
  paused: { en: "Paused", fr: "En pause", es: "En pausa", ru: "Пауза", zh: "暂停", ar: "متوقف مؤقتا" },
  ready: { en: "Ready", fr: "Prêt", es: "Listo", ru: "Готово", zh: "就绪", ar: "جاهز" },
  overTime: { en: "Over time", fr: "Temps dépassé", es: "Tiempo excedido", ru: "Время истекло", zh: "超时", ar: "تجاوز الوقت" },
  pointOfOrder: { en: "Point of order", fr: "Motion d'ordre", es: "Cuestión de orden", ru: "По порядку ведения заседания", zh: "程序问题", ar: "نقطة نظام" },
  suspended: { en: "The meeting is suspended", fr: "La séance est suspendue", es: "Se suspende la sesión", ru: "Заседание приостановлено", zh: "会议暂停", ar: "الجلسة معلقة" },
  adjourned: { en: "The meeting is adjourned", fr: "La séance est levée", es: "Se levanta la sesión", ru: "Заседание закрыто", zh: "会议休会", ar: "رُفعت الجلسة" },
  noMeeting: { en: "No meeting in this room", fr: "Aucune séance dans cette salle", es: "No hay sesión en esta sala", ru: "В этом зале нет заседания", zh: "本会议室暂无会议", ar: "لا توجد جلسة في هذه القاعة" },
  onBehalfOf: { en: "On behalf of", fr: "Au nom de", es: "En nombre de", ru: "От имени", zh: "代表", ar: "باسم" },
  opensIn: { en: "The list opens in", fr: "La liste s'ouvre dans", es: "La lista se abre en", ru: "Список открывается через", zh: "名单开放倒计时", ar: "تفتح القائمة بعد" },
  windowCloses: { en: "Opening window: the lot is drawn in", fr: "Fenêtre d'ouverture : tirage au sort dans", es: "Ventana de apertura: sorteo en",
    ru: "Окно открытия: жеребьёвка через", zh: "开放窗口：抽签倒计时", ar: "فترة الافتتاح: القرعة بعد" },
  drawn: { en: "Order of the opening drawn by lot", fr: "Ordre d'ouverture tiré au sort", es: "Orden de apertura sorteado", ru: "Порядок открытия определён жребием",
    zh: "开放顺序已抽签决定", ar: "تحدد ترتيب الافتتاح بالقرعة" },
};

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
