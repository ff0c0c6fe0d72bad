// What the portal's modules share: the delegation shown, the meetings and their lists, and the notes kept
// beside a card (a push redraws the cards, the note stays with its card).
import { t } from "../i18n.js";
import { dayLabel, venueTime } from "../format.js";
import { ServerClock } from "../countdown.js";

/** The service's clock, taken from the hub on each (re)connection: countdowns follow the venue's time, not the phone's. */
export const clock = new ServerClock();

/** Asks the hub for its time; the answer is taken as of the middle of the round trip. */
export async function syncClock(connection) {
  try {
    const sent = Date.now();
    const at = new Date(await connection.invoke("ServerTime")).getTime();
    clock.offset = at - (sent + Date.now()) / 2;
  } catch { /* the phone's clock meanwhile */ }
}

export const state = {
  code: null, meetings: [], lists: new Map(), slots: null, swapChoice: new Map(),
  /** Notes beside a card, by its inscription or swap id: { text, kind }. */
  notes: new Map(),
};

/** The venue's time zone of a meeting, from its views (the list's or the programme's timeZone). */
export const zoneOf = (meetingId) => state.lists.get(meetingId)?.timeZone ?? state.meetings.find((m) => m.id === meetingId)?.timeZone;

/** "Tue 24 Sept 10:00 · First plenary meeting": a meeting as a chooser lists it, in the venue's time. */
export function meetingLabel(m) {
  const list = state.lists.get(m.id);
  const start = m.start ?? list?.scheduledStart;
  const title = list?.meetingTitle ?? m.title;
  return start ? `${dayLabel(start, zoneOf(m.id))} ${venueTime(start, zoneOf(m.id))} · ${title}` : title;
}

/** The title of a meeting, as its list or the programme gives it. */
export const meetingTitle = (id) => state.lists.get(id)?.meetingTitle ?? state.meetings.find((m) => m.id === id)?.title ?? "";

/** "5 speakers before you", "You are next", "First on the list". */
export function ahead(before, inProgress) {
  return before === 0 ? t(inProgress ? "portal.youAreNext" : "portal.firstOnList") : t("portal.before", { n: before });
}

/** "Expected Tue 24 Sept at 10:27 (in 25 min)", in the venue's time. */
export function expected(at, zone, relative) {
  const sentence = t("portal.expected", { day: dayLabel(at, zone), time: venueTime(at, zone) });
  return relative ? `${sentence} (${relative})` : sentence;
}

/** Keeps a note beside the card <id> and redraws. */
export function note(id, text, kind = "ok") {
  state.notes.set(id, { text, kind });
  redraw();
}

let redrawing = () => {};
/** The portal registers how to redraw the cards. */
export function onRedraw(draw) { redrawing = draw; }
export const redraw = () => redrawing();
