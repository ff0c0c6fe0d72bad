// The delegation portal: the delegation's slots in every meeting, live (SubscribeToDelegation),
// with how many speakers come before it and when it is expected to speak; inscription and
// withdrawal. Each meeting of the programme is followed too, for the lists it may inscribe on.
import { get, send, remove, requireRole, signOut } from "./api.js";
import { connectLive } from "./live.js";
import { reportScreen } from "./screen-report.js";
import { notSentOffline } from "./offline-refusal.js";
import { loadMeetings } from "./programme-data.js";
import { clockTime, dayLabel, fromNow, h, levels, levelName, stateName, kindName } from "./format.js";
import { findParticipants, resolveParticipant } from "./participants.js";
import { followOpenings } from "./opening-countdown.js";
import { setupLanguage, t, nameOf } from "./i18n.js";
import { followAgendaConflicts } from "./conflicts.js";
import { asLateAs, likelyNotReached } from "./forecast-range.js";

const $ = (id) => document.getElementById(id);
/** The venue's time zone of a meeting, from its views (the list's or the programme's timeZone). */
const zoneOf = (meetingId) => state.lists.get(meetingId)?.timeZone ?? state.meetings.find((m) => m.id === meetingId)?.timeZone;

/** Sentences that are not tied to data, in one place (to be put into other languages). */
const words = {
  youAreNext: "You are next",
  firstOnList: "First on the list",
  before: (n) => `${n} speaker${n === 1 ? "" : "s"} before you`,
  expected: (day, time, relative) => `Expected ${day} at ${time}${relative ? ` (${relative})` : ""}`,
  nowSpeaking: (name) => `Now speaking: ${name}`,
  nobodySpeaking: "Nobody is speaking yet",
  noSlot: "You have no waiting slot.",
  swapAlert: (n) => `${n} swap${n === 1 ? "" : "s"} proposed to you: answer below`,
};
const state = { code: null, meetings: [], lists: new Map(), slots: null, swapChoice: new Map() };
const live = connectLive((s) => { $("connection").textContent = s; $("connection").dataset.state = s; });
const screen = reportScreen(live, () => (state.code ? { kind: "portal", participant: state.code } : null));

/** A message next to where the delegation acted: "slots", "swaps", "inscribe", "reply", or the page's own. */
function say(text, kind = "ok", where = "") {
  const box = $(where ? `${where}-message` : "message") ?? $("message");
  box.dataset.kind = kind;
  box.textContent = text;
}

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
    `${dayLabel(m.start ?? state.lists.get(m.id).scheduledStart, zoneOf(m.id))} ${clockTime(m.start ?? state.lists.get(m.id).scheduledStart, zoneOf(m.id))} · ${state.lists.get(m.id)?.meetingTitle ?? m.title}`)));
  $("inscribe-panel").hidden = !state.code || !options.length;

  const replyOn = state.meetings.filter((m) => (m.status ?? "scheduled") !== "adjourned" && state.lists.has(m.id));
  const replyChosen = $("reply-meeting").value;
  $("reply-meeting").replaceChildren(...replyOn.map((m) => {
    const list = state.lists.get(m.id);
    return h("option", { value: m.id, selected: m.id === replyChosen },
      `${dayLabel(list.scheduledStart, list.timeZone)} ${clockTime(list.scheduledStart, list.timeZone)} · ${list.meetingTitle}`);
  }));
  $("reply-panel").hidden = !state.code || !replyOn.length;
  renderSwaps();
  renderNextCard(slots);
  if (again) {
    const [cardSelector, tag] = again;
    const target = [...document.querySelectorAll(`${cardSelector} ${tag}`)].find((el) => buttonText == null || el.textContent === buttonText);
    target?.focus();
  }
}

