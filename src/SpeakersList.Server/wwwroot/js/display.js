// Hall display: one meeting (/display/meeting/{id}) or whatever meeting a room holds now
// (/display/room/{room}). The list and the floor arrive as versioned snapshots and pushes;
// the countdown is computed here, from the floor snapshot and the server's clock.
import { connectLive } from "./live.js";
import { ServerClock, remainingSeconds, countdownState, countdownText } from "./countdown.js";
import { clockTime, dayLabel, h, levelName } from "./format.js";
import { followFloor } from "./floor-source.js";
import { setupLanguage, t, nameOf, language } from "./i18n.js";
import { modeLabel } from "./statement-mode.js";
import { reportScreen } from "./screen-report.js";
import { $, showConnection } from "./page.js";
import { loadMeetings } from "./programme-data.js";

/** Every sentence the screen shows, from i18n/words.json in the language of ?lang=. */
const words = {
  get connecting() { return t("display.connecting"); },
  get noMeeting() { return t("noMeeting"); },
  cannotShow: (why) => t("display.cannotShow", { why }),
  next: (name) => t("display.next", { name }),
  begins: (day, time) => t("display.begins", { day, time }),
  get nobodyWaiting() { return t("display.nobodyWaiting"); },
  onBehalfOf: (group) => `${t("onBehalfOf")} ${nameOf(group, group)}`,
  get suspended() { return t("suspended"); },
  get adjourned() { return t("adjourned"); },
  get paused() { return t("paused"); },
  get ready() { return t("ready"); },
  get over() { return t("overTime"); },
  get timeLeft() { return t("timeLeft"); },
  get noSpeaker() { return t("display.noSpeaker"); },
  nowShowing: (title) => t("display.nowShowing", { title }),
  status: (status) => t(`status.${status}`),
};

const [, , kind, key] = location.pathname.split("/").map(decodeURIComponent);
const params = new URLSearchParams(location.search);
/** Seconds left at which the countdown turns amber: ?warning=60 (the default, one minute). */
const warningSeconds = Number(params.get("warning") ?? 60) || 60;

const clock = new ServerClock();
let zone;
let list = null;
let floor = null;
let meetingId = kind === "meeting" ? key : null;
let overrunMinutes = 0;
let floorSource = null;

const live = connectLive(showConnection);
const screen = reportScreen(live, () => ({ kind: "display", room: list?.room ?? (kind === "room" ? key : null), meetingId,
  showingVersion: Math.max(list?.version ?? -1, floor?.version ?? -1) }));

/**
 * The largest font size (px) at which the element's text fits its box, wrapping onto at most the lines its box holds
 * (<widthOnly>: one line, its height not counted, so a script's taller line box does not shrink it).
 */
function fit(el, largest, smallest, widthOnly = false) {
  let size = Math.round(largest);
  el.style.fontSize = `${size}px`;
  while (size > smallest && ((!widthOnly && el.scrollHeight > el.clientHeight + 1) || el.scrollWidth > el.clientWidth + 1)) {
    size -= 1;
    el.style.fontSize = `${size}px`;
  }
}

// Names are whole: the speaker's delegation, name and title shrink (and wrap onto two lines) rather than being cut;
// on the next speakers' rows the delegation and the person stay whole, and only the title may be shortened.
function fitNames() {
  const vh = window.innerHeight / 100;
  fit($("current-delegation"), ($("current-speaker").dataset.empty === "true" ? 6 : 9) * vh, 2 * vh);
  fit($("current-speaker-line"), 4 * vh, 1.6 * vh);
  fit($("meeting-title"), 4.8 * vh, 2.4 * vh);
  for (const who of $("next-speakers").querySelectorAll(".who")) fit(who, 4 * vh, 1.6 * vh, true);
}
window.addEventListener("resize", fitNames);

/** The title in words, from the level of representation where none was given. */
const titleOf = (e) => e.speakerTitle || (e.level ? levelName(e.level) : "");

/** "Name, Title": the speaker on the floor, whole. */
const speakerText = (e) => [e.speakerName, titleOf(e)].filter(Boolean).join(", ");

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
      e.speakerName ? h("span", { className: "person" }, e.speakerName) : null,
      h("span", { className: "title", dir: "auto" }, [titleOf(e), e.onBehalfOf ? words.onBehalfOf(e.onBehalfOf) : ""].filter(Boolean).join(" · "))),
    h("span", { className: "eta" }, e.estimatedStart ? clockTime(new Date(new Date(e.estimatedStart).getTime() + shift), zone) : "")));
  $("next-speakers").dataset.version = String(list.version);
  // Nobody waits: what comes next in the room rather than five empty lines.
  if (!rows.length) { showComingUp(list.room, list.meetingId); return; }
  comingUpFor = null;
  $("next-heading").textContent = t("nextSpeakers");
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
  // Nothing to time before the meeting opens or after it ends: no empty clock.
  document.body.dataset.clock = String(Boolean(s) || status === "inProgress" || status === "suspended");
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
  $("meeting-status").textContent = status === "inProgress" ? "" : words.status(status);
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
  document.body.dataset.empty = String(!v.meetingId);
  if (!v.meetingId) {
    $("meeting-title").textContent = words.noMeeting;
    $("room-name").textContent = v.room ?? key;
    renderFloor({ status: "scheduled", currentSpeaker: null });
    showComingUp(v.room ?? key, null);
    return;
  }
  if (v.speakersList) renderList(v.speakersList);
  if (v.floor) renderFloor(v.floor);
}

let comingUpFor = null;
/** Nobody waiting, or no meeting on: what comes next in the room (the programme's later meetings there), not empty lines. */
async function showComingUp(room, current) {
  $("next-heading").textContent = t("display.comingUp");
  if (!current) $("current-delegation").textContent = words.noMeeting;
  const key = `${room}|${current}`;
  if (comingUpFor === key) return;
  comingUpFor = key;
  const same = (a) => String(a ?? "").trim().toUpperCase() === String(room ?? "").trim().toUpperCase();
  let meetings = [];
  try {
    meetings = (await loadMeetings()).filter((m) => same(m.room) && m.id !== current && m.status !== "cancelled"
      && new Date(m.end ?? m.start) > new Date(clock.now()));
  } catch { /* the programme is away: the screen still says what it knows */ }
  if (comingUpFor !== key) return;
  const at = (m) => m.timeZone ?? zone;
  const rows = meetings.slice(0, 5).map((m) => h("li", { className: "coming", dataset: { meetingId: m.id } },
    h("span", { className: "position" }, clockTime(m.start, at(m))),
    h("span", { className: "who" }, h("span", { className: "name" }, m.title)),
    h("span", { className: "eta" }, dayLabel(m.start, at(m)))));
  $("next-speakers").replaceChildren(...(rows.length ? rows : [h("li", { className: "coming none" }, t("display.nothingScheduled"))]));
  if (!current && meetings[0]) {
    $("current-delegation").textContent = `${meetings[0].title} · ${words.begins(dayLabel(meetings[0].start, at(meetings[0])), clockTime(meetings[0].start, at(meetings[0])))}`;
  }
  fitNames();
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
if ($("meeting-title").textContent === "Connecting…") $("meeting-title").textContent = words.connecting;
$("local-time").setAttribute("aria-label", t("display.localTime"));
setInterval(tick, 250);
tick();
live.start();
