// Inscriptions on behalf of a delegation (found by code or any of its names), a second inscription
// granted where the rules ask for an officer's permission, and rights of reply in a form of their own.
import { consoleCommand } from "./commands.js";
import { clockTime, dayLabel, h, levels, minutesSeconds } from "../format.js";
import { resolveParticipant } from "../participants.js";
import { $, state, say, refused } from "./state.js";

$("inscribe-level").replaceChildren(...levels.map(([value, text]) => h("option", { value, selected: value === "minister" }, text)));

/** The participant typed in a field, or a message next to the form saying why not. */
function participantIn(input, where) {
  const found = resolveParticipant(state.participants, input.value);
  if (!found.participant) { say(found.problem, "error", where); input.focus(); return null; }
  return found.participant;
}

/** A form made for a participant: on submit, the participant it names and the form's fields, or a message and nothing sent. */
function onParticipantForm(name, act) {
  $(`${name}-form`).addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const form = ev.currentTarget;
    const participant = participantIn($(`${name}-participant`), name);
    if (participant) await act(participant, Object.fromEntries(new FormData(form)), form);
  });
}

let secondFor = null;

onParticipantForm("inscribe", async (participant, data, form) => {
  const body = { ...data, participant: participant.code, onBehalfOf: data.onBehalfOf?.trim() || null };
  $("second-form").hidden = true;
  try {
    const accepted = await consoleCommand("POST", `/api/meetings/${state.meetingId}/inscriptions`, body, { what: `inscription of ${participant.name}`, where: "inscribe" });
    if (!accepted) { form.reset(); return; }
    say(`${participant.name} (${participant.code}) inscribed at position ${accepted.position}` +
      (accepted.estimatedStart ? `, expected at ${clockTime(accepted.estimatedStart, state.zone)}.` : "."), "ok", "inscribe");
    const level = $("inscribe-level").value;
    form.reset();
    $("inscribe-level").value = level;
    $("inscribe-participant").focus();
  } catch (error) {
    await refused(error, `inscription of ${participant.name}`, "inscribe");
    // A second inscription needs an officer's permission: offer it here, then the officer inscribes again.
    if (/second inscription|already inscribed/i.test(error.message)) {
      secondFor = participant;
      $("second-text").textContent = `${participant.name} is already on this list.`;
      $("second-form").hidden = false;
    }
  }
});

$("second-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  if (!secondFor) return;
  try {
    const permitted = await consoleCommand("POST", `/api/meetings/${state.meetingId}/speakers-list/second-inscriptions`,
      { participant: secondFor.code }, { what: `permission for a second inscription of ${secondFor.name}`, where: "inscribe" });
    $("second-form").hidden = true;
    if (!permitted) return;
    say(`${secondFor.name} may inscribe a second time; press Inscribe again.`, "ok", "inscribe");
  } catch (error) {
    await refused(error, `permission for a second inscription of ${secondFor.name}`, "inscribe");
  }
});

/** Where a right of reply goes: the end of the day's last meeting on this item (annex V). */
export function describeReplyPlace() {
  const l = state.list;
  $("reply-where").textContent = l
    ? `Heard at the end of the last meeting on this item on ${dayLabel(l.scheduledStart, state.zone)}, which may be a later meeting than this one. First reply up to 10 minutes, second up to 5.`
    : "Heard at the end of the day's last meeting on this item.";
}

onParticipantForm("reply", async (participant, data, form) => {
  try {
    const scheduled = await consoleCommand("POST", `/api/meetings/${state.meetingId}/rights-of-reply`,
      { participant: participant.code, speakerName: data.speakerName, speakerTitle: data.speakerTitle }, { what: `right of reply of ${participant.name}`, where: "reply" });
    if (!scheduled) { form.reset(); return; }
    const elsewhere = scheduled.meetingId && scheduled.meetingId !== state.meetingId;
    say(`${participant.name}: ${scheduled.replyNumber === 1 ? "first" : "second"} right of reply, up to ${scheduled.allottedSeconds % 60 ? `${minutesSeconds(scheduled.allottedSeconds)} min` : `${scheduled.allottedSeconds / 60} minutes`}, ` +
      `at the end of ${scheduled.meetingTitle}${elsewhere ? " (another meeting: open it to see the reply)" : ""}.`, "ok", "reply");
    form.reset();
  } catch (error) {
    await refused(error, `right of reply of ${participant.name}`, "reply");
  }
});
