// Words and times as the screens show them: in the page's language (i18n.js; English on the console) and
// always in the venue's time zone (the views' timeZone), naming the zone when the reader's clock differs.
import { locale, t } from "./i18n.js";

const formats = new Map();
const formatter = (kind, zone, options) => {
  const key = `${kind}:${locale()}:${zone}`;
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat(kind === "k" ? "en-CA" : locale(), { ...options, timeZone: zone }));
  return formats.get(key);
};

/** "10:35" in the venue's time zone (the views' timeZone). */
export function clockTime(value, zone) {
  if (!value) return "";
  return formatter("hm", zone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(value));
}

/** "Tue 24 Sep" in the venue's time zone (the views' timeZone). */
export function dayLabel(value, zone) {
  return formatter("d", zone, { weekday: "short", day: "numeric", month: "short" }).format(new Date(value));
}

/** The day in the venue's time zone, as "2013-09-24": to group by day and to say "today". */
export function dayKey(value, zone) {
  return formatter("k", zone, {}).format(new Date(value));
}

/** The reader's own time zone (the browser's). */
export const readerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The venue's zone, shortly ("CET", "GMT+1"), when the reader's clock reads otherwise at that moment; "" when it agrees. */
export function zoneName(value, zone) {
  if (!value || !zone) return "";
  const at = new Date(value);
  const wall = (z) => formatter("full", z, { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", hourCycle: "h23" }).format(at);
  if (wall(zone) === wall(readerZone())) return "";
  return formatter("tz", zone, { timeZoneName: "short" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? zone;
}

/** "10:00", or "10:00 CET" when the reader's clock differs from the venue's: times read at the venue, wherever one is. */
export function venueTime(value, zone) {
  if (!value) return "";
  const name = zoneName(value, zone);
  return name ? t("zone.time", { time: clockTime(value, zone), zone: name }) : clockTime(value, zone);
}

/** "in 2 hours", "in 25 min", "in 3 days" in the page's language: how far away a time is, roughly ("" once well past). */
export function fromNow(value, nowMs = Date.now()) {
  const minutes = Math.round((new Date(value).getTime() - nowMs) / 60000);
  if (minutes < -10) return "";
  if (minutes <= 0) return t("time.now");
  const relative = new Intl.RelativeTimeFormat(locale(), { style: "short" });
  if (minutes < 60) return relative.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (hours < 36) return relative.format(hours, "hour");
  return relative.format(Math.round(hours / 24), "day");
}

/** 300 -> "5:00"; used for time limits and the countdown. */
export function minutesSeconds(totalSeconds) {
  const s = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export const levels = [
  ["headOfState", "Head of State"],
  ["vicePresident", "Vice-President / Crown Prince"],
  ["headOfGovernment", "Head of Government"],
  ["deputyPrimeMinister", "Deputy Prime Minister"],
  ["minister", "Minister"],
  ["viceMinister", "Vice-Minister"],
  ["chairOfDelegation", "Chair of delegation"],
  ["other", "Other"],
];

/** A level's name in the page's language (English on the console). */
export const levelName = (level) => t(`level.${level}`) === `level.${level}` ? (levels.find(([key]) => key === level) ?? [level, level])[1] : t(`level.${level}`);

/** An entry's state and a slot's kind in the page's language. */
export const stateWord = (state) => (t(`state.${state}`) === `state.${state}` ? stateName[state] ?? state : t(`state.${state}`));
export const kindWord = (kind) => (t(`kind.${kind}`) === `kind.${kind}` ? kindName[kind] ?? kind : t(`kind.${kind}`));

export const stateName = {
  waiting: "Waiting", speaking: "Speaking", heard: "Heard", absent: "Absent", withdrawn: "Withdrawn", carriedOver: "Carried over",
};

export const kindName = { preArranged: "Arranged", statement: "Statement", rightOfReply: "Right of reply" };

export const meetingStatusName = {
  scheduled: "Scheduled", inProgress: "In progress", suspended: "Suspended", adjourned: "Adjourned",
};

/** The speaker's name and title, and the group spoken for. */
export function speakerLine(e) {
  const who = [e.speakerName, e.speakerTitle].filter(Boolean).join(", ");
  return e.onBehalfOf ? `${who} — on behalf of ${e.onBehalfOf}` : who;
}

/** Create an element with properties and children, briefly. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key in el && key !== "list") el[key] = value;
    else el.setAttribute(key, value === true ? "" : value);
  }
  el.append(...children.flat().filter((c) => c != null && c !== false));
  return el;
}
