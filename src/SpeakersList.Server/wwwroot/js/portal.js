// The delegation portal: the delegation's slots in every meeting, live (SubscribeToDelegation),
// with how many speakers come before it and when it is expected to speak; inscription and
// withdrawal. Each meeting of the programme is followed too, for the lists it may inscribe on.
import { get, send, remove, requireRole, signOut } from "./api.js";
import { connectLive } from "./live.js";
import { loadMeetings } from "./programme-data.js";
import { clockTime, dayLabel, h, levels, stateName, kindName } from "./format.js";
import { followOpenings } from "./opening-countdown.js";
import { setupLanguage, t, nameOf } from "./i18n.js";
import { followAgendaConflicts } from "./conflicts.js";

const $ = (id) => document.getElementById(id);
const zone = "America/New_York";
const state = { code: null, meetings: [], lists: new Map(), slots: null, swapChoice: new Map() };
const live = connectLive((s) => { $("connection").textContent = s; $("connection").dataset.state = s; });

function say(text, kind = "ok") { $("message").dataset.kind = kind; $("message").textContent = text; }

function render() {
  // A push redraws the cards: keep the focus where it was (same control of the same slot or swap).
  const active = document.activeElement;
  const card = active?.closest?.("li[data-inscription-id], li[data-swap-id]");
  const again = card && [card.dataset.inscriptionId ? `li[data-inscription-id="${card.dataset.inscriptionId}"]` : `li[data-swap-id="${card.dataset.swapId}"]`,
    active.tagName.toLowerCase()];
  const buttonText = active?.tagName === "BUTTON" ? active.textContent : null;
  const slots = (state.slots ?? []).filter((s) => !["withdrawn", "carriedOver"].includes(s.state));
  $("slots").replaceChildren(...(slots.length ? slots.map(slotCard)
    : [h("li", { className: "empty" }, state.code ? "You are not inscribed on any list yet." : "Choose your delegation.")]));
  const inscribedOn = new Set(slots.filter((s) => s.state === "waiting" && s.kind !== "rightOfReply").map((s) => s.meetingId));
  const options = state.meetings.filter((m) => {
    const list = state.lists.get(m.id);
    return list && !list.closed && !inscribedOn.has(m.id) && (m.status ?? "scheduled") !== "adjourned";
  });
  const chosen = $("inscribe-meeting").value;
  $("inscribe-meeting").replaceChildren(...options.map((m) => h("option", { value: m.id, selected: m.id === chosen },
    `${dayLabel(m.start ?? state.lists.get(m.id).scheduledStart, zone)} ${clockTime(m.start ?? state.lists.get(m.id).scheduledStart, zone)} · ${state.lists.get(m.id)?.meetingTitle ?? m.title}`)));
  $("inscribe-panel").hidden = !state.code || !options.length;

  const replyOn = state.meetings.filter((m) => (m.status ?? "scheduled") !== "adjourned" && state.lists.has(m.id));
  const replyChosen = $("reply-meeting").value;
  $("reply-meeting").replaceChildren(...replyOn.map((m) => {
    const list = state.lists.get(m.id);
    return h("option", { value: m.id, selected: m.id === replyChosen },
      `${dayLabel(list.scheduledStart, zone)} ${clockTime(list.scheduledStart, zone)} · ${list.meetingTitle}`);
  }));
  $("reply-panel").hidden = !state.code || !replyOn.length;
  renderSwaps();
  if (again) {
    const [cardSelector, tag] = again;
    const target = [...document.querySelectorAll(`${cardSelector} ${tag}`)].find((el) => buttonText == null || el.textContent === buttonText);
    target?.focus();
  }
}

// ---- swaps: propose from a waiting slot, answer the ones proposed to the delegation ------------
const swapStatus = (x) => String(x.status ?? "").toLowerCase();
const swapStatusName = {
  proposed: "Waiting for their answer", accepted: "Accepted, waiting for the officers", approved: "Approved: places exchanged",
  declined: "Declined", rejected: "Rejected by the officers",
};

/** A slot's place in its meeting's list, as the list shows it now (the swap may have moved it). */
function positionOf(list, inscriptionId) {
  const e = list?.entries?.find((x) => x.inscriptionId === inscriptionId);
  return e ? `#${e.position}` : "—";
}

function renderSwaps() {
  const toMe = [], byMe = [];
  for (const list of state.lists.values()) {
    for (const swap of list.swaps ?? []) {
      if (swap.proposedTo === state.code) toMe.push([list, swap]);
      else if (swap.proposedBy === state.code) byMe.push([list, swap]);
    }
  }
  const newest = (a, b) => String(b[1].proposedAt).localeCompare(String(a[1].proposedAt));
  toMe.sort(newest); byMe.sort(newest);
  $("swaps-to").replaceChildren(...(toMe.length ? toMe.map(([list, swap]) => swapCard(list, swap, true))
    : [h("li", { className: "empty" }, "No delegation has proposed a swap to you.")]));
  $("swaps-by").replaceChildren(...(byMe.length ? byMe.map(([list, swap]) => swapCard(list, swap, false))
    : [h("li", { className: "empty" }, "You have not proposed a swap.")]));
  $("swaps-panel").hidden = !state.code;
}

