// The officer console: one meeting's list and floor, live; every change is a command with the
// version it was decided on, so another officer's change is never silently overwritten.
import { get, send, remove, requireRole, signOut } from "./api.js";
import { followFloor } from "./floor-source.js";
import { connectLive } from "./live.js";
import { loadMeetings } from "./programme-data.js";
import { ServerClock, remainingSeconds, countdownState, countdownText } from "./countdown.js";
import { followOpenings } from "./opening-countdown.js";
import { followConflicts } from "./conflicts.js";
import { clockTime, dayLabel, h, levels, levelName, kindName, stateName, minutesSeconds, meetingStatusName, speakerLine } from "./format.js";

const $ = (id) => document.getElementById(id);
const clock = new ServerClock();
const state = { meetingId: null, list: null, floor: null, zone: "America/New_York", subscriptions: [], limitsDirty: false };

const live = connectLive((s) => { $("connection").textContent = s; $("connection").dataset.state = s; });

// ---- messages -------------------------------------------------------------------------------
function say(text, kind = "ok") {
  const box = $("message");
  box.dataset.kind = kind;
  box.textContent = text;
}

/** A refused command: a stale version shows the fresh state and says so; anything else says why. */
async function refused(error, what) {
  if (error.isStale) {
    await refresh();
    say(`Another officer changed this meeting first (now version ${error.currentVersion ?? "newer"}). ` +
      `Your ${what} was not applied. The screen now shows the current state: check it and try again.`, "conflict");
  } else {
    say(`${what[0].toUpperCase()}${what.slice(1)} refused: ${error.message}`, "error");
  }
}

async function refresh() {
  const id = state.meetingId;
  if (!id) return;
  const [list, floor] = await Promise.allSettled([get(`/api/meetings/${id}/speakers-list`), get(`/api/meetings/${id}/floor`)]);
  if (list.status === "fulfilled") { state.subscriptions[0]?.forget(); state.subscriptions[0]?.show(list.value); }
  if (floor.status === "fulfilled") { state.floorSource?.subscription.forget(); state.floorSource?.show(floor.value); }
}

// ---- the list ---------------------------------------------------------------------------------
const waiting = () => (state.list?.entries ?? []).filter((e) => e.state === "waiting");

function renderList(view) {
  const focused = document.activeElement?.closest?.("li[data-inscription-id]")?.dataset.inscriptionId;
  state.list = view;
  state.zone = view.timeZone || state.zone;
  $("meeting-title").textContent = view.meetingTitle;
  $("meeting-room").textContent = view.room;
  $("meeting-time").textContent = `${dayLabel(view.scheduledStart, state.zone)} ${clockTime(view.scheduledStart, state.zone)}–${clockTime(view.scheduledEnd, state.zone)}`;
  $("list-state").textContent = view.closed ? "List closed" : "List open";
  $("list-state").dataset.status = view.closed ? "suspended" : "inProgress";
  $("list-version").textContent = `version ${view.version}`;
  const option = [...$("meeting-picker").options].find((o) => o.value === view.meetingId);
  if (option && option.textContent === view.meetingId) option.textContent = `${view.room} · ${view.meetingTitle}`;
  $("btn-close-list").hidden = view.closed;
  $("btn-reopen-list").hidden = !view.closed;

  const rows = [];
  let lineShown = false;
  for (const e of view.entries) {
    if (!lineShown && e.state === "waiting" && !e.reachedBeforeEnd) {
      lineShown = true;
      rows.push(h("li", { className: "not-reached-line", role: "separator", id: "not-reached-line" }, view.notReachedNotice ?? "Not reached by the end of the meeting"));
    }
    rows.push(entryRow(e));
  }
  if (!view.entries.length) rows.push(h("li", { className: "empty" }, "Nobody is inscribed yet."));
  $("list").replaceChildren(...rows);
  $("list").dataset.version = String(view.version);
  if (focused) $("list").querySelector(`li[data-inscription-id="${focused}"]`)?.focus();
  if (!state.limitsDirty) fillLimits(view.limits);
  if (document.activeElement !== $("cap")) $("cap").value = view.cap ?? "";
  renderSwaps(view);
  loadHistory();
  state.floorSource?.listChanged();
}

// ---- swaps between delegations ------------------------------------------------------------------
const swapStatus = (x) => String(x.status ?? "").toLowerCase();

