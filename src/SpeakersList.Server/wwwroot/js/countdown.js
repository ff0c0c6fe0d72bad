// The speaking clock, computed in the browser from a floor snapshot: never per-second pushes.

/** The offset between the server's clock and this browser's, taken when a snapshot arrives. */
export class ServerClock {
  offset = 0;
  sync(serverTime) {
    if (serverTime) this.offset = new Date(serverTime).getTime() - Date.now();
  }
  now() {
    return Date.now() + this.offset;
  }
}

/**
 * Seconds left for the current speaker (negative once over time), or null when nobody speaks.
 * remaining = allotted - (spoken before this run + (paused ? 0 : now - start of this run))
 */
export function remainingSeconds(floor, nowMs) {
  if (!floor?.currentSpeaker || floor.allottedSeconds == null) return null;
  const running = !floor.paused && floor.speechStartedAt ? (nowMs - new Date(floor.speechStartedAt).getTime()) / 1000 : 0;
  return floor.allottedSeconds - ((floor.spokenSeconds ?? 0) + Math.max(0, running));
}

/** "normal", "warning" (amber, at the warning or less) or "over" (red, at zero and after). */
export function countdownState(remaining, warningSeconds) {
  if (remaining == null) return "idle";
  if (remaining <= 0) return "over";
  if (remaining <= warningSeconds) return "warning";
  return "normal";
}

/** "4:59" counting down, "+0:12" for an overrun. Whole seconds, rounded up while counting down. */
export function countdownText(remaining) {
  if (remaining == null) return "";
  if (remaining > 0) {
    const s = Math.ceil(remaining);
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  }
  const over = Math.floor(-remaining);
  return `+${Math.floor(over / 60)}:${String(over % 60).padStart(2, "0")}`;
}
