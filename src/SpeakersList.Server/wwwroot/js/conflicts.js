// Conflicts across rooms (issue 16): a forecast speaking slot that leaves no time to be at the
// delegation's round table or its slot in another meeting. The console marks the entries
// (GET /api/meetings/{id}/conflicts, again after each change of the list); the portal shows
// them from the live agenda (agendaChanged) with the swaps it could propose.
// Times are the venue's (the zone of the meeting's views), named when the reader's clock differs.
import { get, send } from "./api.js";
import { t, nameOf, refusalText } from "./i18n.js";
import { venueTime } from "./format.js";

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
      added.textContent = t("conflict.badge");
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

/** A conflict in the page's words: the slot, the other engagement, each with its venue times and room. */
function sentence(c, zone) {
  return t("conflict.sentence", {
    meeting: c.slot.meetingTitle, start: venueTime(c.slot.start, zone), end: venueTime(c.slot.end, zone), room: c.slot.room,
    other: c.other.meetingTitle, otherStart: venueTime(c.other.start, zone), otherEnd: venueTime(c.other.end, zone), otherRoom: c.other.room,
  });
}

/**
 * The portal: the delegation's conflicts from its live agenda, each with the swaps that would resolve it.
 * <zoneOf(meetingId)> gives the venue's time zone of a meeting.
 */
export function followAgendaConflicts(live, code, anchor, zoneOf) {
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
        const zone = zoneOf(c.slot.meetingId);
        text.textContent = sentence(c, zone);
        item.append(text);
        for (const swap of c.swaps) {
          const button = document.createElement("button");
          button.type = "button";
          const name = nameOf(swap.withParticipant, swap.withParticipantName);
          button.textContent = t("conflict.proposeSwap", { name, time: venueTime(swap.newStart, zone) });
          button.addEventListener("click", async () => {
            button.disabled = true;
            try {
              await send("POST", `/api/meetings/${c.slot.meetingId}/swaps`, { inscriptionId: c.slot.inscriptionId, withInscriptionId: swap.withInscriptionId });
              button.textContent = t("conflict.swapProposed", { name });
            } catch (error) {
              button.textContent = t("conflict.swapRefused", { error: refusalText(error) });
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
