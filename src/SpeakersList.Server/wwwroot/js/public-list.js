// The public list of speakers of one meeting (/meetings/{id}): read-only, live, for anyone the programme sends here.
import { connectLive } from "./live.js";
import { followFloor } from "./floor-source.js";
import { reportScreen } from "./screen-report.js";
import { clockTime, dayLabel, h, levelName, stateWord, venueTime } from "./format.js";
import { setupLanguage, t, nameOf } from "./i18n.js";
import { $, showConnection } from "./page.js";

const meetingId = decodeURIComponent(location.pathname.split("/")[2] ?? "");
const live = connectLive(showConnection);

/** "Name, Title — on behalf of Group", in the page's language. */
const speakerLine = (e) => {
  const who = [e.speakerName, e.speakerTitle || levelName(e.level)].filter(Boolean).join(", ");
  return e.onBehalfOf ? `${who} — ${t("onBehalfOf")} ${nameOf(e.onBehalfOf, e.onBehalfOf)}` : who;
};
let zone;
let shown = null;
const screen = reportScreen(live, () => ({ kind: "public-list", room: shown?.room, meetingId, showingVersion: shown?.version }));

function renderList(view) {
  zone = view.timeZone || zone;
  document.title = `${view.meetingTitle} · ${t("list.title")}`;
  $("meeting-title").textContent = view.meetingTitle;
  $("meeting-when").textContent = `${dayLabel(view.scheduledStart, zone)} ${clockTime(view.scheduledStart, zone)}–${venueTime(view.scheduledEnd, zone)} ·`;
  $("meeting-room").textContent = view.room;
  $("list-state").textContent = t(view.closed ? "list.closed" : "list.open");
  $("not-reached").textContent = view.notReachedNotice ?? "";
  const shown = view.entries.filter((e) => !["withdrawn", "carriedOver"].includes(e.state));
  $("entries").replaceChildren(...(shown.length ? shown.map((e) => h("li", { className: `state-${e.state}`, dataset: { participant: e.participant, state: e.state } },
    h("span", { className: "pos" }, String(e.position)),
    h("span", { className: "who" }, h("strong", {}, nameOf(e.participant, e.participantName)),
      h("span", { className: "line" }, speakerLine(e))),
    h("span", { className: "eta" }, e.state === "waiting" ? venueTime(e.estimatedStart, zone) : stateWord(e.state))))
    : [h("li", { className: "empty" }, t("list.nobody"))]));
  $("entries").dataset.version = String(view.version);
  floor.listChanged();
  shown = view;
  screen.changed();
}

function renderFloor(view) {
  const status = view.status ?? "scheduled";
  $("meeting-status").textContent = t(`status.${status}`);
  $("meeting-status").dataset.status = status;
  const s = view.currentSpeaker;
  $("now").textContent = s ? `${nameOf(s.participant, s.participantName)} — ${speakerLine(s)}` : t(status === "inProgress" ? "list.nobodyHasFloor" : "list.notInProgress");
}

$("display-link").href = `/display/meeting/${meetingId}${location.search}`;
await setupLanguage();
live.subscribe({
  method: "SubscribeToMeeting", args: [meetingId], event: "speakersListChanged", matches: (v) => v.meetingId === meetingId, render: renderList,
  onError: (error) => { $("message").dataset.kind = "error"; $("message").textContent = t("list.cannotShow", { why: error.message }); },
});
const floor = followFloor(live, meetingId, renderFloor);
live.start();
