// The outbox on screen, under the meeting bar: what waits, since when, what was sent, and the officer's choice for a
// command the server refused once the connection returned.
import { waiting, recentlyDone, since, onChanged, drop, decideAgain } from "./outbox.js";
import { h } from "../format.js";

const plural = (n, one) => `${n} ${one}${n === 1 ? "" : "s"}`;
const capital = (text) => text[0].toUpperCase() + text.slice(1);
/** How long a sent command stays marked done. */
const doneShownMs = 20000;

let zone;
/** The venue's time zone, for "Offline since 10:41:20". */
export function useZone(timeZone) { zone = timeZone || zone; }

const panel = h("section", { id: "outbox", className: "outbox", "aria-label": "Actions waiting to be sent", hidden: true },
  h("p", { id: "outbox-summary", className: "outbox-summary", role: "status", "aria-live": "polite" }),
  h("ol", { id: "outbox-entries", className: "outbox-entries" }));
// Under the meeting bar's message; wherever the page's layout puts it, the panel is on the page.
const anchor = document.getElementById("message");
if (anchor) anchor.after(panel); else document.body.prepend(panel);
document.head.append(h("link", { rel: "stylesheet", href: "/css/outbox.css" }));

let lastDrawn = "";

function render() {
  const entries = waiting();
  const shown = recentlyDone().filter((e) => Date.now() - e.doneAt < doneShownMs);
  const offline = since();
  const refused = entries.filter((e) => e.state === "refused").length;
  panel.hidden = entries.length === 0 && shown.length === 0;
  panel.dataset.state = refused ? "refused" : offline ? "offline" : entries.length ? "sending" : "sent";
  panel.querySelector("#outbox-summary").textContent =
    refused ? `${plural(refused, "action")} refused after the connection returned: drop it, or decide it again on the current list.`
      : offline && entries.length ? `Offline since ${offline.toLocaleTimeString("en-GB", { timeZone: zone, hour12: false })}: ${plural(entries.length, "action")} waiting`
        : entries.length ? `Sending ${plural(entries.length, "action")}…` : `Sent: ${plural(shown.length, "action")}.`;
  // Drawn again only when what it lists changes: the once-a-second tick must not replace the buttons under the officer's pointer.
  const drawn = JSON.stringify([shown.map((e) => e.commandId), entries.map((e) => [e.commandId, e.state, e.reason])]);
  if (drawn === lastDrawn) return;
  lastDrawn = drawn;
  panel.querySelector("#outbox-entries").replaceChildren(
    ...shown.map((e) => h("li", { dataset: { state: "done", commandId: e.commandId } }, `${capital(e.what)}: done`)),
    ...entries.map((e) => e.state === "refused"
      ? h("li", { dataset: { state: "refused", commandId: e.commandId } },
        h("span", { className: "reason" }, `${capital(e.what)} refused: ${e.reason}`),
        h("button", { type: "button", dataset: { choice: "drop" }, onclick: () => drop(e.commandId) }, "Drop it"),
        h("button", { type: "button", className: "primary", dataset: { choice: "again" }, onclick: () => decideAgain(e.commandId) },
          "Decide again on the current list"))
      : h("li", { dataset: { state: "waiting", commandId: e.commandId } }, `${capital(e.what)}: waiting to send`)));
}

onChanged(render);
setInterval(() => { if (!panel.hidden) render(); }, 1000);
render();
