// Conflicts across rooms (issue 16): a forecast speaking slot that leaves no time to be at the
// delegation's round table or its slot in another meeting. The console marks the entries
// (GET /api/meetings/{id}/conflicts, again after each change of the list); the portal shows
// them from the live agenda (agendaChanged) with the swaps it could propose.
import { get, send } from "./api.js";

const hhmm = (value) => new Date(value).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "America/New_York" });

function box(anchor, id) {
  const el = document.createElement("div");
  el.id = id;
  el.className = "conflicts";
  el.setAttribute("aria-live", "polite");
  el.hidden = true;
  anchor.before(el);
  return el;
}

/** The console: the conflicts of the list shown, listed above it and marked on each entry. */
export function followConflicts(listElement, currentList) {
  const shown = box(listElement, "conflicts");
  let seen = null;
  let conflicts = [];
  // The list redraws its rows on every push: the marks are put back on each tick, the conflicts fetched again on a new version.
  const mark = () => {
    for (const li of listElement.querySelectorAll("li[data-inscription-id]")) {
      const mine = conflicts.filter((c) => c.slot.inscriptionId === li.dataset.inscriptionId);
      const badge = li.querySelector(".conflict-badge");
      li.dataset.conflict = String(mine.length > 0);
      if (!mine.length) { badge?.remove(); continue; }
      if (badge) continue;
      const added = document.createElement("span");
      added.className = "conflict-badge";
      added.textContent = "Conflict";
      added.title = mine.map((c) => c.explanation).join("\n");
      const name = li.querySelector(".who strong");
      if (name) name.after(added); else li.append(added);
    }
  };
  const refresh = async () => {
    const list = currentList();
    if (list && `${list.meetingId}:${list.version}` !== seen) {
      seen = `${list.meetingId}:${list.version}`;
      try {
        conflicts = (await get(`/api/meetings/${list.meetingId}/conflicts`)).conflicts ?? [];
      } catch {
        seen = null;
      }
      shown.hidden = conflicts.length === 0;
      shown.replaceChildren(...conflicts.map((c) => {
        const p = document.createElement("p");
        p.className = "conflict";
        p.dataset.participant = c.participant;
        p.textContent = `${c.participant}: ${c.explanation}`;
        return p;
      }));
    }
    mark();
  };
  setInterval(refresh, 1000);
}

/** The portal: the delegation's conflicts from its live agenda, each with the swaps that would resolve it. */
export function followAgendaConflicts(live, code, anchor) {
  const shown = box(anchor, "conflicts");
  live.subscribe({
    method: "SubscribeToAgenda", args: [code], event: "agendaChanged", matches: (v) => v.participant === code,
    render: (agenda) => {
      const conflicts = agenda.conflicts ?? [];
      shown.hidden = conflicts.length === 0;
      shown.replaceChildren(...conflicts.map((c) => {
        const item = document.createElement("div");
        item.className = "conflict";
        item.dataset.inscriptionId = c.slot.inscriptionId;
        const text = document.createElement("p");
        text.textContent = c.explanation;
        item.append(text);
        for (const swap of c.swaps) {
          const button = document.createElement("button");
          button.type = "button";
          button.textContent = `Propose a swap with ${swap.withParticipantName} (expected ${hhmm(swap.newStart)})`;
          button.addEventListener("click", async () => {
            button.disabled = true;
            try {
              await send("POST", `/api/meetings/${c.slot.meetingId}/swaps`, { inscriptionId: c.slot.inscriptionId, withInscriptionId: swap.withInscriptionId });
              button.textContent = `Swap proposed to ${swap.withParticipantName}`;
            } catch (error) {
              button.textContent = `Swap refused: ${error.message}`;
            }
          });
          item.append(button);
        }
        return item;
      }));
    },
    onError: () => { shown.hidden = true; },
  });
}
