// The programme: days down, rooms across; each meeting with its live status and links to its
// list (the officer console) and its hall display.
import { connectLive } from "./live.js";
import { flattenProgramme, loadProgramme } from "./programme-data.js";
import { clockTime, dayLabel, h, meetingStatusName } from "./format.js";

const $ = (id) => document.getElementById(id);
const live = connectLive((s) => { $("connection").textContent = s; $("connection").dataset.state = s; });
const zone = (m, programme) => m.timeZone ?? programme.timeZone ?? "America/New_York";

function dayKey(value, tz) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(new Date(value));
}

function meetingCard(m, tz) {
  const status = m.status ?? "scheduled";
  return h("article", { className: "meeting", dataset: { meetingId: m.id, kind: m.kind ?? "" } },
    h("p", { className: "time" }, `${clockTime(m.start, tz)}–${clockTime(m.end, tz)}`),
    h("h3", {}, m.title),
    h("p", { className: "status-line" }, h("span", { className: "chip", dataset: { status } }, meetingStatusName[status] ?? status)),
    h("p", { className: "links" },
      h("a", { href: `/officer?meeting=${m.id}` }, "List", h("span", { className: "visually-hidden" }, ` of ${m.title}`)),
      h("a", { href: `/display/meeting/${m.id}` }, "Display", h("span", { className: "visually-hidden" }, ` of ${m.title}`))));
}

function render(programme) {
  const meetings = flattenProgramme(programme);
  $("conference-title").textContent = programme.conference?.name ?? "Programme";
  const tz = meetings[0] ? zone(meetings[0], programme) : "America/New_York";
  const rooms = [...new Set([...(programme.rooms ?? []), ...meetings.map((m) => m.room)])];
  const days = [...new Set(meetings.map((m) => dayKey(m.start, tz)))];
  const table = h("table", { className: "grid" },
    h("caption", { className: "visually-hidden" }, "Meetings by day and room"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Day"),
      ...rooms.map((room) => h("th", { scope: "col" }, room, h("a", { className: "room-display", href: `/display/room/${encodeURIComponent(room)}` }, "room display"))))),
    h("tbody", {}, ...days.map((day) => {
      const ofDay = meetings.filter((m) => dayKey(m.start, tz) === day);
      const titled = programme.days?.find((d) => d.date === day)?.title;
      return h("tr", {}, h("th", { scope: "row" }, dayLabel(ofDay[0].start, tz), titled ? h("span", { className: "day-title" }, titled) : null),
        ...rooms.map((room) => h("td", {}, ...ofDay.filter((m) => m.room === room).map((m) => meetingCard(m, zone(m, programme))))));
    })));
  $("grid").replaceChildren(meetings.length ? table : h("p", {}, "No meeting is scheduled yet."));
  // Live status: each meeting's floor says whether it is scheduled, in progress, suspended or adjourned.
  for (const m of meetings) {
    live.subscribe({
      method: "SubscribeToFloor", args: [m.id], event: "floorChanged", matches: (v) => v.meetingId === m.id,
      render: (floor) => {
        const chip = document.querySelector(`[data-meeting-id="${m.id}"] .chip`);
        if (!chip) return;
        chip.dataset.status = floor.status;
        chip.textContent = meetingStatusName[floor.status] ?? floor.status;
      },
    });
  }
}

async function init() {
  await live.start();
  try {
    render(await loadProgramme());
  } catch (error) {
    $("message").dataset.kind = "error";
    $("message").textContent = `The programme cannot be shown: ${error.message}`;
  }
}
init();
