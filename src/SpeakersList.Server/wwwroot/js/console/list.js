// The list of speakers: rows with one tab stop (roving), named row buttons, search, moves with a reason
// asked each time (Alt+arrows, drag and drop, "move to position N"), withdrawal, closing and reopening.
import { consoleCommand } from "./commands.js";
import { clockTime, dayLabel, h, levelName, kindName, stateName, minutesSeconds, speakerLine } from "../format.js";
import { findParticipants } from "../participants.js";
import { $, state, say, refused, listVersion, answered } from "./state.js";
import { floorCommand } from "./floor.js";
import { rangeText, likelyNotReached } from "../forecast-range.js";
import { dragHandlers, drawUnlessDragging } from "./list-drag.js";

export const waiting = () => (state.list?.entries ?? []).filter((e) => e.state === "waiting");

export function renderList(view) {
  state.list = view;
  drawUnlessDragging(() => drawList(view));
}

function drawList(view) {
  const hadFocus = $("list").contains(document.activeElement);
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
  $("move-position").max = String(view.entries.length || 1);

  // The chosen row stays chosen while the officer works in the list; otherwise it follows the first waiting speaker.
  const chosen = view.entries.find((e) => e.inscriptionId === state.selected);
  if (!chosen || (!hadFocus && chosen.state !== "waiting")) state.selected = waiting()[0]?.inscriptionId ?? view.entries[0]?.inscriptionId ?? null;
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
  applySearch();
  select(state.selected, hadFocus);
  // Heard speakers stay above: a meeting opened in the console shows its list from the speaker on the floor.
  if (state.scrolledFor !== view.meetingId) {
    state.scrolledFor = view.meetingId;
    const from = $("list").querySelector("li.state-speaking") ?? $("list").querySelector("li[data-state='waiting']");
    if (from) $("list").scrollTop = from.offsetTop - $("list").offsetTop;
  }
}

/** The row's own time: the floor's allotment for the speaker on the floor (it counts the +1 min). */
function allotted(e) {
  const f = state.floor;
  return f?.currentSpeaker?.inscriptionId === e.inscriptionId && f.allottedSeconds != null ? f.allottedSeconds : e.allottedSeconds;
}

function entryRow(e) {
  const isWaiting = e.state === "waiting";
  const who = e.participantName;
  const label = `${e.position}. ${who}, ${speakerLine(e)}, ${stateName[e.state] ?? e.state}` +
    (e.estimatedStart && isWaiting ? `, expected ${rangeText(e, state.zone)}` : "") + (likelyNotReached(e) ? ", likely not reached" : "");
  return h("li", {
    tabIndex: -1, draggable: isWaiting, "aria-label": label,
    className: `entry state-${e.state}${likelyNotReached(e) ? " not-reached" : ""}`,
    dataset: { inscriptionId: e.inscriptionId, participant: e.participant, state: e.state, position: String(e.position) },
    title: e.explanation,
    onkeydown: (ev) => rowKeys(ev, e),
    onfocus: () => select(e.inscriptionId, false),
    ...dragHandlers(e, dropOn),
  },
  h("span", { className: "pos" }, String(e.position)),
  // The whole name on hover (title) and on focus (the chosen row wraps, console.css).
  h("span", { className: "who", title: `${who}\n${speakerLine(e)}` }, h("strong", {}, who), h("span", { className: "line" }, speakerLine(e))),
  h("span", { className: "level" }, h("span", { className: "line-1" }, levelName(e.level)), h("span", { className: "line" }, kindName[e.kind] ?? e.kind)),
  h("span", { className: "allotted" }, minutesSeconds(allotted(e))),
  h("span", { className: "eta" }, isWaiting ? rangeText(e, state.zone) : ""),
  h("span", { className: "state" }, stateName[e.state] ?? e.state),
  h("span", { className: "actions" }, isWaiting ? [
    h("button", { type: "button", className: "icon", title: "Move up", "aria-label": `Move ${who} up`, tabIndex: -1, onclick: () => moveBy(e, -1) }, "↑"),
    h("button", { type: "button", className: "icon", title: "Move down", "aria-label": `Move ${who} down`, tabIndex: -1, onclick: () => moveBy(e, +1) }, "↓"),
    h("button", { type: "button", className: "call", tabIndex: -1, "aria-label": `Call ${who}`, onclick: () => call(e) }, "Call"),
    h("button", { type: "button", className: "danger withdraw", tabIndex: -1, "aria-label": `Withdraw ${who}`, onclick: () => withdraw(e) }, "Withdraw"),
  ] : []));
}

