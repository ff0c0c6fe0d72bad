// What the connection light says, from everything that tells the truth about the network: the hub's state,
// any HTTP request that failed or went through, and the browser's own online/offline events.
// Also the hub's back-off: it retries for ever, with jitter, so a room's screens do not all come back at once.

/** Delay before reconnection attempt n (0, 1, 2, ...): 0.5, 1, 2, 3 s, then 3 s; each between 60% and 100% of that. */
export function retryDelay(attempt) {
  const ceiling = Math.min(3000, 500 * 2 ** attempt);
  return Math.round(ceiling * (0.6 + 0.4 * Math.random()));
}

/** Resolves after ms, or at once when the browser says it is online again. */
export function waitOrOnline(ms) {
  return new Promise((resolve) => {
    const done = () => { clearTimeout(timer); window.removeEventListener("online", done); resolve(); };
    const timer = setTimeout(done, ms);
    window.addEventListener("online", done);
  });
}

/** A request through api.js failed to reach the server (no answer, or a proxy with no node behind it). */
export const unreachable = "speakerslist:unreachable";
/** A request through api.js got an answer from the server. */
export const reachable = "speakerslist:reachable";

export function reportRequest(ok) {
  window.dispatchEvent(new Event(ok ? reachable : unreachable));
}

/**
 * The light's state: "live" only while the hub is connected AND the last request (if any) reached the server AND the
 * browser thinks it is online. onChange(state) with "connecting", "live", "reconnecting" or "offline".
 */
export function connectionLight(onChange) {
  let hub = "connecting";
  let requestsFail = false;
  let since = null;
  const show = () => {
    const offline = !navigator.onLine || requestsFail;
    const state = hub === "live" && offline ? "reconnecting" : hub;
    if (state === "live") since = null; else since ??= new Date();
    onChange(state);
  };
  window.addEventListener(unreachable, () => { requestsFail = true; show(); });
  window.addEventListener(reachable, () => { if (requestsFail) { requestsFail = false; show(); } });
  window.addEventListener("offline", show);
  window.addEventListener("online", show);
  return {
    /** The hub's own state. */
    hub(state) { hub = state; if (state === "live") requestsFail = false; show(); },
    /** When the light last left "live" (null while live). */
    get since() { return since; },
  };
}