// ---- the top card: the next slot, when, how far, and who speaks now ------------------------------
function renderNextCard(slots) {
  const waiting = slots.filter((s) => s.state === "waiting" || s.state === "speaking")
    .sort((a, b) => new Date(a.estimatedStart ?? a.scheduledStart) - new Date(b.estimatedStart ?? b.scheduledStart));
  const s = waiting[0];
  $("next-card").hidden = !state.code;
  if (!s) {
    $("next-card-body").replaceChildren(h("p", { className: "next-none" }, words.noSlot));
    return;
  }
  const zone = zoneOf(s.meetingId);
  const list = state.lists.get(s.meetingId);
  const speaking = list?.entries.find((e) => e.state === "speaking");
  const entry = list?.entries.find((e) => e.inscriptionId === s.inscriptionId);
  const at = s.estimatedStart ?? s.scheduledStart;
  const inProgress = (s.meetingStatus ?? s.status ?? "") === "inProgress";
  $("next-card-body").replaceChildren(
    h("p", { className: "next-meeting" }, s.meetingTitle),
    h("p", { className: "next-when" }, s.state === "speaking" ? stateName.speaking
      : words.expected(dayLabel(at, zone), clockTime(at, zone), fromNow(at))),
    h("p", { className: "next-position" }, h("strong", {}, `#${s.position}`), " · ",
      s.state === "speaking" ? stateName.speaking : s.peopleBefore === 0 ? (inProgress ? words.youAreNext : words.firstOnList) : words.before(s.peopleBefore)),
    entry ? h("p", { className: "next-speaker" }, [entry.speakerName, entry.speakerTitle || levelName(entry.level)].filter(Boolean).join(", ") +
      ` · ${Math.round(entry.allottedSeconds / 60)} min`) : null,
    h("p", { className: "next-now" }, speaking ? words.nowSpeaking(speaking.participantName) : words.nobodySpeaking));
}

// ---- swaps: propose from a waiting slot, answer the ones proposed to the delegation ------------
const swapStatus = (x) => String(x.status ?? "").toLowerCase();
const swapStatusName = {
  proposed: "Waiting for their answer", accepted: "Accepted, waiting for the officers", approved: "Approved: places exchanged",
  declined: "Declined", rejected: "Rejected by the officers", withdrawn: "Withdrawn by its proposer",
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
  const awaiting = toMe.filter(([, swap]) => swapStatus(swap) === "proposed").length;
  $("swap-alert").hidden = !awaiting;
  $("swap-alert-text").textContent = awaiting ? words.swapAlert(awaiting) : "";
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
      h("button", { type: "button", className: "danger", onclick: () => answerSwap(list, swap, "decline") }, "Decline")) : null,
    !toMe && ["proposed", "accepted"].includes(status) ? h("div", { className: "actions" },
      h("button", { type: "button", className: "danger", "aria-label": `Withdraw the proposal to ${swap.proposedToName}`,
        onclick: () => withdrawSwap(list, swap) }, "Withdraw proposal")) : null);
}

async function withdrawSwap(list, swap) {
  if (!confirm(`Withdraw your proposal to ${swap.proposedToName}?`)) return;
  try {
    await send("POST", `/api/meetings/${list.meetingId}/swaps/${swap.swapId}/withdraw`);
    say(`Your proposal to ${swap.proposedToName} is withdrawn.`, "ok", "swaps");
  } catch (error) {
    say(`Withdrawal of the proposal refused: ${error.message}`, "error", "swaps");
  }
}

