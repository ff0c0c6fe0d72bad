// The booths' messages to the chair (issue 23): "slow down", "no sound", "help" from a room's interpretation booth,
// pushed to the console of the meeting at once (SubscribeToBoothMessages, officers only) and dismissed here.
import { send } from "../api.js";
import { h } from "../format.js";
import { $ } from "./state.js";

const kinds = { slowDown: "Slow down", noSound: "No sound", help: "Help" };

/** A band above the console, in the officer's eye line; made once. */
function band() {
  let box = $("booth-messages");
  if (box) return box;
  box = h("section", { id: "booth-messages", className: "booth-messages", role: "alert", "aria-label": "Messages from the booths" });
  Object.assign(box.style, { display: "flex", flexWrap: "wrap", gap: ".5rem", margin: ".5rem 0" });
  $("console").before(box);
  return box;
}

function card(meetingId, m, forget) {
  const dismiss = h("button", { type: "button", className: "dismiss" }, "Dismiss");
  const el = h("p", { className: "booth-message", dataset: { kind: m.kind, message: m.messageId } },
    h("strong", {}, `Booth, ${m.room}: ${kinds[m.kind] ?? m.kind}`), m.text ? ` — ${m.text}` : "", " ", dismiss);
  Object.assign(el.style, { margin: 0, padding: ".6rem .9rem", borderRadius: ".4rem", fontSize: "1.15rem",
    background: m.kind === "noSound" ? "#b3261e" : "#8a5a00", color: "#fff" });
  dismiss.addEventListener("click", async () => {
    dismiss.disabled = true;
    try {
      await send("POST", `/api/meetings/${meetingId}/booth-messages/${m.messageId}/dismiss`);
      forget(m.messageId);
    } catch (error) {
      dismiss.disabled = false;
      el.title = error.message;
    }
  });
  return el;
}

/** Follows a meeting's booth messages; answers what the console stops when it opens another meeting. */
export function followBoothMessages(live, meetingId) {
  const box = band();
  box.replaceChildren();
  const forget = (id) => box.querySelector(`[data-message="${id}"]`)?.remove();
  const show = (m) => { if (!m.dismissedAt && !box.querySelector(`[data-message="${m.messageId}"]`)) box.append(card(meetingId, m, forget)); };
  const dismissed = (d) => { if (d.meetingId === meetingId) forget(d.messageId); };
  live.connection.on("boothMessageDismissed", dismissed);
  const subscription = live.subscribe({
    method: "SubscribeToBoothMessages", args: [meetingId], event: "boothMessage",
    matches: (m) => m.meetingId === meetingId,
    render: (v) => {
      if (Array.isArray(v)) { box.replaceChildren(); v.forEach(show); } else show(v);
    },
  });
  return {
    stop() {
      live.connection.off("boothMessageDismissed", dismissed);
      box.replaceChildren();
      return subscription.stop("UnsubscribeFromBoothMessages");
    },
  };
}