function renderSwaps(view) {
  const focused = document.activeElement?.closest?.("li[data-swap-id]");
  const focusedButton = focused && document.activeElement.dataset.step;
  const open = (view.swaps ?? []).filter((x) => ["proposed", "accepted"].includes(swapStatus(x)))
    .sort((a, b) => String(a.proposedAt).localeCompare(String(b.proposedAt)));
  $("swaps-count").textContent = open.length ? `(${open.length})` : "";
  $("swaps").replaceChildren(...(open.length ? open.map((x) => swapRow(view, x)) : [h("li", { className: "empty" }, "No open swaps.")]));
  if (focused) {
    const row = $("swaps").querySelector(`li[data-swap-id="${focused.dataset.swapId}"]`);
    const button = row?.querySelector(`button[data-step="${focusedButton}"]`);
    (button && !button.disabled ? button : row?.querySelector("button:not([disabled])") ?? $("swaps").querySelector("button:not([disabled])"))?.focus();
  }
}

function swapRow(view, x) {
  const status = swapStatus(x);
  const position = (id) => view.entries.find((e) => e.inscriptionId === id)?.position ?? "—";
  const accepted = status === "accepted";
  const label = `${x.proposedByName} (place ${position(x.inscriptionId)}) with ${x.proposedToName} (place ${position(x.withInscriptionId)})`;
  return h("li", { className: `swap status-${status}`, dataset: { swapId: x.swapId, status }, "aria-label": `${label}, ${accepted ? "accepted" : "not yet accepted"}` },
    h("span", { className: "pair" },
      h("span", { className: "side-a" }, h("b", {}, `#${position(x.inscriptionId)}`), ` ${x.proposedByName}`),
      h("span", { className: "arrow", "aria-hidden": "true" }, "⇄"),
      h("span", { className: "side-b" }, h("b", {}, `#${position(x.withInscriptionId)}`), ` ${x.proposedToName}`)),
    h("span", { className: "status chip", dataset: { status } }, accepted ? "Accepted" : `Awaiting ${x.proposedTo}`),
    h("span", { className: "actions" },
      h("button", { type: "button", className: "primary", dataset: { step: "approve" }, disabled: !accepted,
        title: accepted ? "Exchange the two places" : `${x.proposedToName} has not accepted yet`,
        "aria-label": `Approve the swap of ${label}`, onclick: () => swapStep(x, "approve") }, "Approve"),
      h("button", { type: "button", className: "danger", dataset: { step: "reject" },
        "aria-label": `Reject the swap of ${label}`, onclick: () => swapStep(x, "reject") }, "Reject")));
}

async function swapStep(x, step) {
  let reason;
  if (step === "reject") {
    reason = prompt(`Reject the swap between ${x.proposedByName} and ${x.proposedToName}? Reason:`, "Officer's decision");
    if (reason === null) return;
  }
  const what = `${step === "approve" ? "approval" : "rejection"} of the swap between ${x.proposedByName} and ${x.proposedToName}`;
  try {
    await send("POST", `/api/meetings/${state.meetingId}/swaps/${x.swapId}/${step}`,
      { expectedVersion: state.list?.version, ...(reason ? { reason } : {}) });
    say(step === "approve" ? `Swap approved: ${x.proposedByName} and ${x.proposedToName} have exchanged places.`
      : `Swap between ${x.proposedByName} and ${x.proposedToName} rejected.`);
  } catch (error) {
    await refused(error, what);
  }
}

