// The hall displays of the meeting's room, from the roster of screens (GET /api/screens?room=): green when live and up to
// date, amber when behind (an older version than the meeting's), red when lost (with when). Read every 2 seconds, so a
// change shows within 10 s of happening (a page reports every 3 s and is lost after 7 s of silence).
import { get } from "../api.js";
import { h } from "../format.js";

const every = 2000;

const time = (iso) => new Date(iso).toLocaleTimeString("en-GB", { hour12: false });

function mark(screen) {
  if (!screen.connected) return { state: "lost", text: `lost since ${time(screen.disconnectedAt ?? screen.lastSeenAt)}` };
  if (screen.behind) return { state: "behind", text: `behind: shows version ${screen.showingVersion} of ${screen.latestVersion}` };
  return { state: "live", text: "live" + (screen.showingVersion != null ? `, version ${screen.showingVersion}` : "") };
}

const order = { lost: 0, behind: 1, live: 2 };

/** room() answers the room of the meeting on screen (or nothing yet). In the top bar, so the meeting bar and the list keep
 * their room: a dot a display (its words in its tooltip and for screen readers), lost and behind first, then the count in words. */
export function followRoomScreens(room) {
  const panel = h("span", { id: "room-screens", className: "room-screens", role: "group", "aria-label": "Displays in this room", hidden: true },
    h("span", { className: "label" }, "Displays"), h("ul", { id: "room-screens-list" }), h("span", { id: "room-screens-count", className: "count" }));
  const nav = document.querySelector(".topbar nav");
  if (nav) nav.before(panel); else document.body.prepend(panel);

  async function read() {
    const name = room();
    if (!name) { panel.hidden = true; return; }
    let screens;
    try { screens = await get(`/api/screens?room=${encodeURIComponent(name)}`); } catch { return; }
    const displays = screens.filter((s) => s.kind === "display").map((s) => ({ s, ...mark(s) })).sort((a, b) => order[a.state] - order[b.state]);
    panel.hidden = false;
    panel.querySelector("#room-screens-list").replaceChildren(...(displays.length
      ? displays.map(({ s, state, text }) => h("li", { dataset: { state, screen: s.id }, title: `Display: ${text} (${s.node}, connected ${time(s.connectedAt)})` },
        h("span", { className: "dot", "aria-hidden": "true" }), h("span", { className: "visually-hidden" }, `Display: ${text}`)))
      : [h("li", { dataset: { state: "none" } }, "none connected")]));
    const counts = new Map();
    for (const d of displays) counts.set(d.state, (counts.get(d.state) ?? 0) + 1);
    panel.querySelector("#room-screens-count").textContent = [...counts].map(([state, n]) => `${n} ${state}`).join(" · ");
  }
  setInterval(read, every);
  read();
}
