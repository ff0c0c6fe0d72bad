// The forecast's range in words (issue 27): the median ("expected"), the 90th percentile ("could be as late as")
// and the chance of being reached before the meeting's scheduled end. Shared by the portal and the console.
import { clockTime } from "./format.js";
import { t } from "./i18n.js";

/** Whether a waiting entry or slot is likely not reached today: its chance is below one half. */
export const likelyNotReached = (e) => e.state === "waiting" && (e.reachProbability ?? (e.reachedBeforeEnd === false ? 0 : 1)) < 0.5;

/** The latest likely start, when it is at least a minute after the median; null otherwise. */
export function latestLikely(e) {
  if (!e.estimatedStart || !e.latestLikelyStart) return null;
  return new Date(e.latestLikelyStart) - new Date(e.estimatedStart) >= 60_000 ? e.latestLikelyStart : null;
}

/** ", could be as late as 16:05" in the page's language (its own comma), or "" when the range is under a minute. */
export function asLateAs(e, zone) {
  const late = latestLikely(e);
  return late ? t("couldBeAsLateAs", { time: clockTime(late, zone) }) : "";
}

/** "15:40–16:05" (median to 90th percentile) for a row, or the median alone. */
export function rangeText(e, zone) {
  if (!e.estimatedStart) return "";
  const late = latestLikely(e);
  return late ? `${clockTime(e.estimatedStart, zone)}–${clockTime(late, zone)}` : clockTime(e.estimatedStart, zone);
}