function swapCard(list, swap, toMe) {
  const status = swapStatus(swap);
  const other = toMe ? swap.proposedByName : swap.proposedToName;
  const mine = toMe ? swap.withInscriptionId : swap.inscriptionId;
  const theirs = toMe ? swap.inscriptionId : swap.withInscriptionId;
  return h("li", { className: `swap status-${status}`, dataset: { swapId: swap.swapId, status } },
    h("p", { className: "meeting" }, list.meetingTitle),
    // Places are those of now: once approved they have been exchanged, so a closed swap names only the delegation.
    h("p", { className: "what" }, !["proposed", "accepted"].includes(status) ? `Swap of places with ${other}`
      : toMe ? `${other} offers its place ${positionOf(list, theirs)} for yours ${positionOf(list, mine)}`
        : `Your place ${positionOf(list, mine)} for ${other}'s ${positionOf(list, theirs)}`),
    h("p", { className: "status" }, toMe && status === "proposed" ? "Your answer is awaited" : swapStatusName[status] ?? status),
    toMe && status === "proposed" ? h("div", { className: "actions" },
      h("button", { type: "button", className: "primary", onclick: () => answerSwap(list, swap, "accept") }, "Accept"),
      h("button", { type: "button", className: "danger", onclick: () => answerSwap(list, swap, "decline") }, "Decline")) : null);
}

async function answerSwap(list, swap, answer) {
  try {
    await send("POST", `/api/meetings/${list.meetingId}/swaps/${swap.swapId}/${answer}`);
    say(answer === "accept"
      ? `Swap with ${swap.proposedByName} accepted; the officers will approve it.`
      : `Swap with ${swap.proposedByName} declined.`);
  } catch (error) {
    say(`Your answer was refused: ${error.message}`, "error");
  }
}

function swapForm(s) {
  const list = state.lists.get(s.meetingId);
  const others = (list?.entries ?? []).filter((e) => e.state === "waiting" && e.participant !== state.code);
  if (!others.length) return null;
  const open = (list.swaps ?? []).filter((x) => ["proposed", "accepted"].includes(swapStatus(x)));
  const pending = new Set(open.filter((x) => x.inscriptionId === s.inscriptionId || x.withInscriptionId === s.inscriptionId)
    .flatMap((x) => [x.inscriptionId, x.withInscriptionId]));
  const chosen = state.swapChoice.get(s.inscriptionId);
  const selectId = `swap-with-${s.inscriptionId}`;
  const select = h("select", { id: selectId, name: "with", required: true,
    onchange: (ev) => state.swapChoice.set(s.inscriptionId, ev.target.value) },
  h("option", { value: "" }, "Choose a slot…"),
  ...others.map((e) => h("option", { value: e.inscriptionId, selected: e.inscriptionId === chosen, disabled: pending.has(e.inscriptionId) },
    `#${e.position} · ${e.participantName}${pending.has(e.inscriptionId) ? " (swap open)" : ""}`)));
  return h("form", { className: "swap-form", onsubmit: (ev) => { ev.preventDefault(); proposeSwap(s, select.value); } },
    h("label", { htmlFor: selectId }, "Swap places with"),
    h("div", { className: "swap-row" }, select, h("button", { type: "submit" }, "Propose")));
}

async function proposeSwap(s, withInscriptionId) {
  const list = state.lists.get(s.meetingId);
  const other = list?.entries.find((e) => e.inscriptionId === withInscriptionId);
  if (!other) { say("Choose the slot you want to swap with.", "error"); return; }
  try {
    await send("POST", `/api/meetings/${s.meetingId}/swaps`, { inscriptionId: s.inscriptionId, withInscriptionId });
    state.swapChoice.delete(s.inscriptionId);
    say(`Swap proposed to ${other.participantName}: your place #${s.position} for their #${other.position}.`);
  } catch (error) {
    say(`Swap proposal refused: ${error.message}`, "error");
  }
}

