// The scheduled opening of a list (issue 16), on the console and the portal: the countdown to the
// opening, then to the close of the opening window (when the lot is drawn), then the draw's seed and
// commitment, so anyone can check it with ops/verify-draw. Reads only the list views' "opening".

const english = {
  opensIn: "The list opens in", windowCloses: "Opening window: the lot is drawn in", drawn: "Order of the opening drawn by lot",
};

const two = (n) => String(n).padStart(2, "0");

/** "1:02:03" or "02:03": the time left, never negative. */
export function timeLeft(ms) {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const [hours, minutes, seconds] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  return hours ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
}

/** Where a list's opening stands at a moment: before, window (until the draw is published) or drawn. */
export function phaseOf(opening, now) {
  if (!opening) return null;
  if (opening.seed) return "drawn";
  return now < Date.parse(opening.opensAt) ? "before" : "window";
}

function line(view, now, t) {
  const o = view.opening;
  const phase = phaseOf(o, now);
  const el = document.createElement("p");
  el.className = "opening-line";
  el.dataset.phase = phase;
  el.dataset.meetingId = view.meetingId;
  const title = document.createElement("strong");
  title.textContent = `${view.meetingTitle}: `;
  const text = document.createElement("span");
  text.className = "opening-text";
  text.textContent = phase === "before" ? `${t("opensIn")} ${timeLeft(Date.parse(o.opensAt) - now)}`
    : phase === "window" ? `${t("windowCloses")} ${timeLeft(Date.parse(o.windowEnd) - now)}`
    : `${t("drawn")}.`;
  const proof = document.createElement("code");
  proof.className = "opening-proof";
  proof.textContent = phase === "drawn" ? ` seed ${o.seed} · commitment ${o.commitment}` : ` commitment ${o.commitment}`;
  el.append(title, text, proof);
  return el;
}

/**
 * Shows, in a box placed before <anchor>, the openings of the lists <lists()> returns, ticking every second.
 * <now> is the page's best idea of the server's time; <t> translates the three phrases (the portal's language).
 */
export function followOpenings(anchor, lists, { now = () => Date.now(), t = (key) => english[key] } = {}) {
  const box = document.createElement("div");
  box.id = "opening";
  box.className = "opening";
  box.setAttribute("role", "timer");
  box.hidden = true;
  anchor.before(box);
  const render = () => {
    const at = now();
    const withOpening = lists().filter((v) => v?.opening);
    box.hidden = withOpening.length === 0;
    box.replaceChildren(...withOpening.map((v) => line(v, at, t)));
  };
  render();
  setInterval(render, 1000);
  return render;
}