function entryRow(e) {
  const isWaiting = e.state === "waiting";
  const label = `${e.position}. ${e.participantName}, ${speakerLine(e)}, ${stateName[e.state] ?? e.state}` +
    (e.estimatedStart && isWaiting ? `, expected ${clockTime(e.estimatedStart, state.zone)}` : "");
  return h("li", {
    tabIndex: 0, draggable: isWaiting, "aria-label": label,
    className: `entry state-${e.state}${e.reachedBeforeEnd ? "" : " not-reached"}`,
    dataset: { inscriptionId: e.inscriptionId, participant: e.participant, state: e.state },
    title: e.explanation,
    onkeydown: (ev) => rowKeys(ev, e),
    ondragstart: (ev) => { ev.dataTransfer.setData("text/plain", e.inscriptionId); ev.dataTransfer.effectAllowed = "move"; ev.currentTarget.classList.add("dragging"); },
    ondragend: (ev) => ev.currentTarget.classList.remove("dragging"),
    ondragover: (ev) => dragOver(ev, e),
    ondragleave: (ev) => ev.currentTarget.classList.remove("drop-above", "drop-below"),
    ondrop: (ev) => drop(ev, e),
  },
  h("span", { className: "pos" }, String(e.position)),
  h("span", { className: "who" }, h("strong", {}, e.participantName), h("span", { className: "line" }, speakerLine(e))),
  h("span", { className: "level" }, levelName(e.level), h("span", { className: "line" }, kindName[e.kind] ?? e.kind)),
  h("span", { className: "allotted" }, minutesSeconds(e.allottedSeconds)),
  h("span", { className: "eta" }, isWaiting ? clockTime(e.estimatedStart, state.zone) : ""),
  h("span", { className: "state" }, stateName[e.state] ?? e.state),
  h("span", { className: "actions" }, isWaiting ? [
    h("button", { type: "button", className: "icon", title: "Move up", "aria-label": `Move ${e.participantName} up`, tabIndex: -1, onclick: () => moveBy(e, -1) }, "↑"),
    h("button", { type: "button", className: "icon", title: "Move down", "aria-label": `Move ${e.participantName} down`, tabIndex: -1, onclick: () => moveBy(e, +1) }, "↓"),
    h("button", { type: "button", className: "call", tabIndex: -1, onclick: () => floorCommand("next", { inscriptionId: e.inscriptionId }, `call of ${e.participantName}`) }, "Call"),
    h("button", { type: "button", className: "danger withdraw", tabIndex: -1, onclick: () => withdraw(e) }, "Withdraw"),
  ] : []));
}

function rowKeys(ev, e) {
  const row = ev.currentTarget;
  if (ev.altKey && ev.key === "ArrowUp") { ev.preventDefault(); moveBy(e, -1); }
  else if (ev.altKey && ev.key === "ArrowDown") { ev.preventDefault(); moveBy(e, +1); }
  else if (ev.altKey && ev.key === "Home") { ev.preventDefault(); moveTo(e, 0); }
  else if (ev.altKey && ev.key === "End") { ev.preventDefault(); moveTo(e, waiting().length - 1); }
  else if (!ev.altKey && ev.key === "ArrowUp") { ev.preventDefault(); siblingRow(row, -1)?.focus(); }
  else if (!ev.altKey && ev.key === "ArrowDown") { ev.preventDefault(); siblingRow(row, +1)?.focus(); }
  else if (ev.key === "Enter" && e.state === "waiting") { ev.preventDefault(); floorCommand("next", { inscriptionId: e.inscriptionId }, `call of ${e.participantName}`); }
  else if (ev.key === "Delete" && e.state === "waiting") { ev.preventDefault(); withdraw(e); }
  else return;
  ev.stopPropagation();
}

function siblingRow(row, step) {
  let next = step < 0 ? row.previousElementSibling : row.nextElementSibling;
  while (next && !next.dataset.inscriptionId) next = step < 0 ? next.previousElementSibling : next.nextElementSibling;
  return next;
}

function moveBy(e, step) {
  const index = waiting().findIndex((x) => x.inscriptionId === e.inscriptionId);
  moveTo(e, index + step);
}

/** Place a waiting entry at an index among the waiting entries: after the one before it there, or at the head. */
async function moveTo(e, index) {
  const others = waiting().filter((x) => x.inscriptionId !== e.inscriptionId);
  if (index < 0 || index > others.length) return;
  if (waiting()[index]?.inscriptionId === e.inscriptionId) return;
  const after = index === 0 ? null : others[index - 1].inscriptionId;
  const reason = $("move-reason").value.trim() || "Officer's decision";
  try {
    await send("POST", `/api/meetings/${state.meetingId}/speakers-list/moves`,
      { inscriptionId: e.inscriptionId, after, reason, expectedVersion: state.list.version });
    say(`${e.participantName} moved to ${index === 0 ? "the head of the waiting speakers" : `after ${others[index - 1].participantName}`}.`);
  } catch (error) {
    await refused(error, `move of ${e.participantName}`);
  }
}

