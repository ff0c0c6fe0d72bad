// Hall display: one meeting (/display/meeting/{id}) or whatever meeting a room holds now
// (/display/room/{room}). The list and the floor arrive as versioned snapshots and pushes;
// the countdown is computed here, from the floor snapshot and the server's clock.
import { connectLive } from "./live.js";
import { ServerClock, remainingSeconds, countdownState, countdownText } from "./countdown.js";
import { clockTime, h, meetingStatusName } from "./format.js";
import { followFloor } from "./floor-source.js";
import { setupLanguage, t, nameOf } from "./i18n.js";

const [, , kind, key] = location.pathname.split("/").map(decodeURIComponent);
const params = new URLSearchParams(location.search);
/** Seconds left at which the countdown turns amber: ?warning=60 (the default, one minute). */
const warningSeconds = Number(params.get("warning") ?? 60) || 60;

const $ = (id) => document.getElementById(id);
const clock = new ServerClock();
let zone = "America/New_York";
let list = null;
let floor = null;
let meetingId = kind === "meeting" ? key : null;
let meetingSubscriptions = [];
let floorSource = null;

const live = connectLive((state) => { $("connection").textContent = state; document.body.dataset.connection = state; });

function renderList(view) {
  list = view;
  zone = view.timeZone || zone;
  $("meeting-title").textContent = view.meetingTitle;
  $("room-name").textContent = view.room;
  renderNext();
  $("not-reached").textContent = view.notReachedNotice ?? "";
  floorSource?.listChanged();
}

function renderNext() {
  if (!list) return;
  const current = floor?.currentSpeaker?.inscriptionId;
  const waiting = list.entries.filter((e) => e.state === "waiting" && e.inscriptionId !== current).slice(0, 5);
  const rows = waiting.map((e) => h("li", { dataset: { participant: e.participant, inscriptionId: e.inscriptionId } },
    h("span", { className: "position" }, String(e.position)),
    h("span", { className: "who" },
      h("span", { className: "name" }, nameOf(e.participant, e.participantName)),
      h("span", { className: "speaker" }, [e.speakerName, e.speakerTitle].filter(Boolean).join(", ") + (e.onBehalfOf ? ` · ${t("onBehalfOf")} ${nameOf(e.onBehalfOf, e.onBehalfOf)}` : ""))),
    h("span", { className: "eta" }, clockTime(e.estimatedStart, zone))));
  // Five rows always: empty rows keep the layout still when the list grows or shrinks.
  while (rows.length < 5) rows.push(h("li", { className: "empty", "aria-hidden": "true" }));
  $("next-speakers").replaceChildren(...rows);
  $("next-speakers").dataset.version = String(list.version);
}

function renderFloor(view) {
  floor = view;
  clock.sync(view.serverTime);
  const status = view.status ?? "scheduled";
  document.body.dataset.status = status;
  $("meeting-status").textContent = status === "inProgress" ? "" : meetingStatusName[status] ?? "";
  const s = view.currentSpeaker;
  $("current-speaker").dataset.empty = String(!s);
  $("current-delegation").textContent = s ? nameOf(s.participant, s.participantName) : status === "inProgress" ? "—" : "";
  $("current-speaker-line").textContent = s ? [s.speakerName, s.speakerTitle].filter(Boolean).join(", ") : "";
  $("current-behalf").textContent = s?.onBehalfOf ? `${t("onBehalfOf")} ${nameOf(s.onBehalfOf, s.onBehalfOf)}` : "";
  const poo = view.pointOfOrder;
  $("point-of-order").hidden = !poo;
  $("point-of-order-by").textContent = poo ? nameOf(poo.participant, poo.participantName ?? poo.participant ?? "") : "";
  const banner = status === "suspended" ? t("suspended") : status === "adjourned" ? t("adjourned") : "";
  $("state-banner").hidden = !banner;
  $("state-banner-text").textContent = banner;
  renderNext();
  tick();
}

function tick() {
  const now = clock.now();
  $("local-time").textContent = clockTime(now, zone);
  const remaining = remainingSeconds(floor, now);
  const state = countdownState(remaining, warningSeconds);
  const box = $("countdown");
  box.dataset.state = state;
  box.dataset.paused = String(Boolean(floor?.paused && floor?.currentSpeaker));
  $("countdown-value").textContent = countdownText(remaining);
  $("countdown-label").textContent =
    state === "idle" ? "" : floor?.paused ? t("paused") : floor?.started === false ? t("ready") : state === "over" ? t("overTime") : t("timeLeft");
}

function subscribeToMeeting(id) {
  meetingId = id;
  meetingSubscriptions = [
    live.subscribe({ method: "SubscribeToMeeting", args: [id], event: "speakersListChanged", matches: (v) => v.meetingId === id, render: renderList }),
  ];
  floorSource = followFloor(live, id, renderFloor);
}

/** A room's screen: the room view carries the current meeting's list and floor, and changes meeting by itself. */
function renderRoom(v) {
  if (v.meetingId !== meetingId) { meetingId = v.meetingId; list = null; floor = null; }
  if (!v.meetingId) {
    $("meeting-title").textContent = t("noMeeting");
    $("room-name").textContent = v.room ?? key;
    $("next-speakers").replaceChildren();
    renderFloor({ status: "scheduled", currentSpeaker: null });
    return;
  }
  if (v.speakersList) renderList(v.speakersList);
  if (v.floor) renderFloor(v.floor);
}

if (kind === "room") {
  $("room-name").textContent = key;
  live.subscribe({
    method: "SubscribeToRoom", args: [key], event: "roomChanged",
    matches: (v) => (v.room ?? key).trim().toUpperCase() === key.trim().toUpperCase(),
    render: renderRoom,
    onError: (error) => { $("meeting-title").textContent = `This room cannot be shown: ${error.message}`; },
  });
} else {
  subscribeToMeeting(meetingId);
}

await setupLanguage();
setInterval(tick, 250);
tick();
live.start();
