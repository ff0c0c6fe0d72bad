// Swaps between delegations: the open ones, live; Approve once the other delegation has accepted, Reject with a reason.
import { send } from "../api.js";
import { consoleCommand } from "./commands.js";
import { h } from "../format.js";
import { $, state, say, refused, listVersion, answered } from "./state.js";

const swapStatus = (x) => String(x.status ?? "").toLowerCase();

export function renderSwaps(view) {
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
    if (!answered(await consoleCommand("POST", `/api/meetings/${state.meetingId}/swaps/${x.swapId}/${step}`,
      { expectedVersion: listVersion(), ...(reason ? { reason } : {}) }, { what, where: "swaps" }))) return;
    say(step === "approve" ? `Swap approved: ${x.proposedByName} and ${x.proposedToName} have exchanged places.`
      : `Swap between ${x.proposedByName} and ${x.proposedToName} rejected.`, "ok", "swaps");
  } catch (error) {
    await refused(error, what, "swaps");
  }
}
