// The programme: days down, rooms across (one column on a phone); each meeting with its live status and links to
// its public list (/meetings/{id}) and its hall display. Live through the hub's programme subscription.
import { connectLive } from "./live.js";
import { flattenProgramme, loadProgramme } from "./programme-data.js";
import { clockTime, dayKey, dayLabel, h } from "./format.js";
import { setupLanguage, t } from "./i18n.js";
import { $, showConnection } from "./page.js";

const live = connectLive(showConnection);
const statusName = (status) => t(`status.${status}`);
const zoneOf = (m, programme) => m.timeZone ?? programme.conference?.timeZone;
/** The meetings made outside the programme, kept between the programme's pushes (which know only its own). */
let outside = [];

function meetingCard(m, tz) {
  const status = m.status ?? "scheduled";
  return h("article", { className: "meeting", dataset: { meetingId: m.id, kind: m.kind ?? "" } },
    h("p", { className: "time" }, `${clockTime(m.start, tz)}–${clockTime(m.end, tz)}`, h("span", { className: "room" }, ` · ${m.room}`)),
    h("h3", {}, m.title),
    h("p", { className: "status-line" }, h("span", { className: "chip", dataset: { status } }, statusName(status))),
    h("p", { className: "links" },
      h("a", { href: `/meetings/${m.id}`, "aria-label": t("programme.listOf", { title: m.title }) }, t("programme.list")),
      h("a", { href: `/display/meeting/${m.id}`, "aria-label": t("programme.displayOf", { title: m.title }) }, t("programme.display"))));
}

function render(pushed) {
  if (!pushed) return;
  const programme = { ...pushed, outside: pushed.outside ?? outside };
  const meetings = flattenProgramme(programme);
  $("conference-title").textContent = programme.conference?.name ?? t("programme.title");
  const tz = meetings[0] ? zoneOf(meetings[0], programme) : programme.conference?.timeZone;
  const rooms = [...new Set([...(programme.rooms ?? []), ...meetings.map((m) => m.room)])];
  const days = [...new Set(meetings.map((m) => dayKey(m.start, tz)))];
  const table = h("table", { className: "grid" },
    h("caption", { className: "visually-hidden" }, t("programme.caption")),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("programme.day")),
      ...rooms.map((room) => h("th", { scope: "col" }, room, h("a", { className: "room-display", href: `/display/room/${encodeURIComponent(room)}`,
        "aria-label": t("programme.roomDisplayOf", { room }) }, t("programme.roomDisplay")))))),
    h("tbody", {}, ...days.map((day) => {
      const ofDay = meetings.filter((m) => dayKey(m.start, tz) === day);
      const titled = programme.days?.find((d) => d.date === day)?.title;
      return h("tr", {}, h("th", { scope: "row" }, dayLabel(ofDay[0].start, tz), titled ? h("span", { className: "day-title" }, titled) : null),
        ...rooms.map((room) => h("td", { dataset: { room } }, ...ofDay.filter((m) => m.room === room).map((m) => meetingCard(m, zoneOf(m, programme) ?? tz)))));
    })));
  $("grid").replaceChildren(meetings.length ? table : h("p", {}, t("programme.none")));
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
        chip.textContent = statusName(floor.status);
      },
    });
  }
}

async function init() {
  await setupLanguage();
  await live.start();
  // The programme's own subscription: one snapshot, then a fresh grid (with each meeting's status) on every change.
  live.subscribe({
    method: "SubscribeToProgramme", event: "programmeChanged", render,
    onError: () => {},
  });
  try {
    // Before a conference is registered the subscription answers nothing: the scheduled meetings are shown instead.
    const programme = await loadProgramme();
    outside = programme.outside ?? [];
    if (!programme.conference) { render(programme); followEachFloor(flattenProgramme(programme)); }
    else { render(programme); followEachFloor(outside); }
  } catch (error) {
    $("message").dataset.kind = "error";
    $("message").textContent = t("programme.cannotShow", { why: error.message });
  }
}
init();