function slotCard(s) {
  const isWaiting = s.state === "waiting";
  const before = s.peopleBefore;
  const ahead = !isWaiting ? stateName[s.state] ?? s.state
    : before === 0 ? "You are next" : `${before} speaker${before === 1 ? "" : "s"} before you`;
  return h("li", { className: `slot state-${s.state}`, dataset: { meetingId: s.meetingId, inscriptionId: s.inscriptionId } },
    h("p", { className: "meeting" }, s.meetingTitle),
    h("p", { className: "when" }, `${dayLabel(s.scheduledStart, zone)} · ${clockTime(s.scheduledStart, zone)} · ${s.room}` +
      (s.kind && s.kind !== "statement" ? ` · ${kindName[s.kind] ?? s.kind}` : "")),
    h("div", { className: "position" },
      h("span", { className: "number", "aria-label": `Position ${s.position}` }, `#${s.position}`),
      h("span", { className: "ahead", dataset: { ahead: String(before) } }, ahead)),
    h("p", { className: "eta" }, isWaiting && s.estimatedStart ? `Expected at ${clockTime(s.estimatedStart, zone)}` : ""),
    isWaiting && !s.reachedBeforeEnd
      ? h("p", { className: "warn" }, "Not expected to be reached at this meeting: the slot carries over to the next meeting on the item.") : null,
    isWaiting ? swapForm(s) : null,
    isWaiting ? h("div", { className: "actions" },
      h("button", { type: "button", className: "danger", onclick: () => withdraw(s) }, "Withdraw")) : null);
}

async function withdraw(s) {
  if (!confirm(`Withdraw from the list of ${s.meetingTitle}?`)) return;
  try {
    await remove(`/api/meetings/${s.meetingId}/inscriptions/${s.inscriptionId}`);
    say(`Withdrawn from ${s.meetingTitle}.`);
  } catch (error) {
    say(`Withdrawal refused: ${error.message}`, "error");
  }
}

$("inscribe-level").replaceChildren(...levels.map(([value, text]) => h("option", { value, selected: value === "minister" }, text)));
$("inscribe-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const form = ev.currentTarget;
  const data = Object.fromEntries(new FormData(form));
  try {
    const accepted = await send("POST", `/api/meetings/${data.meeting}/inscriptions`, {
      participant: state.code, level: data.level, speakerTitle: data.speakerTitle, speakerName: data.speakerName,
      onBehalfOf: data.onBehalfOf?.trim() || null,
    });
    say(`Inscribed at position ${accepted.position}` + (accepted.estimatedStart ? `, expected at ${clockTime(accepted.estimatedStart, zone)}.` : "."));
    form.reset();
  } catch (error) {
    say(`Inscription refused: ${error.message}`, "error");
  }
});

$("reply-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const form = ev.currentTarget;
  const data = Object.fromEntries(new FormData(form));
  try {
    const scheduled = await send("POST", `/api/meetings/${data.meeting}/rights-of-reply`, {
      participant: state.code, speakerTitle: data.speakerTitle, speakerName: data.speakerName,
    });
    say(`Right of reply (${scheduled.replyNumber === 1 ? "first" : "second"}, up to ${scheduled.allottedSeconds / 60} minutes) ` +
      `at the end of ${scheduled.meetingTitle}.`);
    form.reset();
  } catch (error) {
    say(`Right of reply refused: ${error.message}`, "error");
  }
});

function showDelegation(code, name) {
  state.code = code.toUpperCase();
  $("delegation-name").textContent = nameOf(state.code, name ?? state.code);
  document.title = `${name ?? state.code} · Delegation portal`;
  live.subscribe({
    method: "SubscribeToDelegation", args: [state.code], event: "delegationChanged",
    matches: (v) => v.participant === state.code,
    render: (view) => { state.slots = view.slots; render(); },
    onError: (error) => say(`Your slots cannot be shown: ${error.message}`, "error"),
  });
  for (const meeting of state.meetings) {
    live.subscribe({
      method: "SubscribeToMeeting", args: [meeting.id], event: "speakersListChanged", matches: (v) => v.meetingId === meeting.id,
      render: (view) => { state.lists.set(meeting.id, view); render(); },
    });
  }
  followAgendaConflicts(live, state.code, $("slots").closest("section"));
  render();
}

async function init() {
  await setupLanguage({ followBrowser: true });
  followOpenings($("slots").closest("section"), () => [...state.lists.values()], { t });
  const user = await requireRole("delegation", "officer");
  $("sign-out").hidden = false;
  $("sign-out").addEventListener("click", signOut);
  const [participants, meetings] = await Promise.allSettled([get("/api/participants"), loadMeetings()]);
  state.meetings = meetings.status === "fulfilled" ? meetings.value : [];
  // Meetings named in the address (before the programme lists them) can be inscribed on too.
  for (const id of new URLSearchParams(location.search).getAll("meeting")) {
    if (!state.meetings.some((m) => m.id === id)) state.meetings.push({ id, title: "", start: null });
  }
  const byCode = new Map((participants.value ?? []).map((p) => [p.code, p.name]));
  $("participants").replaceChildren(...[...byCode].map(([code, name]) => h("option", { value: code, label: name })));
  await live.start();
  // A delegation sees its own slots; an officer may look at any delegation's (?code=GHA or the chooser).
  const code = user.delegation ?? new URLSearchParams(location.search).get("code");
  if (code) { showDelegation(code, byCode.get(code.toUpperCase())); return; }
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
init();
