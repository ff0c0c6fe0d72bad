// What the console's modules share: the meeting on screen, the element finder, and where messages go.
import { $ } from "../page.js";
import { keep, messagesFollow } from "./messages.js";

export { $ };

export const state = {
  meetingId: null,
  list: null,
  floor: null,
  /** The venue's time zone, from the views (timeZone). */
  zone: undefined,
  participants: [],
  /** The row chosen in the list (roving tab stop, "move to position N"). */
  selected: null,
  limitsDirty: false,
  subscriptions: [],
  floorSource: null,
  /** O paused the speech before asking who raised the point of order: the ruling resumes it. */
  pausedForPointOfOrder: false,
  /** The newest version this console's own commands were answered with. */
  answered: 0,
};

messagesFollow(() => state.meetingId);

/**
 * A message next to where the officer acted: "floor", "list", "inscribe", "reply", "swaps", "limits" or the page's own;
 * kept with the meeting on screen, newest first (console/messages.js).
 */
export function say(text, kind = "ok", where = "") {
  keep(text, kind, where);
}

let refreshing = async () => {};
/** The console registers how to read the meeting afresh (after a stale-version refusal). */
export function onRefresh(refresh) { refreshing = refresh; }
export const refresh = () => refreshing();

/** A refused command: a stale version shows the fresh state and says so; anything else says why. */
export async function refused(error, what, where = "") {
  if (error.isStale) {
    await refresh();
    say(`Another officer changed this meeting first (now version ${error.currentVersion ?? "newer"}). ` +
      `Your ${what} was not applied. The screen now shows the current state: check it and try again.`, "conflict", where);
  } else {
    say(`${what[0].toUpperCase()}${what.slice(1)} refused: ${error.message}`, "error", where);
  }
}

/**
 * The floor and the list share the meeting's stream, hence one version: the newest one seen, counting the
 * answers to this console's own commands (their push may not have arrived yet).
 */
export const newestVersion = () => Math.max(state.floor?.version ?? 0, state.list?.version ?? 0, state.answered ?? 0) || undefined;
/**
 * The version a change to the list is decided on: the list as shown, or this console's own last answer. Not the floor's:
 * a floor push can bring news of another officer's change whose list this officer has not seen yet.
 */
export const listVersion = () => Math.max(state.list?.version ?? 0, state.answered ?? 0) || undefined;

/** Notes the version a command's answer reports, for the next command. */
export function answered(answer) {
  if (typeof answer?.version === "number" && answer.meetingId === state.meetingId) state.answered = Math.max(state.answered ?? 0, answer.version);
  return answer;
}
