// Hall display: one meeting (/display/meeting/{id}) or whatever meeting a room holds now
// (/display/room/{room}). The list and the floor arrive as versioned snapshots and pushes;
// the countdown is computed here, from the floor snapshot and the server's clock.
import { connectLive } from "./live.js";
import { ServerClock, remainingSeconds, countdownState, countdownText } from "./countdown.js";
import { clockTime, dayLabel, h, levelName, meetingStatusName } from "./format.js";
import { followFloor } from "./floor-source.js";
import { setupLanguage, t, nameOf, language } from "./i18n.js";
import { modeLabel } from "./statement-mode.js";
import { reportScreen } from "./screen-report.js";

/** Every sentence the screen shows, in one place; those of i18n.js follow ?lang=, the rest are English. */
const words = {
  connecting: "Connecting…",
  get noMeeting() { return t("noMeeting"); },
  cannotShow: (why) => `This room cannot be shown: ${why}`,
  next: (name) => `Next: ${name}`,
  begins: (day, time) => `Begins ${day} ${time}`,
  nobodyWaiting: "No speaker is waiting",
  onBehalfOf: (group) => `${t("onBehalfOf")} ${nameOf(group, group)}`,
  get suspended() { return t("suspended"); },
  get adjourned() { return t("adjourned"); },
  get paused() { return t("paused"); },
  get ready() { return t("ready"); },
  get over() { return t("overTime"); },
  get timeLeft() { return t("timeLeft"); },
  noSpeaker: "No speaker",
  nowShowing: (title) => `Now showing: ${title}`,
};

const [, , kind, key] = location.pathname.split("/").map(decodeURIComponent);
const params = new URLSearchParams(location.search);
/** Seconds left at which the countdown turns amber: ?warning=60 (the default, one minute). */
const warningSeconds = Number(params.get("warning") ?? 60) || 60;

const $ = (id) => document.getElementById(id);
const clock = new ServerClock();
let zone;
let list = null;
let floor = null;
let meetingId = kind === "meeting" ? key : null;
let overrunMinutes = 0;
let floorSource = null;

const live = connectLive((state) => { $("connection").textContent = state; document.body.dataset.connection = state; });
const screen = reportScreen(live, () => ({ kind: "display", room: list?.room ?? (kind === "room" ? key : null), meetingId,
  showingVersion: Math.max(list?.version ?? -1, floor?.version ?? -1) }));

/** The largest font size (px) at which the element's text fits its box, wrapping onto at most the lines its box holds. */
function fit(el, largest, smallest) {
  let size = Math.round(largest);
  el.style.fontSize = `${size}px`;
  while (size > smallest && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)) {
    size -= 1;
    el.style.fontSize = `${size}px`;
  }
}

function fitNames() {
  const vh = window.innerHeight / 100;
  fit($("current-delegation"), ($("current-speaker").dataset.empty === "true" ? 6 : 9) * vh, 2 * vh);
  for (const name of $("next-speakers").querySelectorAll(".name")) fit(name, 4 * vh, 1.6 * vh);
}
window.addEventListener("resize", fitNames);

/** "Name, Title": the title in words, from the level of representation where none was given. */
function speakerText(e) {
  const title = e.speakerTitle || (e.level ? levelName(e.level) : "");
  return [e.speakerName, title].filter(Boolean).join(", ");
}

function renderList(view) {
  list = view;
  zone = view.timeZone || zone;
  $("meeting-title").textContent = view.meetingTitle;
  $("room-name").textContent = view.room;
  renderNext();
  renderCurrent();
  $("not-reached").textContent = view.notReachedNotice ?? "";
  floorSource?.listChanged();
  screen.changed();
}

function renderNext() {
  if (!list) return;
  const current = floor?.currentSpeaker?.inscriptionId;
  const shift = overrunMinutes * 60000; // an overrun delays everyone after the speaker
  const waiting = list.entries.filter((e) => e.state === "waiting" && e.inscriptionId !== current).slice(0, 5);
  const rows = waiting.map((e) => h("li", { dataset: { participant: e.participant, inscriptionId: e.inscriptionId } },
    h("span", { className: "position" }, String(e.position)),
    h("span", { className: "who" },
      h("span", { className: "name" }, nameOf(e.participant, e.participantName)),
      h("span", { className: "speaker" }, speakerText(e) + (e.onBehalfOf ? ` · ${words.onBehalfOf(e.onBehalfOf)}` : ""))),
    h("span", { className: "eta" }, e.estimatedStart ? clockTime(new Date(new Date(e.estimatedStart).getTime() + shift), zone) : "")));
  // Five rows always: empty rows keep the layout still when the list grows or shrinks.
  while (rows.length < 5) rows.push(h("li", { className: "empty", "aria-hidden": "true" }));
  $("next-speakers").replaceChildren(...rows);
  $("next-speakers").dataset.version = String(list.version);
  fitNames();
}

