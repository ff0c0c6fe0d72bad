// The programme: days down, rooms across (one column on a phone); each meeting with its live status and links to
// its public list (/meetings/{id}) and its hall display. Live through the hub's programme subscription.
import { connectLive } from "./live.js";
import { flattenProgramme, loadProgramme } from "./programme-data.js";
import { clockTime, dayKey, dayLabel, h, meetingStatusName } from "./format.js";

const $ = (id) => document.getElementById(id);
const live = connectLive((s) => { $("connection").textContent = s; $("connection").dataset.state = s; });
const statusName = { ...meetingStatusName, cancelled: "Cancelled" };
const zoneOf = (m, programme) => m.timeZone ?? programme.conference?.timeZone;

function meetingCard(m, tz) {
  const status = m.status ?? "scheduled";
  return h("article", { className: "meeting", dataset: { meetingId: m.id, kind: m.kind ?? "" } },
    h("p", { className: "time" }, `${clockTime(m.start, tz)}–${clockTime(m.end, tz)}`, h("span", { className: "room" }, ` · ${m.room}`)),
    h("h3", {}, m.title),
    h("p", { className: "status-line" }, h("span", { className: "chip", dataset: { status } }, statusName[status] ?? status)),
    h("p", { className: "links" },
      h("a", { href: `/meetings/${m.id}` }, "List of speakers", h("span", { className: "visually-hidden" }, ` of ${m.title}`)),
      h("a", { href: `/display/meeting/${m.id}` }, "Display", h("span", { className: "visually-hidden" }, ` of ${m.title}`))));
}

function render(programme) {
  if (!programme) return;
  const meetings = flattenProgramme(programme);
  $("conference-title").textContent = programme.conference?.name ?? "Programme";
  const tz = meetings[0] ? zoneOf(meetings[0], programme) : programme.conference?.timeZone;
  const rooms = [...new Set([...(programme.rooms ?? []), ...meetings.map((m) => m.room)])];
  const days = [...new Set(meetings.map((m) => dayKey(m.start, tz)))];
  const table = h("table", { className: "grid" },
    h("caption", { className: "visually-hidden" }, "Meetings by day and room"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Day"),
      ...rooms.map((room) => h("th", { scope: "col" }, room, h("a", { className: "room-display", href: `/display/room/${encodeURIComponent(room)}` }, "room display",
        h("span", { className: "visually-hidden" }, ` of ${room}`)))))),
    h("tbody", {}, ...days.map((day) => {
      const ofDay = meetings.filter((m) => dayKey(m.start, tz) === day);
      const titled = programme.days?.find((d) => d.date === day)?.title;
      return h("tr", {}, h("th", { scope: "row" }, dayLabel(ofDay[0].start, tz), titled ? h("span", { className: "day-title" }, titled) : null),
        ...rooms.map((room) => h("td", { dataset: { room } }, ...ofDay.filter((m) => m.room === room).map((m) => meetingCard(m, zoneOf(m, programme) ?? tz)))));
    })));
  $("grid").replaceChildren(meetings.length ? table : h("p", {}, "No meeting is scheduled yet."));
}

/** Meetings scheduled outside any conference have no programme push: their floors say their status. */
function followEachFloor(meetings) {
  for (const m of meetings) {
    live.subscribe({
      method: "SubscribeToFloor", args: [m.id], event: "floorChanged", matches: (v) => v.meetingId === m.id,
      render: (floor) => {
        const chip = document.querySelector(`[data-meeting-id="${m.id}"] .chip`);
        if (!chip) return;
        chip.dataset.status = floor.status;
        chip.textContent = statusName[floor.status] ?? floor.status;
      },
    });
  }
}

async function init() {
  await live.start();
  // The programme's own subscription: one snapshot, then a fresh grid (with each meeting's status) on every change.
  live.subscribe({
    method: "SubscribeToProgramme", event: "programmeChanged", render,
    onError: () => {},
  });
  try {
    // Before a conference is registered the subscription answers nothing: the scheduled meetings are shown instead.
    const programme = await loadProgramme();
    if (!programme.conference) { render(programme); followEachFloor(flattenProgramme(programme)); }
  } catch (error) {
    $("message").dataset.kind = "error";
    $("message").textContent = `The programme cannot be shown: ${error.message}`;
  }
}
init();
