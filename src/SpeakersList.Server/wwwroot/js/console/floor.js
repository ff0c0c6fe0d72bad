// The floor bar: who speaks, who is next, the clock in words, and the President's actions (keys N P E O S A X).
import { submit, askedFloor } from "./outbox.js";
import { ServerClock, remainingSeconds, countdownState, countdownText } from "../countdown.js";
import { meetingStatusName, speakerLine, dayLabel, clockTime } from "../format.js";
import { resolveParticipant } from "../participants.js";
import { $, state, say, refused, newestVersion, answered } from "./state.js";

export const clock = new ServerClock();

const floorWords = {
  open: "opening of the meeting", next: "call of the next speaker", start: "start of the clock", pause: "pause", resume: "resumption of the speech",
  end: "end of the speech", "point-of-order": "point of order", absent: "marking as absent", extend: "extension",
  suspend: "suspension", "resume-meeting": "resumption of the meeting", adjourn: "adjournment",
};

/** The floor as the officer asked for it, while the command waits in the outbox. */
const askedWords = {
  open: "OPENING", next: "NEXT SPEAKER CALLED", start: "CLOCK STARTED", pause: "PAUSED", resume: "SPEAKING", end: "SPEECH ENDED",
  "point-of-order": "POINT OF ORDER", absent: "ABSENT", extend: "+1 MIN", suspend: "SUSPENDED", "resume-meeting": "RESUMED", adjourn: "ADJOURNED",
};

export function renderFloor(view) {
  state.floor = view;
  clock.sync(view.serverTime);
  const status = view.status ?? "scheduled";
  $("floor-status").textContent = meetingStatusName[status] ?? status;
  $("floor-status").dataset.status = status;
  const s = view.currentSpeaker;
  $("floor-speaker").textContent = s ? s.participantName : status === "scheduled" ? "The meeting is not open" : "Nobody has the floor";
  $("floor-speaker").dataset.empty = String(!s);
  $("floor-speaker-line").textContent = s ? speakerLine(s) : "";
  $("floor-poo").hidden = !view.pointOfOrder;
  $("floor-poo").textContent = view.pointOfOrder ? `Point of order: ${view.pointOfOrder.participantName ?? view.pointOfOrder.participant}` : "";
  const next = (view.next ?? []).find((x) => x.inscriptionId !== s?.inscriptionId);
  $("floor-next").textContent = next ? next.participantName : "Nobody is waiting";
  $("floor-next-line").textContent = next ? speakerLine(next) : "";
  const pause = $("btn-pause");
  // After a point of order the President has ruled: "resume" gives the floor back to the speaker.
  const resumes = view.paused || Boolean(view.pointOfOrder);
  pause.dataset.action = resumes ? "resume" : "pause";
  pause.querySelector(".text").textContent = view.pointOfOrder ? "Ruled: back to speaker" : view.paused ? "Resume" : "Pause";
  const open = status === "inProgress";
  const can = {
    open: status === "scheduled",
    next: open && !view.pointOfOrder && Boolean(next),
    start: open && Boolean(s) && !view.started,
    pause: open && Boolean(s) && view.started,
    resume: Boolean(view.pointOfOrder) || (Boolean(s) && view.started),
    end: open && Boolean(s) && view.started && !view.pointOfOrder,
    "point-of-order": open && !view.pointOfOrder,
    absent: open && Boolean(s) && !view.started,
    extend: Boolean(s),
    suspend: open,
    "resume-meeting": status === "suspended",
    adjourn: open || status === "suspended",
  };
  for (const button of document.querySelectorAll(".floor [data-action]")) button.disabled = can[button.dataset.action] === false;
  tick();
}

function tick() {
  const floor = state.floor;
  const remaining = remainingSeconds(floor, clock.now());
  const box = $("floor-countdown");
  const st = countdownState(remaining, 60);
  box.dataset.state = st;
  box.dataset.paused = String(Boolean(floor?.paused && floor?.currentSpeaker));
  $("floor-countdown-value").textContent = countdownText(remaining);
  // Every clock state in words, not only in colour.
  // A key pressed while the server cannot be reached: the bar shows what the officer asked for.
  const asked = askedFloor(state.meetingId);
  box.dataset.asked = asked ?? "";
  $("floor-clock-state").textContent = asked ? `${askedWords[asked] ?? asked.toUpperCase()} (waiting to send)` : !floor?.currentSpeaker ? "No speaker"
    : floor.pointOfOrder ? "PAUSED · point of order"
      : floor.paused ? "PAUSED" : !floor.started ? "Ready · not started" : st === "over" ? "OVER TIME" : "Time left";
}
setInterval(tick, 250);

/** A meeting opened well before its scheduled start (or after its end) is confirmed first. */
function confirmOpening() {
  const list = state.list;
  if (!list) return true;
  const start = new Date(list.scheduledStart).getTime(), now = clock.now();
  const hours = (start - now) / 3600000;
  if (hours <= 1) return true;
  return confirm(`"${list.meetingTitle}" is scheduled for ${dayLabel(list.scheduledStart, state.zone)} ${clockTime(list.scheduledStart, state.zone)}, ` +
    `about ${hours >= 48 ? `${Math.round(hours / 24)} days` : `${Math.round(hours)} h`} from now. Open it now?`);
}