function dragOver(ev, target) {
  if (target.state !== "waiting") return;
  ev.preventDefault();
  ev.dataTransfer.dropEffect = "move";
  const row = ev.currentTarget;
  const below = ev.offsetY > row.clientHeight / 2;
  row.classList.toggle("drop-below", below);
  row.classList.toggle("drop-above", !below);
}

function drop(ev, target) {
  ev.preventDefault();
  const row = ev.currentTarget;
  const below = row.classList.contains("drop-below");
  row.classList.remove("drop-above", "drop-below");
  const id = ev.dataTransfer.getData("text/plain");
  const moved = waiting().find((x) => x.inscriptionId === id);
  if (!moved || id === target.inscriptionId) return;
  const others = waiting().filter((x) => x.inscriptionId !== id);
  const index = others.findIndex((x) => x.inscriptionId === target.inscriptionId) + (below ? 1 : 0);
  moveTo(moved, index);
}

async function withdraw(e) {
  if (!confirm(`Withdraw ${e.participantName} (${speakerLine(e)}) from the list?`)) return;
  try {
    await remove(`/api/meetings/${state.meetingId}/inscriptions/${e.inscriptionId}`, state.list.version);
    say(`${e.participantName} withdrawn.`);
  } catch (error) {
    await refused(error, `withdrawal of ${e.participantName}`);
  }
}

async function listCommand(method, path, body, what, done) {
  try {
    await send(method, `/api/meetings/${state.meetingId}/speakers-list/${path}`, { ...body, expectedVersion: state.list.version });
    say(done);
    return true;
  } catch (error) {
    await refused(error, what);
    return false;
  }
}

$("btn-close-list").addEventListener("click", () => listCommand("POST", "close", {}, "closing of the list", "The list of speakers is closed (rule 73)."));
$("btn-reopen-list").addEventListener("click", () => listCommand("POST", "reopen", {}, "reopening of the list", "The list of speakers is open again."));

// ---- time limits and cap ------------------------------------------------------------------------
function fillLimits(limits) {
  for (const input of $("limits-form").querySelectorAll("input")) {
    const seconds = limits?.[input.name];
    input.value = seconds == null ? "" : input.dataset.unit === "s" ? seconds : seconds / 60;
  }
}
$("limits-form").addEventListener("input", () => { state.limitsDirty = true; });
$("limits-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const limits = {};
  for (const input of ev.currentTarget.querySelectorAll("input")) {
    limits[input.name] = Math.round(Number(input.value) * (input.dataset.unit === "s" ? 1 : 60));
  }
  if (await listCommand("PUT", "time-limits", { limits }, "change of the time limits", "Time limits set; the forecast is updated.")) state.limitsDirty = false;
});
$("cap-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const value = $("cap").value.trim();
  await listCommand("PUT", "cap", { cap: value ? Number(value) : null }, "change of the number of speakers",
    value ? `At most ${value} speakers.` : "No limit on the number of speakers.");
});

// ---- inscription --------------------------------------------------------------------------------
$("inscribe-level").replaceChildren(...levels.map(([value, text]) => h("option", { value, selected: value === "minister" }, text)));
const participantCode = (text) => text.trim().split(/\s+[—-]\s+/)[0].trim().toUpperCase();

$("inscribe-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const form = ev.currentTarget;
  const data = Object.fromEntries(new FormData(form));
  const body = { ...data, participant: participantCode(data.participant), onBehalfOf: data.onBehalfOf?.trim() || null };
  try {
    const accepted = await send("POST", `/api/meetings/${state.meetingId}/inscriptions`, body);
    say(`${body.participant} inscribed at position ${accepted.position}` +
      (accepted.estimatedStart ? `, expected at ${clockTime(accepted.estimatedStart, state.zone)}.` : "."));
    form.reset();
    $("inscribe-level").value = "minister";
    $("inscribe-participant").focus();
  } catch (error) {
    await refused(error, `inscription of ${body.participant}`);
  }
});

// A right of reply (annex V): heard at the end of the day's last meeting on this item, wherever that is.
$("btn-reply").addEventListener("click", async () => {
  const form = $("inscribe-form");
  if (!form.reportValidity()) return;
  const data = Object.fromEntries(new FormData(form));
  const participant = participantCode(data.participant);
  try {
    const scheduled = await send("POST", `/api/meetings/${state.meetingId}/rights-of-reply`,
      { participant, level: data.level, speakerName: data.speakerName, speakerTitle: data.speakerTitle });
    say(`${participant}: ${scheduled.replyNumber === 1 ? "first" : "second"} right of reply (${minutesSeconds(scheduled.allottedSeconds)}), ` +
      `at the end of ${scheduled.meetingTitle}.`);
    form.reset();
    $("inscribe-level").value = "minister";
  } catch (error) {
    await refused(error, `right of reply of ${participant}`);
  }
});

