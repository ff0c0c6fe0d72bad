// The delegation's slots: the top card (the next slot, when, how far, who speaks now) and a card for each
// slot, with its swap form and the withdrawal.
import { remove } from "../api.js";
import { t, nameOf, locale, refusalText } from "../i18n.js";
import { dayLabel, venueTime, fromNow, h, levelName, stateWord, kindWord } from "../format.js";
import { $, say } from "../page.js";
import { state, zoneOf, ahead, expected, note, clock } from "./state.js";
import { swapForm } from "./swaps.js";
import { asLateAs, likelyNotReached } from "../forecast-range.js";

/** A note kept beside a card, as a status line. */
export function noteOf(id) {
  const kept = state.notes.get(id);
  return kept ? h("p", { className: "message compact card-message", role: "status", dataset: { kind: kept.kind } }, kept.text) : null;
}

export function renderNextCard(slots) {
  const waiting = slots.filter((s) => s.state === "waiting" || s.state === "speaking")
    .sort((a, b) => new Date(a.estimatedStart ?? a.scheduledStart) - new Date(b.estimatedStart ?? b.scheduledStart));
  const s = waiting[0];
  $("next-card").hidden = !state.code;
  if (!s) {
    $("next-card-body").replaceChildren(h("p", { className: "next-none" }, t("portal.noSlot")));
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
    h("p", { className: "next-when" }, s.state === "speaking" ? stateWord("speaking") : expected(at, zone, fromNow(at, clock.now()))),
    h("p", { className: "next-position" }, h("strong", {}, `#${s.position}`), " · ",
      s.state === "speaking" ? stateWord("speaking") : ahead(s.peopleBefore, inProgress)),
    entry ? h("p", { className: "next-speaker" }, [entry.speakerName, entry.speakerTitle || levelName(entry.level)].filter(Boolean).join(", ") +
      ` · ${new Intl.NumberFormat(locale(), { style: "unit", unit: "minute", unitDisplay: "short" }).format(Math.round(entry.allottedSeconds / 60))}`) : null,
    h("p", { className: "next-now" }, speaking
      ? t("portal.nowSpeaking", { name: nameOf(speaking.participant, speaking.participantName) }) : t("portal.nobodySpeaking")));
}

export function slotCard(s) {
  const isWaiting = s.state === "waiting";
  const zone = zoneOf(s.meetingId);
  const inProgress = (s.meetingStatus ?? s.status ?? "") === "inProgress";
  return h("li", { className: `slot state-${s.state}`, dataset: { meetingId: s.meetingId, inscriptionId: s.inscriptionId } },
    h("p", { className: "meeting" }, s.meetingTitle),
    h("p", { className: "when" }, `${dayLabel(s.scheduledStart, zone)} · ${venueTime(s.scheduledStart, zone)} · ${s.room}` +
      (s.kind && s.kind !== "statement" ? ` · ${kindWord(s.kind)}` : "")),
    h("div", { className: "position" },
      h("span", { className: "number", "aria-label": t("portal.position", { n: s.position }) }, `#${s.position}`),
      h("span", { className: "ahead", dataset: { ahead: String(s.peopleBefore) } }, isWaiting ? ahead(s.peopleBefore, inProgress) : stateWord(s.state))),
    h("p", { className: "eta" }, isWaiting && s.estimatedStart ? expected(s.estimatedStart, zone, fromNow(s.estimatedStart, clock.now())) + asLateAs(s, zone) : ""),
    likelyNotReached(s) ? h("p", { className: "warn" }, `${t("likelyNotReached")}. ${t("portal.notReached")}`) : null,
    isWaiting ? swapForm(s) : null,
    noteOf(s.inscriptionId),
    isWaiting ? h("div", { className: "actions" },
      h("button", { type: "button", className: "danger", onclick: () => withdraw(s) }, t("portal.withdraw"))) : null);
}

async function withdraw(s) {
  if (!confirm(t("portal.confirmWithdraw", { meeting: s.meetingTitle }))) return;
  try {
    await remove(`/api/meetings/${s.meetingId}/inscriptions/${s.inscriptionId}`);
    state.notes.delete(s.inscriptionId);
    say(t("portal.withdrawn", { meeting: s.meetingTitle }), "ok", "slots");
  } catch (error) {
    note(s.inscriptionId, t("portal.withdrawRefused", { error: refusalText(error) }), "error");
  }
}
