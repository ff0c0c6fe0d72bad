// The delegation portal: the delegation's slots in every meeting, live (SubscribeToDelegation),
// with how many speakers come before it and when it is expected to speak (in the venue's time); inscription,
// withdrawal, swaps, rights of reply, statements and the calendar. Its parts are in portal/; every word is in
// i18n/words.json, in the language of ?lang= or the browser.
import { get, requireRole, signOut } from "./api.js";
import { connectLive } from "./live.js";
import { reportScreen } from "./screen-report.js";
import { loadMeetings } from "./programme-data.js";
import { h } from "./format.js";
import { resolveParticipant } from "./participants.js";
import { followOpenings } from "./opening-countdown.js";
import { setupLanguage, t, nameOf } from "./i18n.js";
import { followAgendaConflicts } from "./conflicts.js";
import { $, say, showConnection } from "./page.js";
import { state, onRedraw, zoneOf, clock, syncClock } from "./portal/state.js";
import { renderNextCard, slotCard, noteOf } from "./portal/slots.js";
import { renderSwaps } from "./portal/swaps.js";
import { renderForms, setUpForms } from "./portal/forms.js";
import { followStatements } from "./portal/statement.js";

const live = connectLive(showConnection);
const screen = reportScreen(live, () => (state.code ? { kind: "portal", participant: state.code } : null));

function render() {
  // A push redraws the cards: keep the focus where it was (same control of the same slot or swap).
  const active = document.activeElement;
  const card = active?.closest?.("li[data-inscription-id], li[data-swap-id]");
  const again = card && [card.dataset.inscriptionId ? `li[data-inscription-id="${card.dataset.inscriptionId}"]` : `li[data-swap-id="${card.dataset.swapId}"]`,
    active.tagName.toLowerCase()];
  const buttonText = active?.tagName === "BUTTON" ? active.textContent : null;
  const slots = (state.slots ?? []).filter((s) => !["withdrawn", "carriedOver"].includes(s.state));
  $("slots").replaceChildren(...(slots.length ? slots.map(slotCard)
    : [h("li", { className: "empty" }, t(state.code ? "portal.notInscribed" : "portal.chooseDelegation"))]));
  renderForms(slots);
  renderSwaps(noteOf);
  renderNextCard(slots);
  if (again) {
    const [cardSelector, tag] = again;
    const target = [...document.querySelectorAll(`${cardSelector} ${tag}`)].find((el) => buttonText == null || el.textContent === buttonText);
    target?.focus();
  }
}
onRedraw(render);

function showDelegation(code, name) {
  state.code = code.toUpperCase();
  const shown = nameOf(state.code, name ?? state.code);
  $("delegation-name").textContent = shown;
  document.title = t("portal.title", { name: shown });
  live.subscribe({
    method: "SubscribeToDelegation", args: [state.code], event: "delegationChanged",
    matches: (v) => v.participant === state.code,
    render: (view) => { state.slots = view.slots; render(); },
    onError: (error) => say(error.message, "error"),
  });
  for (const meeting of state.meetings) {
    live.subscribe({
      method: "SubscribeToMeeting", args: [meeting.id], event: "speakersListChanged", matches: (v) => v.meetingId === meeting.id,
      render: (view) => { state.lists.set(meeting.id, view); render(); },
    });
  }
  followAgendaConflicts(live, state.code, $("slots").closest("section"), zoneOf);
  followStatements(state.code);
  screen.changed();
  render();
}

async function init() {
  await setupLanguage({ followBrowser: true });
  setUpForms();
  followOpenings($("slots").closest("section"), () => [...state.lists.values()], { t, now: () => clock.now() });
  const user = await requireRole("delegation", "officer");
  $("sign-out").hidden = false;
  $("sign-out").addEventListener("click", signOut);
  const [participants, meetings] = await Promise.allSettled([get("/api/participants"), loadMeetings()]);
  state.meetings = meetings.status === "fulfilled" ? meetings.value : [];
  // Meetings named in the address (before the programme lists them) can be inscribed on too.
  for (const id of new URLSearchParams(location.search).getAll("meeting")) {
    if (!state.meetings.some((m) => m.id === id)) state.meetings.push({ id, title: "", start: null });
  }
  const byCode = new Map((participants.value ?? []).map((p) => [p.code, nameOf(p.code, p.name)]));
  $("participants").replaceChildren(...[...byCode].map(([code, name]) => h("option", { value: code, label: name })));
  await live.start();
  await syncClock(live.connection);
  live.onResubscribed(() => syncClock(live.connection));
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