async function answerSwap(list, swap, answer) {
  try {
    await send("POST", `/api/meetings/${list.meetingId}/swaps/${swap.swapId}/${answer}`);
    say(answer === "accept"
      ? `Swap with ${swap.proposedByName} accepted; the officers will approve it.`
      : `Swap with ${swap.proposedByName} declined.`, "ok", "swaps");
  } catch (error) {
    say(`Your answer was refused: ${error.message}`, "error", "swaps");
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
  const filterId = `swap-find-${s.inscriptionId}`;
  // A searchable picker: the text narrows the choices to the delegations whose code or name matches.
  const filter = h("input", { type: "search", id: filterId, autocomplete: "off", placeholder: "Code or name",
    oninput: (ev) => {
      const text = ev.target.value;
      const codes = text.trim() ? new Set(findParticipants(others.map((e) => ({ code: e.participant, name: e.participantName })), text).map((p) => p.code)) : null;
      for (const option of select.options) {
        const e = others.find((x) => x.inscriptionId === option.value);
        option.hidden = Boolean(e && codes && !codes.has(e.participant));
      }
      const first = [...select.options].find((o) => o.value && !o.hidden && !o.disabled);
      if (codes && first) { select.value = first.value; state.swapChoice.set(s.inscriptionId, first.value); }
    } });
  return h("form", { className: "swap-form", onsubmit: (ev) => { ev.preventDefault(); proposeSwap(s, select.value); } },
    h("label", { htmlFor: filterId }, "Find a delegation to swap with"), filter,
    h("label", { htmlFor: selectId }, "Swap places with"),
    h("div", { className: "swap-row" }, select, h("button", { type: "submit" }, "Propose")));
}

async function proposeSwap(s, withInscriptionId) {
  const list = state.lists.get(s.meetingId);
  const other = list?.entries.find((e) => e.inscriptionId === withInscriptionId);
  if (!other) { say("Choose the slot you want to swap with.", "error", "swaps"); return; }
  try {
    await send("POST", `/api/meetings/${s.meetingId}/swaps`, { inscriptionId: s.inscriptionId, withInscriptionId });
    state.swapChoice.delete(s.inscriptionId);
    say(`Swap proposed to ${other.participantName}: your place #${s.position} for their #${other.position}.`, "ok", "swaps");
  } catch (error) {
    say(notSentOffline(error, "swap") ?? `Swap proposal refused: ${error.message}`, "error", "swaps");
  }
}

function slotCard(s) {
  const isWaiting = s.state === "waiting";
  const before = s.peopleBefore;
  const zone = zoneOf(s.meetingId);
  const inProgress = (s.meetingStatus ?? s.status ?? "") === "inProgress";
  const ahead = !isWaiting ? stateName[s.state] ?? s.state
    : before === 0 ? (inProgress ? words.youAreNext : words.firstOnList) : words.before(before);
  return h("li", { className: `slot state-${s.state}`, dataset: { meetingId: s.meetingId, inscriptionId: s.inscriptionId } },
    h("p", { className: "meeting" }, s.meetingTitle),
    h("p", { className: "when" }, `${dayLabel(s.scheduledStart, zone)} · ${clockTime(s.scheduledStart, zone)} · ${s.room}` +
      (s.kind && s.kind !== "statement" ? ` · ${kindName[s.kind] ?? s.kind}` : "")),
    h("div", { className: "position" },
      h("span", { className: "number", "aria-label": `Position ${s.position}` }, `#${s.position}`),
      h("span", { className: "ahead", dataset: { ahead: String(before) } }, ahead)),
    h("p", { className: "eta" }, isWaiting && s.estimatedStart
      ? words.expected(dayLabel(s.estimatedStart, zone), clockTime(s.estimatedStart, zone), fromNow(s.estimatedStart)) + asLateAs(s, zone) : ""),
    likelyNotReached(s)
      ? h("p", { className: "warn" }, `${t("likelyNotReached")}: the slot carries over to the next meeting on the item.`) : null,
    isWaiting ? swapForm(s) : null,
    isWaiting ? h("div", { className: "actions" },
      h("button", { type: "button", className: "danger", onclick: () => withdraw(s) }, "Withdraw")) : null);
}

async function withdraw(s) {
  if (!confirm(`Withdraw from the list of ${s.meetingTitle}?`)) return;
  try {
    await remove(`/api/meetings/${s.meetingId}/inscriptions/${s.inscriptionId}`);
    say(`Withdrawn from ${s.meetingTitle}.`, "ok", "slots");
  } catch (error) {
    say(`Withdrawal refused: ${error.message}`, "error", "slots");
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
    const zone = zoneOf(data.meeting);
    say(`Inscribed at position ${accepted.position}` + (accepted.estimatedStart
      ? `, expected ${dayLabel(accepted.estimatedStart, zone)} at ${clockTime(accepted.estimatedStart, zone)}.` : "."), "ok", "inscribe");
    // The level of representation stays as chosen: a second inscription must not claim another order unnoticed.
    const level = $("inscribe-level").value;
    form.reset();
    $("inscribe-level").value = level;
  } catch (error) {
    say(notSentOffline(error, "inscription") ?? `Inscription refused: ${error.message}`, "error", "inscribe");
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
      `at the end of ${scheduled.meetingTitle}.`, "ok", "reply");
    form.reset();
  } catch (error) {
    say(notSentOffline(error, "reply") ?? `Right of reply refused: ${error.message}`, "error", "reply");
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
  screen.changed();
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
    const found = resolveParticipant([...byCode].map(([c, name]) => ({ code: c, name })), $("choose-code").value);
    if (!found.participant) { say(found.problem, "error"); return; }
    const chosen = found.participant.code;
    $("choose-form").hidden = true;
    showDelegation(chosen, byCode.get(chosen));
  });
  render();
}
init();