// Floor commands go one after another, in the order the officer gave them: a key pressed while the last command is
// still on its way waits for it, and is then sent with the version that command brought the meeting to.
let inFlight = Promise.resolve();

/** Runs the work after every floor command already given; its commands are sent with sendFloorCommand. */
function inTurn(work) {
  const next = inFlight.then(work);
  inFlight = next.catch(() => false);
  return next;
}

export function floorCommand(action, extra = {}, what = floorWords[action] ?? action) {
  return inTurn(() => sendFloorCommand(action, extra, what));
}

async function sendFloorCommand(action, extra, what) {
  if (!state.meetingId) return false;
  if (action === "adjourn" && !confirm("Adjourn the meeting?")) return false;
  if (action === "open" && !confirmOpening()) return false;
  try {
    const sent = await submit({ meetingId: state.meetingId, url: `/api/meetings/${state.meetingId}/floor/${action}`, body: extra,
      version: newestVersion(), what, where: "floor", action });
    tick();
    if (sent.queued) { say(`Waiting to send: ${what}.`, "pending", "floor"); return true; }
    say(`Done: ${what}.`, "ok", "floor");
    return true;
  } catch (error) {
    await refused(error, what, "floor");
    return false;
  }
}

/** Rule 71: a point of order interrupts at once; the officer then says who raised it. */
async function pointOfOrderNow() {
  const f = state.floor;
  if (f?.pointOfOrder) return;
  if (f?.currentSpeaker && f.started && !f.paused) {
    if (await floorCommand("pause", {}, "pause for a point of order")) state.pausedForPointOfOrder = true;
  }
  $("poo-form").hidden = false;
  $("poo-participant").focus();
}

// The ruling and the speech's clock again, as one turn: no other key slips in between the two.
const resume = () => inTurn(async () => {
  const resumeSpeech = state.pausedForPointOfOrder && Boolean(state.floor?.pointOfOrder);
  const ok = await sendFloorCommand("resume", {}, floorWords.resume);
  if (ok && resumeSpeech) {
    state.pausedForPointOfOrder = false;
    await sendFloorCommand("resume", {}, "resumption of the speech after the point of order");
  }
  return ok;
});

/** Where an absent speaker goes, by the meeting's policy. */
const absentGoesTo = { endOfList: "waits again at the end of the list", nextMeeting: "continues at the next meeting on the item" };

function act(action) {
  if (action === "point-of-order") return pointOfOrderNow();
  if (action === "absent" && state.floor?.currentSpeaker) {
    const s = state.floor.currentSpeaker;
    return floorCommand("absent", {}, `marking of ${s.participantName} as absent; ${s.participantName} ${absentGoesTo[state.floor.absentPolicy] ?? "leaves the floor"}`);
  }
  if (action === "resume") return resume();
  return floorCommand(action, action === "extend" ? { seconds: 60 } : {});
}

for (const button of document.querySelectorAll(".floor [data-action]")) {
  button.addEventListener("click", () => act(button.dataset.action));
}

$("poo-cancel").addEventListener("click", async () => {
  $("poo-form").hidden = true;
  if (state.pausedForPointOfOrder) { state.pausedForPointOfOrder = false; await floorCommand("resume", {}, "resumption of the speech"); }
  $("btn-poo").focus();
});
$("poo-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const found = resolveParticipant(state.participants, $("poo-participant").value);
  if (!found.participant) { say(found.problem, "error", "floor"); return; }
  // Sent: the keys go back to the floor at once (P is the ruling), not to a field about to be hidden.
  $("poo-form").hidden = true;
  $("poo-participant").blur();
  $("btn-pause").focus();
  if (await floorCommand("point-of-order", { participant: found.participant.code }, `point of order by ${found.participant.name}`)) {
    $("poo-participant").value = "";
  } else {
    $("poo-form").hidden = false;
    $("poo-participant").focus();
  }
});

// Shortcuts for the floor: single keys, never while typing in a field.
document.addEventListener("keydown", (ev) => {
  if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.repeat) return;
  if (ev.target.closest("input, select, textarea, [contenteditable]")) return;
  if (!state.meetingId) return;
  const key = ev.key.toLowerCase();
  const actions = { n: "next", e: "end", s: "start", a: "absent", o: "point-of-order" };
  if (actions[key]) act(actions[key]);
  else if (key === "p") {
    // The next key does what the officer expects from what they asked for, even before the server has it.
    const asked = askedFloor(state.meetingId);
    const paused = asked === "pause" ? true : asked === "resume" || asked === "start" ? false : state.floor?.paused || state.floor?.pointOfOrder;
    act(paused ? "resume" : "pause");
  }
  else if (key === "x") act("extend");
  else if (key === "i") $("inscribe-participant").focus();
  else if (key === "f") $("list-search").focus();
  else if (key === "l") ($("list").querySelector("li[tabindex='0']") ?? $("list").querySelector("li[data-state='waiting']") ?? $("list")).focus();
  else return;
  ev.preventDefault();
});
