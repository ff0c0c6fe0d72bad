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

/** room() answers the room of the meeting on screen (or nothing yet). */
export function followRoomScreens(room) {
  const panel = h("section", { id: "room-screens", className: "room-screens", "aria-label": "Displays in this room", hidden: true },
    h("span", { className: "label" }, "Displays in this room:"), h("ul", { id: "room-screens-list" }));
  const anchor = document.getElementById("outbox") ?? document.getElementById("message");
  if (anchor) anchor.after(panel); else document.body.prepend(panel);

  async function read() {
    const name = room();
    if (!name) { panel.hidden = true; return; }
    let screens;
    try { screens = await get(`/api/screens?room=${encodeURIComponent(name)}`); } catch { return; }
    const displays = screens.filter((s) => s.kind === "display");
    panel.hidden = false;
    panel.querySelector("#room-screens-list").replaceChildren(...(displays.length
      ? displays.map((s) => {
        const { state, text } = mark(s);
        return h("li", { dataset: { state, screen: s.id }, title: `${s.node} · connected ${time(s.connectedAt)}` },
          h("span", { className: "dot", "aria-hidden": "true" }), `Display: ${text}`);
      })
      : [h("li", { dataset: { state: "none" } }, "none connected")]));
  }
  setInterval(read, every);
  read();
}
