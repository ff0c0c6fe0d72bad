// The inscription and right-of-reply forms: the meetings each can be made on, and what was done, naming the meeting.
// The meeting and the level chosen stay chosen: a second inscription must not land elsewhere unnoticed.
import { send } from "../api.js";
import { t, refusalText } from "../i18n.js";
import { dayLabel, venueTime, h, levels, levelName } from "../format.js";
import { $, say } from "../page.js";
import { state, zoneOf, meetingLabel, meetingTitle } from "./state.js";
import { notSentOffline } from "../offline-refusal.js";

/** Fills a chooser with the meetings, keeping the one chosen while it is still there. */
function choose(select, meetings) {
  const chosen = select.value;
  select.replaceChildren(...meetings.map((m) => h("option", { value: m.id, selected: m.id === chosen }, meetingLabel(m))));
}

export function renderForms(slots) {
  const inscribedOn = new Set(slots.filter((s) => s.state === "waiting" && s.kind !== "rightOfReply").map((s) => s.meetingId));
  const open = state.meetings.filter((m) => {
    const list = state.lists.get(m.id);
    return list && !list.closed && !inscribedOn.has(m.id) && (m.status ?? "scheduled") !== "adjourned";
  });
  choose($("inscribe-meeting"), open);
  $("inscribe-panel").hidden = !state.code || !open.length;
  const replyOn = state.meetings.filter((m) => (m.status ?? "scheduled") !== "adjourned" && state.lists.has(m.id));
  choose($("reply-meeting"), replyOn);
  $("reply-panel").hidden = !state.code || !replyOn.length;
}

/** Resets a form's fields but not the ones named, which keep their value. */
function resetKeeping(form, ...keep) {
  const kept = keep.map((id) => [id, $(id).value]);
  form.reset();
  for (const [id, value] of kept) $(id).value = value;
}

export function setUpForms() {
  $("inscribe-level").replaceChildren(...levels.map(([value]) => h("option", { value, selected: value === "minister" }, levelName(value))));
  $("inscribe-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const form = ev.currentTarget;
    const data = Object.fromEntries(new FormData(form));
    const meeting = meetingTitle(data.meeting);
    try {
      const accepted = await send("POST", `/api/meetings/${data.meeting}/inscriptions`, {
        participant: state.code, level: data.level, speakerTitle: data.speakerTitle, speakerName: data.speakerName,
        onBehalfOf: data.onBehalfOf?.trim() || null,
      });
      const zone = zoneOf(data.meeting);
      say(accepted.estimatedStart
        ? t("portal.inscribedExpected", { meeting, n: accepted.position, day: dayLabel(accepted.estimatedStart, zone), time: venueTime(accepted.estimatedStart, zone) })
        : t("portal.inscribed", { meeting, n: accepted.position }), "ok", "inscribe");
      resetKeeping(form, "inscribe-level", "inscribe-meeting");
    } catch (error) {
      say(notSentOffline(error, "inscription") ?? t("portal.inscribeRefused", { error: refusalText(error) }), "error", "inscribe");
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
      say(t(scheduled.replyNumber === 1 ? "portal.replyFirst" : "portal.replySecond",
        { n: scheduled.allottedSeconds / 60, meeting: scheduled.meetingTitle }), "ok", "reply");
      resetKeeping(form, "reply-meeting");
    } catch (error) {
      say(notSentOffline(error, "reply") ?? t("portal.replyRefused", { error: refusalText(error) }), "error", "reply");
    }
  });
}