// ---- the floor ----------------------------------------------------------------------------------
function renderFloor(view) {
  state.floor = view;
  clock.sync(view.serverTime);
  const status = view.status ?? "scheduled";
  $("floor-status").textContent = meetingStatusName[status] ?? status;
  $("floor-status").dataset.status = status;
  const s = view.currentSpeaker;
  $("floor-speaker").textContent = s ? s.participantName : "—";
  $("floor-speaker-line").textContent = s ? speakerLine(s) : "";
  $("floor-poo").hidden = !view.pointOfOrder;
  $("floor-poo").textContent = view.pointOfOrder ? `Point of order: ${view.pointOfOrder.participantName ?? view.pointOfOrder.participant}` : "";
  const pause = $("btn-pause");
  // After a point of order the President has ruled: "resume" gives the floor back to the speaker.
  const resumes = view.paused || Boolean(view.pointOfOrder);
  pause.dataset.action = resumes ? "resume" : "pause";
  pause.firstChild.textContent = view.pointOfOrder ? "Ruled: back to speaker " : view.paused ? "Resume " : "Pause ";
  const can = {
    open: status === "scheduled",
    start: Boolean(s) && !view.started,
    pause: Boolean(s) && view.started,
    resume: Boolean(view.pointOfOrder) || (Boolean(s) && view.started),
    end: Boolean(s) && !view.pointOfOrder,
    absent: Boolean(s) && !view.started,
    extend: Boolean(s),
    suspend: status === "inProgress",
    "resume-meeting": status === "suspended",
    adjourn: status === "inProgress" || status === "suspended",
  };
  for (const button of document.querySelectorAll(".floor [data-action]")) button.disabled = can[button.dataset.action] === false;
  tick();
}

function tick() {
  const remaining = remainingSeconds(state.floor, clock.now());
  $("floor-countdown").dataset.state = countdownState(remaining, 60);
  $("floor-countdown-value").textContent = countdownText(remaining);
}
setInterval(tick, 250);

const floorWords = {
  open: "opening of the meeting", next: "call of the next speaker", start: "start of the clock", pause: "pause", resume: "resumption of the speech",
  end: "end of the speech", "point-of-order": "point of order", absent: "marking as absent", extend: "extension",
  suspend: "suspension", "resume-meeting": "resumption of the meeting", adjourn: "adjournment",
};

async function floorCommand(action, extra = {}, what = floorWords[action] ?? action) {
  if (!state.meetingId) return;
  if (action === "adjourn" && !confirm("Adjourn the meeting?")) return;
  // The floor and the list share the meeting's stream, hence one version: the newest one seen.
  const body = { ...extra, expectedVersion: Math.max(state.floor?.version ?? 0, state.list?.version ?? 0) || undefined };
  try {
    const floor = await send("POST", `/api/meetings/${state.meetingId}/floor/${action}`, body);
    if (floor?.meetingId) state.floorSource?.show(floor);
    say(`Done: ${what}.`);
  } catch (error) {
    await refused(error, what);
  }
}

for (const button of document.querySelectorAll(".floor [data-action]")) {
  button.addEventListener("click", () => {
    const action = button.dataset.action;
    if (action === "point-of-order") return askPointOfOrder();
    floorCommand(action, action === "extend" ? { seconds: 60 } : {});
  });
}

function askPointOfOrder() {
  $("poo-form").hidden = false;
  $("poo-participant").focus();
}
$("poo-cancel").addEventListener("click", () => { $("poo-form").hidden = true; $("btn-poo").focus(); });
$("poo-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  await floorCommand("point-of-order", { participant: participantCode($("poo-participant").value) });
  $("poo-form").hidden = true;
  $("poo-participant").value = "";
});

