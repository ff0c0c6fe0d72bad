// The public list of speakers of one meeting (/meetings/{id}): read-only, live, for anyone the programme sends here.
import { connectLive } from "./live.js";
import { followFloor } from "./floor-source.js";
import { reportScreen } from "./screen-report.js";
import { clockTime, dayLabel, h, levelName, meetingStatusName, stateName, speakerLine } from "./format.js";

const $ = (id) => document.getElementById(id);
const meetingId = decodeURIComponent(location.pathname.split("/")[2] ?? "");
const live = connectLive((s) => { $("connection").textContent = s; $("connection").dataset.state = s; });
let zone;
let shown = null;
const screen = reportScreen(live, () => ({ kind: "public-list", room: shown?.room, meetingId, showingVersion: shown?.version }));

function renderList(view) {
  zone = view.timeZone || zone;
  document.title = `${view.meetingTitle} · List of speakers`;
  $("meeting-title").textContent = view.meetingTitle;
  $("meeting-when").textContent = `${dayLabel(view.scheduledStart, zone)} ${clockTime(view.scheduledStart, zone)}–${clockTime(view.scheduledEnd, zone)} ·`;
  $("meeting-room").textContent = view.room;
  $("list-state").textContent = view.closed ? "List closed" : "List open";
  $("not-reached").textContent = view.notReachedNotice ?? "";
  const shown = view.entries.filter((e) => !["withdrawn", "carriedOver"].includes(e.state));
  $("entries").replaceChildren(...(shown.length ? shown.map((e) => h("li", { className: `state-${e.state}`, dataset: { participant: e.participant, state: e.state } },
    h("span", { className: "pos" }, String(e.position)),
    h("span", { className: "who" }, h("strong", {}, e.participantName),
      h("span", { className: "line" }, speakerLine({ ...e, speakerTitle: e.speakerTitle || levelName(e.level) }))),
    h("span", { className: "eta" }, e.state === "waiting" ? clockTime(e.estimatedStart, zone) : stateName[e.state] ?? e.state)))
    : [h("li", { className: "empty" }, "Nobody is inscribed yet.")]));
  $("entries").dataset.version = String(view.version);
  floor.listChanged();
  shown = view;
  screen.changed();
}

function renderFloor(view) {
  const status = view.status ?? "scheduled";
  $("meeting-status").textContent = meetingStatusName[status] ?? status;
  $("meeting-status").dataset.status = status;
  const s = view.currentSpeaker;
  $("now").textContent = s ? `${s.participantName} — ${speakerLine(s)}` : status === "inProgress" ? "Nobody has the floor" : "The meeting is not in progress";
}

$("display-link").href = `/display/meeting/${meetingId}`;
live.subscribe({
  method: "SubscribeToMeeting", args: [meetingId], event: "speakersListChanged", matches: (v) => v.meetingId === meetingId, render: renderList,
  onError: (error) => { $("message").dataset.kind = "error"; $("message").textContent = `This list cannot be shown: ${error.message}`; },
});
const floor = followFloor(live, meetingId, renderFloor);
live.start();
