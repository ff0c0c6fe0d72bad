// Words and times as the screens show them.

const formats = new Map();

/** "10:35" in the venue's time zone (the views' timeZone). */
export function clockTime(value, zone) {
  if (!value) return "";
  const key = `hm:${zone}`;
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: zone }));
  return formats.get(key).format(new Date(value));
}

/** "Tue 24 Sep" in the venue's time zone (the views' timeZone). */
export function dayLabel(value, zone) {
  const key = `d:${zone}`;
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: zone }));
  return formats.get(key).format(new Date(value));
}

/** The day in the venue's time zone, as "2013-09-24": to group by day and to say "today". */
export function dayKey(value, zone) {
  const key = `k:${zone}`;
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat("en-CA", { timeZone: zone }));
  return formats.get(key).format(new Date(value));
}

/** "in about 2 h", "in about 25 min", "in 3 days": how far away a time is, roughly ("" once well past). */
export function fromNow(value, nowMs = Date.now()) {
  const minutes = Math.round((new Date(value).getTime() - nowMs) / 60000);
  if (minutes < -10) return "";
  if (minutes <= 0) return "now";
  if (minutes < 60) return `in about ${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `in about ${hours} h`;
  return `in ${Math.round(hours / 24)} days`;
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

export const levelName = (level) => (levels.find(([key]) => key === level) ?? [level, level])[1];

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