/** The speaker on the floor, or what the empty floor should say: who is next, or when the meeting begins. */
function renderCurrent() {
  const status = floor?.status ?? "scheduled";
  const s = floor?.currentSpeaker;
  const entry = s && list?.entries.find((e) => e.inscriptionId === s.inscriptionId);
  const next = list?.entries.find((e) => e.state === "waiting");
  $("current-speaker").dataset.empty = String(!s);
  $("current-delegation").textContent = s ? nameOf(s.participant, s.participantName)
    : status === "scheduled" && list ? words.begins(dayLabel(list.scheduledStart, zone), clockTime(list.scheduledStart, zone))
      : status === "inProgress" ? (next ? words.next(nameOf(next.participant, next.participantName)) : words.nobodyWaiting) : "";
  $("current-speaker-line").textContent = s ? speakerText({ ...s, level: entry?.level }) : "";
  $("current-behalf").textContent = [s?.onBehalfOf ? words.onBehalfOf(s.onBehalfOf) : "", modeLabel(s?.delivery, language)].filter(Boolean).join(" · ");
  fitNames();
}

function renderFloor(view) {
  floor = view;
  clock.sync(view.serverTime);
  const status = view.status ?? "scheduled";
  document.body.dataset.status = status;
  $("meeting-status").textContent = status === "inProgress" ? "" : meetingStatusName[status] ?? "";
  const poo = view.pointOfOrder;
  $("point-of-order").hidden = !poo;
  $("point-of-order-by").textContent = poo ? nameOf(poo.participant, poo.participantName ?? poo.participant ?? "") : "";
  const banner = status === "suspended" ? words.suspended : status === "adjourned" ? words.adjourned : "";
  $("state-banner").hidden = !banner;
  $("state-banner-text").textContent = banner;
  renderCurrent();
  renderNext();
  tick();
  screen.changed();
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
    state === "idle" ? (floor?.status === "inProgress" ? words.noSpeaker : "") : floor?.paused ? words.paused : floor?.started === false ? words.ready : state === "over" ? words.over : words.timeLeft;
  const overrun = remaining != null && remaining < 0 ? Math.ceil(-remaining / 60) : 0;
  if (overrun !== overrunMinutes) { overrunMinutes = overrun; renderNext(); }
}

function subscribeToMeeting(id) {
  meetingId = id;
  live.subscribe({ method: "SubscribeToMeeting", args: [id], event: "speakersListChanged", matches: (v) => v.meetingId === id, render: renderList });
  floorSource = followFloor(live, id, renderFloor);
}

let changedTimer = null;
/** A room's screen: the room view carries the current meeting's list and floor, and changes meeting by itself, saying so. */
function renderRoom(v) {
  if (v.meetingId !== meetingId) {
    const before = meetingId;
    meetingId = v.meetingId; list = null; floor = null;
    if (before && v.meetingId && v.speakersList) {
      $("meeting-changed").textContent = words.nowShowing(v.speakersList.meetingTitle);
      $("meeting-changed").hidden = false;
      clearTimeout(changedTimer);
      changedTimer = setTimeout(() => { $("meeting-changed").hidden = true; }, 15000);
    }
  }
  if (!v.meetingId) {
    $("meeting-title").textContent = words.noMeeting;
    $("room-name").textContent = v.room ?? key;
    $("next-speakers").replaceChildren();
    renderFloor({ status: "scheduled", currentSpeaker: null });
    return;
  }
  if (v.speakersList) renderList(v.speakersList);
  if (v.floor) renderFloor(v.floor);
}

$("meeting-title").textContent = words.connecting;
if (kind === "room") {
  $("room-name").textContent = key;
  live.subscribe({
    method: "SubscribeToRoom", args: [key], event: "roomChanged",
    matches: (v) => (v.room ?? key).trim().toUpperCase() === key.trim().toUpperCase(),
    render: renderRoom,
    onError: (error) => { $("meeting-title").textContent = words.cannotShow(error.message); },
  });
} else {
  subscribeToMeeting(meetingId);
}

await setupLanguage();
setInterval(tick, 250);
tick();
live.start();
