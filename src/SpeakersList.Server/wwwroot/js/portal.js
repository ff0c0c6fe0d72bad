// The delegation portal: the delegation's slots in every meeting of the programme, live,
// with how many speakers come before it and when it is expected to speak.
import { get, send, remove, me } from "./api.js";
import { connectLive } from "./live.js";
import { loadMeetings } from "./programme-data.js";
import { clockTime, dayLabel, h, levels, stateName, speakerLine } from "./format.js";

const $ = (id) => document.getElementById(id);
const state = { code: null, meetings: [], lists: new Map(), floors: new Map() };
const live = connectLive((s) => { $("connection").textContent = s; $("connection").dataset.state = s; });

function say(text, kind = "ok") { $("message").dataset.kind = kind; $("message").textContent = text; }

function slotsOf(list) {
  return list.entries.filter((e) => e.participant === state.code && !["withdrawn", "carriedOver"].includes(e.state));
}

function render() {
  const cards = [];
  for (const meeting of state.meetings) {
    const list = state.lists.get(meeting.id);
    if (!list) continue;
    for (const e of slotsOf(list)) cards.push(slotCard(list, e));
  }
  $("slots").replaceChildren(...(cards.length ? cards : [h("li", { className: "empty" }, state.code ? "You are not inscribed on any list yet." : "Choose your delegation.")]));
  const options = state.meetings.filter((m) => {
    const list = state.lists.get(m.id);
    return list && !list.closed && !slotsOf(list).some((e) => e.state === "waiting");
  });
  const chosen = $("inscribe-meeting").value;
  $("inscribe-meeting").replaceChildren(...options.map((m) => h("option", { value: m.id, selected: m.id === chosen },
    `${dayLabel(m.start, zoneOf(m.id))} ${clockTime(m.start, zoneOf(m.id))} · ${m.title}`)));
  $("inscribe-panel").hidden = !state.code || !options.length;
}

const zoneOf = (id) => state.lists.get(id)?.timeZone ?? "America/New_York";

function slotCard(list, e) {
  const zone = list.timeZone;
  const waitingAhead = list.entries.filter((x) => x.state === "waiting" && x.position < e.position).length;
  const speaking = list.entries.find((x) => x.state === "speaking");
  const isWaiting = e.state === "waiting";
  const ahead = !isWaiting ? stateName[e.state] ?? e.state
    : waitingAhead === 0 ? (speaking ? "You are next" : "You are first")
    : `${waitingAhead} speaker${waitingAhead === 1 ? "" : "s"} before you`;
  return h("li", { className: `slot state-${e.state}`, dataset: { meetingId: list.meetingId, inscriptionId: e.inscriptionId } },
    h("p", { className: "meeting" }, list.meetingTitle),
    h("p", { className: "when" }, `${dayLabel(list.scheduledStart, zone)} · ${clockTime(list.scheduledStart, zone)}–${clockTime(list.scheduledEnd, zone)} · ${list.room}`),
    h("div", { className: "position" },
      h("span", { className: "number", "aria-label": `Position ${e.position}` }, `#${e.position}`),
      h("span", { className: "ahead", dataset: { ahead: String(waitingAhead) } }, ahead)),
    h("p", { className: "eta" }, isWaiting && e.estimatedStart ? `Expected at ${clockTime(e.estimatedStart, zone)}` : ""),
    isWaiting && !e.reachedBeforeEnd ? h("p", { className: "warn" }, "Not expected to be reached at this meeting; the slot carries over to the next meeting on the item.") : null,
    h("p", { className: "speaker" }, speakerLine(e)),
    isWaiting ? h("div", { className: "actions" },
      h("button", { type: "button", className: "danger", onclick: () => withdraw(list, e) }, "Withdraw")) : null);
}

async function withdraw(list, e) {
  if (!confirm(`Withdraw ${speakerLine(e)} from the list of ${list.meetingTitle}?`)) return;
  try {
    await remove(`/api/meetings/${list.meetingId}/inscriptions/${e.inscriptionId}`);
    say(`Withdrawn from ${list.meetingTitle}.`);
  } catch (error) {
    say(`Withdrawal refused: ${error.message}`, "error");
  }
}

$("inscribe-level").replaceChildren(...levels.map(([value, text]) => h("option", { value, selected: value === "minister" }, text)));
$("inscribe-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const form = ev.currentTarget;
  const data = Object.fromEntries(new FormData(form));
  const meetingId = data.meeting;
  try {
    const accepted = await send("POST", `/api/meetings/${meetingId}/inscriptions`, {
      participant: state.code, level: data.level, speakerTitle: data.speakerTitle, speakerName: data.speakerName,
      onBehalfOf: data.onBehalfOf?.trim() || null,
    });
    say(`Inscribed at position ${accepted.position}` + (accepted.estimatedStart ? `, expected at ${clockTime(accepted.estimatedStart, zoneOf(meetingId))}.` : "."));
    form.reset();
  } catch (error) {
    say(`Inscription refused: ${error.message}`, "error");
  }
});

function showDelegation(code, name) {
  state.code = code.toUpperCase();
  $("delegation-name").textContent = name ?? state.code;
  document.title = `${name ?? state.code} · Delegation portal`;
  for (const meeting of state.meetings) {
    live.subscribe({
      method: "SubscribeToMeeting", args: [meeting.id], event: "speakersListChanged", matches: (v) => v.meetingId === meeting.id,
      render: (view) => { state.lists.set(meeting.id, view); render(); },
    });
  }
  render();
}

async function init() {
  const [user, participants, meetings] = await Promise.allSettled([me(), get("/api/participants"), loadMeetings()]);
  state.meetings = meetings.status === "fulfilled" ? meetings.value : [];
  const extra = new URLSearchParams(location.search).getAll("meeting");
  for (const id of extra) if (!state.meetings.some((m) => m.id === id)) state.meetings.push({ id, title: "", start: null });
  const byCode = new Map((participants.value ?? []).map((p) => [p.code, p.name]));
  $("participants").replaceChildren(...[...byCode].map(([code, name]) => h("option", { value: code, label: name })));
  await live.start();
  const code = user.value?.delegation ?? user.value?.participant ?? new URLSearchParams(location.search).get("code");
  if (code) showDelegation(code, byCode.get(code.toUpperCase()));
  else {
    $("choose-form").hidden = false;
    $("choose-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const chosen = $("choose-code").value.trim().split(/\s/)[0].toUpperCase();
      if (!byCode.has(chosen)) { say(`Unknown delegation code '${chosen}'.`, "error"); return; }
      $("choose-form").hidden = true;
      showDelegation(chosen, byCode.get(chosen));
    });
    render();
  }
}
init();