/** One tab stop in the list: the chosen row, and its buttons right after it. */
function select(id, focus) {
  state.selected = id;
  for (const row of $("list").querySelectorAll("li.entry")) {
    const on = row.dataset.inscriptionId === id;
    row.tabIndex = on ? 0 : -1;
    row.classList.toggle("selected", on);
    row.setAttribute("aria-current", on ? "true" : "false");
    for (const b of row.querySelectorAll("button")) b.tabIndex = on ? 0 : -1;
  }
  const row = $("list").querySelector(`li[data-inscription-id="${id}"]`);
  const e = state.list?.entries.find((x) => x.inscriptionId === id);
  $("move-who").textContent = e ? `${e.participantName} (#${e.position})` : "the selected row";
  $("move-who").title = $("move-who").textContent;
  if (focus && row && document.activeElement !== row) row.focus();
}

function call(e) { return floorCommand("next", { inscriptionId: e.inscriptionId }, `call of ${e.participantName}`); }

function rowKeys(ev, e) {
  if (ev.target !== ev.currentTarget) return; // keys on the row's buttons are theirs
  const row = ev.currentTarget;
  if (ev.altKey && ev.key === "ArrowUp") { ev.preventDefault(); moveBy(e, -1); }
  else if (ev.altKey && ev.key === "ArrowDown") { ev.preventDefault(); moveBy(e, +1); }
  else if (ev.altKey && ev.key === "Home") { ev.preventDefault(); moveTo(e, 0); }
  else if (ev.altKey && ev.key === "End") { ev.preventDefault(); moveTo(e, waiting().length - 1); }
  else if (!ev.altKey && ev.key === "ArrowUp") { ev.preventDefault(); siblingRow(row, -1)?.focus(); }
  else if (!ev.altKey && ev.key === "ArrowDown") { ev.preventDefault(); siblingRow(row, +1)?.focus(); }
  else if (!ev.altKey && ev.key === "Home") { ev.preventDefault(); $("list").querySelector("li.entry:not([hidden])")?.focus(); }
  else if (!ev.altKey && ev.key === "End") { ev.preventDefault(); [...$("list").querySelectorAll("li.entry:not([hidden])")].at(-1)?.focus(); }
  else if (ev.key === "Enter" && e.state === "waiting") { ev.preventDefault(); call(e); }
  else if (ev.key === "Delete" && e.state === "waiting") { ev.preventDefault(); withdraw(e); }
  else return;
  ev.stopPropagation();
}

function siblingRow(row, step) {
  let next = step < 0 ? row.previousElementSibling : row.nextElementSibling;
  while (next && (!next.dataset.inscriptionId || next.hidden)) next = step < 0 ? next.previousElementSibling : next.nextElementSibling;
  return next;
}

function moveBy(e, step) {
  const index = waiting().findIndex((x) => x.inscriptionId === e.inscriptionId);
  moveTo(e, index + step);
}

/** The reason of this move: the one typed for it, else asked now; never the previous move's. */
function reasonFor(e, where) {
  const typed = $("move-reason").value.trim();
  $("move-reason").value = "";
  if (typed) return typed;
  const asked = prompt(`Reason for moving ${e.participantName} ${where}:`, "Officer's decision");
  return asked === null ? null : asked.trim() || "Officer's decision";
}

/** Place a waiting entry at an index among the waiting entries: after the one before it there, or at the head. */
async function moveTo(e, index) {
  const others = waiting().filter((x) => x.inscriptionId !== e.inscriptionId);
  if (index < 0 || index > others.length) return;
  if (waiting()[index]?.inscriptionId === e.inscriptionId) return;
  const after = index === 0 ? null : others[index - 1].inscriptionId;
  const where = index === 0 ? "to the head of the waiting speakers" : `after ${others[index - 1].participantName}`;
  const reason = reasonFor(e, where);
  if (reason === null) { say(`Move of ${e.participantName} cancelled.`, "ok", "list"); return; }
  try {
    if (!answered(await consoleCommand("POST", `/api/meetings/${state.meetingId}/speakers-list/moves`,
      { inscriptionId: e.inscriptionId, after, reason, expectedVersion: listVersion() }, { what: `move of ${e.participantName}`, where: "list" }))) return;
    say(`${e.participantName} moved ${index === 0 ? "to the head of the waiting speakers" : `after ${others[index - 1].participantName}`}. Reason: ${reason}`, "ok", "list");
  } catch (error) {
    await refused(error, `move of ${e.participantName}`, "list");
  }
}

