// Swaps of places: a form on each waiting slot to propose one, and the swaps proposed to and by the delegation,
// each answered on its own card; what happened is said beside the button pressed.
import { send } from "../api.js";
import { t, nameOf, refusalText } from "../i18n.js";
import { h } from "../format.js";
import { findParticipants } from "../participants.js";
import { $ } from "../page.js";
import { state, note } from "./state.js";
import { notSentOffline } from "../offline-refusal.js";

const swapStatus = (x) => String(x.status ?? "").toLowerCase();
const nameIn = (code, fallback) => nameOf(code, fallback);

/** A slot's place in its meeting's list, as the list shows it now (the swap may have moved it). */
function positionOf(list, inscriptionId) {
  const e = list?.entries?.find((x) => x.inscriptionId === inscriptionId);
  return e ? `#${e.position}` : "—";
}

export function renderSwaps(noteOf) {
  const toMe = [], byMe = [];
  for (const list of state.lists.values()) {
    for (const swap of list.swaps ?? []) {
      if (swap.proposedTo === state.code) toMe.push([list, swap]);
      else if (swap.proposedBy === state.code) byMe.push([list, swap]);
    }
  }
  const newest = (a, b) => String(b[1].proposedAt).localeCompare(String(a[1].proposedAt));
  toMe.sort(newest); byMe.sort(newest);
  $("swaps-to").replaceChildren(...(toMe.length ? toMe.map(([list, swap]) => swapCard(list, swap, true, noteOf))
    : [h("li", { className: "empty" }, t("swap.noneToYou"))]));
  $("swaps-by").replaceChildren(...(byMe.length ? byMe.map(([list, swap]) => swapCard(list, swap, false, noteOf))
    : [h("li", { className: "empty" }, t("swap.noneByYou"))]));
  $("swaps-panel").hidden = !state.code;
  const awaiting = toMe.filter(([, swap]) => swapStatus(swap) === "proposed").length;
  $("swap-alert").hidden = !awaiting;
  $("swap-alert-text").textContent = awaiting ? t("portal.swapAlert", { n: awaiting }) : "";
}

function swapCard(list, swap, toMe, noteOf) {
  const status = swapStatus(swap);
  const other = toMe ? nameIn(swap.proposedBy, swap.proposedByName) : nameIn(swap.proposedTo, swap.proposedToName);
  const mine = positionOf(list, toMe ? swap.withInscriptionId : swap.inscriptionId);
  const theirs = positionOf(list, toMe ? swap.inscriptionId : swap.withInscriptionId);
  return h("li", { className: `swap status-${status}`, dataset: { swapId: swap.swapId, status } },
    h("p", { className: "meeting" }, list.meetingTitle),
    // Places are those of now: once approved they have been exchanged, so a closed swap names only the delegation.
    h("p", { className: "what" }, !["proposed", "accepted"].includes(status) ? t("swap.with", { other })
      : t(toMe ? "swap.offer" : "swap.mine", { other, mine, theirs })),
    h("p", { className: "status" }, toMe && status === "proposed" ? t("swap.awaited") : t(`swap.${status}`)),
    toMe && status === "proposed" ? h("div", { className: "actions" },
      h("button", { type: "button", className: "primary", onclick: () => answerSwap(list, swap, "accept", other) }, t("swap.accept")),
      h("button", { type: "button", className: "danger", onclick: () => answerSwap(list, swap, "decline", other) }, t("swap.decline"))) : null,
    !toMe && ["proposed", "accepted"].includes(status) ? h("div", { className: "actions" },
      h("button", { type: "button", className: "danger", "aria-label": t("swap.withdrawTo", { name: other }),
        onclick: () => withdrawSwap(list, swap, other) }, t("swap.withdrawProposal"))) : null,
    noteOf(swap.swapId));
}

async function withdrawSwap(list, swap, name) {
  if (!confirm(t("swap.confirmWithdraw", { name }))) return;
  try {
    await send("POST", `/api/meetings/${list.meetingId}/swaps/${swap.swapId}/withdraw`);
    note(swap.swapId, t("swap.withdrawnDone", { name }));
  } catch (error) {
    note(swap.swapId, t("swap.withdrawRefused", { error: refusalText(error) }), "error");
  }
}

async function answerSwap(list, swap, answer, name) {
  try {
    await send("POST", `/api/meetings/${list.meetingId}/swaps/${swap.swapId}/${answer}`);
    note(swap.swapId, t(answer === "accept" ? "swap.acceptedDone" : "swap.declinedDone", { name }));
  } catch (error) {
    note(swap.swapId, t("swap.answerRefused", { error: refusalText(error) }), "error");
  }
}

/** The form on a waiting slot: find a delegation, choose its slot, propose. */
export function swapForm(s) {
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
  h("option", { value: "" }, t("swap.chooseSlot")),
  ...others.map((e) => h("option", { value: e.inscriptionId, selected: e.inscriptionId === chosen, disabled: pending.has(e.inscriptionId) },
    `#${e.position} · ${nameIn(e.participant, e.participantName)}${pending.has(e.inscriptionId) ? t("swap.open") : ""}`)));
  const filterId = `swap-find-${s.inscriptionId}`;
  // A searchable picker: the text narrows the choices to the delegations whose code or name (in either language) matches.
  const filter = h("input", { type: "search", id: filterId, autocomplete: "off", placeholder: t("swap.codeOrName"),
    oninput: (ev) => {
      const text = ev.target.value;
      const named = others.flatMap((e) => [{ code: e.participant, name: e.participantName }, { code: e.participant, name: nameIn(e.participant, e.participantName) }]);
      const codes = text.trim() ? new Set(findParticipants(named, text).map((p) => p.code)) : null;
      for (const option of select.options) {
        const e = others.find((x) => x.inscriptionId === option.value);
        option.hidden = Boolean(e && codes && !codes.has(e.participant));
      }
      const first = [...select.options].find((o) => o.value && !o.hidden && !o.disabled);
      if (codes && first) { select.value = first.value; state.swapChoice.set(s.inscriptionId, first.value); }
    } });
  return h("form", { className: "swap-form", onsubmit: (ev) => { ev.preventDefault(); proposeSwap(s, select.value); } },
    h("label", { htmlFor: filterId }, t("swap.find")), filter,
    h("label", { htmlFor: selectId }, t("swap.placesWith")),
    h("div", { className: "swap-row" }, select, h("button", { type: "submit" }, t("swap.propose"))));
}

async function proposeSwap(s, withInscriptionId) {
  const list = state.lists.get(s.meetingId);
  const other = list?.entries.find((e) => e.inscriptionId === withInscriptionId);
  if (!other) { note(s.inscriptionId, t("swap.chooseFirst"), "error"); return; }
  try {
    await send("POST", `/api/meetings/${s.meetingId}/swaps`, { inscriptionId: s.inscriptionId, withInscriptionId });
    state.swapChoice.delete(s.inscriptionId);
    note(s.inscriptionId, t("swap.proposedDone", { name: nameIn(other.participant, other.participantName), mine: s.position, theirs: other.position }));
  } catch (error) {
    note(s.inscriptionId, notSentOffline(error, "swap") ?? t("swap.proposeRefused", { error: refusalText(error) }), "error");
  }
}