// Shortcuts for the floor: single keys, never while typing in a field.
document.addEventListener("keydown", (ev) => {
  if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.repeat) return;
  if (ev.target.closest("input, select, textarea, [contenteditable]")) return;
  if (!state.meetingId) return;
  const key = ev.key.toLowerCase();
  const actions = { n: "next", e: "end", s: "start", a: "absent" };
  if (actions[key]) floorCommand(actions[key]);
  else if (key === "p") floorCommand(state.floor?.paused || state.floor?.pointOfOrder ? "resume" : "pause");
  else if (key === "x") floorCommand("extend", { seconds: 60 });
  else if (key === "o") askPointOfOrder();
  else if (key === "i") $("inscribe-participant").focus();
  else if (key === "l") ($("list").querySelector("li[data-state='waiting']") ?? $("list")).focus();
  else return;
  ev.preventDefault();
});

// ---- history ------------------------------------------------------------------------------------
let historyTimer = null;
function loadHistory() {
  clearTimeout(historyTimer);
  historyTimer = setTimeout(async () => {
    if (!state.meetingId) return;
    try {
      const history = await get(`/api/meetings/${state.meetingId}/history`);
      $("history-panel").hidden = false;
      $("history").replaceChildren(...[...history].reverse().slice(0, 100).map((x) => h("li", { dataset: { version: x.version } },
        h("time", { dateTime: x.timestamp }, clockTime(x.timestamp, state.zone)),
        h("span", { className: "by" }, (x.user ?? "").replace(/^officer:|^delegation:/, "")),
        h("span", {}, describe(x.description)))));
    } catch {
      $("history-panel").hidden = true;
    }
  }, 300);
}

/** The history names inscriptions by id; the console names them by delegation where it can. */
function describe(text) {
  return text.replace(/inscription ([0-9a-f-]{36})/gi, (whole, id) => {
    const e = state.list?.entries.find((x) => x.inscriptionId === id);
    return e ? e.participantName : whole;
  }).replace(/after ([0-9a-f-]{36})/gi, (whole, id) => {
    const e = state.list?.entries.find((x) => x.inscriptionId === id);
    return e ? `after ${e.participantName}` : whole;
  });
}

// ---- choosing a meeting -------------------------------------------------------------------------
function openMeeting(id) {
  if (!id || id === state.meetingId) return;
  for (const s of state.subscriptions) s.stop();
  state.floorSource?.stop();
  state.meetingId = id;
  state.list = null;
  state.floor = null;
  const url = new URL(location.href);
  url.searchParams.set("meeting", id);
  history.replaceState(null, "", url);
  $("display-link").href = `/display/meeting/${id}`;
  $("console").hidden = false;
  if (![...$("meeting-picker").options].some((o) => o.value === id)) $("meeting-picker").append(h("option", { value: id }, id));
  $("meeting-picker").value = id;
  say("");
  state.subscriptions = [
    live.subscribe({ method: "SubscribeToMeeting", args: [id], event: "speakersListChanged", matches: (v) => v.meetingId === id, render: renderList,
      onError: (error) => say(`This meeting cannot be opened: ${error.message}`, "error") }),
  ];
  state.floorSource = followFloor(live, id, renderFloor);
}

$("meeting-picker").addEventListener("change", (ev) => openMeeting(ev.target.value));
$("meeting-id-form").addEventListener("submit", (ev) => { ev.preventDefault(); openMeeting($("meeting-id").value.trim()); });

followOpenings($("list"), () => (state.list ? [state.list] : []), { now: () => clock.now() });
followConflicts($("list"), () => state.list);

async function init() {
  const user = await requireRole("officer");
  $("who").textContent = (user.name ?? "").replace(/^officer:/, "");
  $("sign-out").hidden = false;
  $("sign-out").addEventListener("click", signOut);
  const [participants, meetings] = await Promise.allSettled([get("/api/participants"), loadMeetings()]);
  if (participants.status === "fulfilled") {
    $("participants").replaceChildren(...participants.value.map((p) => h("option", { value: p.code, label: p.name })));
  }
  if (meetings.status === "fulfilled" && meetings.value.length) {
    $("meeting-picker").append(...meetings.value.map((m) => h("option", { value: m.id },
      `${dayLabel(m.start, m.timeZone ?? state.zone)} ${clockTime(m.start, m.timeZone ?? state.zone)} · ${m.room} · ${m.title}`)));
  } else {
    $("meeting-id-form").hidden = false;
  }
  await live.start();
  const requested = new URLSearchParams(location.search).get("meeting");
  if (requested) openMeeting(requested);
}
init();