// "Move to position N": N is the number shown in the list; the row goes where that waiting speaker stands.
$("move-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const e = state.list?.entries.find((x) => x.inscriptionId === state.selected);
  if (!e || e.state !== "waiting") { say("Choose a waiting speaker in the list first (arrows or a click).", "error", "list"); return; }
  const target = Number($("move-position").value);
  const others = waiting().filter((x) => x.inscriptionId !== e.inscriptionId);
  const index = others.filter((x) => x.position < target).length;
  if (!others.length || !Number.isInteger(target) || target < 1) { say("Give the position to move to, such as 3.", "error", "list"); return; }
  moveTo(e, index);
  $("move-position").value = "";
});

/** A waiting row dropped above or below another: the move, with its reason asked. */
function dropOn(id, target, below) {
  const moved = waiting().find((x) => x.inscriptionId === id);
  if (!moved || id === target.inscriptionId) return;
  const others = waiting().filter((x) => x.inscriptionId !== id);
  const index = others.findIndex((x) => x.inscriptionId === target.inscriptionId) + (below ? 1 : 0);
  moveTo(moved, index);
}

async function withdraw(e) {
  if (!confirm(`Withdraw ${e.participantName} (${speakerLine(e)}) from the list?`)) return;
  try {
    if (!answered(await consoleCommand("DELETE", `/api/meetings/${state.meetingId}/inscriptions/${e.inscriptionId}`,
      { expectedVersion: listVersion() }, { what: `withdrawal of ${e.participantName}`, where: "list" }))) return;
    say(`${e.participantName} withdrawn.`, "ok", "list");
  } catch (error) {
    await refused(error, `withdrawal of ${e.participantName}`, "list");
  }
}

// ---- search: the rows of the delegations whose code or name matches ------------------------------
function applySearch() {
  const text = $("list-search").value;
  const codes = text.trim() ? new Set(findParticipants(state.participants.length ? state.participants
    : (state.list?.entries ?? []).map((e) => ({ code: e.participant, name: e.participantName })), text).map((p) => p.code)) : null;
  for (const row of $("list").querySelectorAll("li.entry")) row.hidden = codes !== null && !codes.has(row.dataset.participant);
  // A search that finds nobody says so, rather than showing an empty list.
  $("list").querySelector("li.no-match")?.remove();
  if (codes !== null && !$("list").querySelector("li.entry:not([hidden])")) {
    $("list").append(h("li", { className: "no-match", role: "status" }, `No delegation on the list matches "${text.trim()}".`));
  }
  $("not-reached-line") && ($("not-reached-line").hidden = codes !== null);
}
$("list-search").addEventListener("input", applySearch);
$("list-search").addEventListener("keydown", (ev) => {
  if (ev.key !== "Enter" && ev.key !== "ArrowDown") return;
  ev.preventDefault();
  $("list").querySelector("li.entry:not([hidden])")?.focus();
});

export async function listCommand(method, path, body, what, done, where = "list") {
  try {
    if (!answered(await consoleCommand(method, `/api/meetings/${state.meetingId}/speakers-list/${path}`, { ...body, expectedVersion: listVersion() }, { what, where }))) return true;
    say(done, "ok", where);
    return true;
  } catch (error) {
    await refused(error, what, where);
    return false;
  }
}

$("btn-close-list").addEventListener("click", () => {
  if (!confirm("Close the list of speakers (rule 73)? No delegation can inscribe after this.")) return;
  listCommand("POST", "close", {}, "closing of the list", "The list of speakers is closed (rule 73).");
});
$("btn-reopen-list").addEventListener("click", () => listCommand("POST", "reopen", {}, "reopening of the list", "The list of speakers is open again."));
