// The officer console: one meeting's list and floor, live; every change is a command with the
// version it was decided on, so another officer's change is never silently overwritten.
// Its parts are in console/: the floor bar, the list, swaps, inscriptions, limits, history.
import { get, requireRole, signOut } from "./api.js";
import { followFloor } from "./floor-source.js";
import { connectLive } from "./live.js";
import { loadMeetings } from "./programme-data.js";
import { clockTime, dayLabel, h } from "./format.js";
import { $, state, say, onRefresh } from "./console/state.js";
import { showMessages } from "./console/messages.js";
import { showConnection } from "./page.js";
import { renderFloor, clock } from "./console/floor.js";
import { renderList } from "./console/list.js";
import { renderSwaps } from "./console/swaps.js";
import { describeReplyPlace } from "./console/inscription.js";
import { fillLimits } from "./console/limits.js";
import { loadHistory } from "./console/history.js";
import { loadAccuracy } from "./console/accuracy.js";
import { followOpenings } from "./opening-countdown.js";
import { followConflicts } from "./conflicts.js";
import { followBoothMessages } from "./console/booth-messages.js";
import { onAnswered, readCurrentVersion } from "./console/outbox.js";
import { useZone } from "./console/outbox-panel.js";
import { reportScreen } from "./screen-report.js";
import { followRoomScreens } from "./console/screens.js";
import { newestVersion, listVersion, answered } from "./console/state.js";

const live = connectLive(showConnection);
const screen = reportScreen(live, () => (state.meetingId ? { kind: "console", room: state.list?.room, meetingId: state.meetingId, showingVersion: newestVersion() } : null));
followRoomScreens(() => state.list?.room);

onRefresh(async () => {
  const id = state.meetingId;
  if (!id) return;
  const [list, floor] = await Promise.allSettled([get(`/api/meetings/${id}/speakers-list`), get(`/api/meetings/${id}/floor`)]);
  if (list.status === "fulfilled") { state.subscriptions[0]?.forget(); state.subscriptions[0]?.show(list.value); }
  if (floor.status === "fulfilled") { state.floorSource?.subscription.forget(); state.floorSource?.show(floor.value); }
});

// The outbox's answers, sent at once or replayed after an outage, update the meeting on screen.
onAnswered((answer, entry) => {
  if (entry.meetingId !== state.meetingId) return;
  answered(answer);
  if (entry.where === "floor" && answer?.meetingId) state.floorSource?.show(answer);
});
readCurrentVersion((entry) => (entry.meetingId !== state.meetingId ? undefined : entry.where === "floor" ? newestVersion() : listVersion()));

function showList(view) {
  useZone(view.timeZone);
  renderList(view);
  fillLimits(view);
  renderSwaps(view);
  describeReplyPlace();
  loadHistory();
  loadAccuracy();
  state.floorSource?.listChanged();
  screen.changed();
}

function showFloor(view) {
  renderFloor(view);
  // The row of the speaker on the floor shows the time the floor allots (with any +1 min).
  if (state.list) renderList(state.list);
}

function openMeeting(id) {
  if (!id || id === state.meetingId) return;
  // Leave the old meeting's groups, or its pushes keep coming to this page for nothing.
  for (const s of state.subscriptions) s.stop("UnsubscribeFromMeeting");
  state.floorSource?.stop();
  state.meetingId = id;
  state.list = null;
  state.floor = null;
  state.selected = null;
  state.answered = 0;
  const url = new URL(location.href);
  url.searchParams.set("meeting", id);
  history.replaceState(null, "", url);
  $("display-link").href = `/display/meeting/${id}`;
  $("console").hidden = false;
  if (![...$("meeting-picker").options].some((o) => o.value === id)) $("meeting-picker").append(h("option", { value: id }, id));
  $("meeting-picker").value = id;
  showMessages();
  state.subscriptions = [
    live.subscribe({ method: "SubscribeToMeeting", args: [id], event: "speakersListChanged", matches: (v) => v.meetingId === id, render: showList,
      onError: (error) => say(`This meeting cannot be opened: ${error.message}`, "error") }),
    followBoothMessages(live, id),
  ];
  state.floorSource = followFloor(live, id, showFloor);
}

$("meeting-picker").addEventListener("change", (ev) => openMeeting(ev.target.value));
$("meeting-id-form").addEventListener("submit", (ev) => { ev.preventDefault(); openMeeting($("meeting-id").value.trim()); });

followOpenings($("list"), () => (state.list ? [state.list] : []), { now: () => clock.now() });
followConflicts($("list"), () => state.list);

async function init() {
  const user = await requireRole("officer");
  $("who").textContent = (user.name ?? "").replace(/^officer:/, "");
  $("sign-out").hidden = false;
  $("sign-out").addEventListener("click", signOut);
  const [participants, meetings] = await Promise.allSettled([get("/api/participants"), loadMeetings()]);
  if (participants.status === "fulfilled") {
    state.participants = participants.value.map((p) => ({ code: p.code, name: p.name }));
    $("participants").replaceChildren(...state.participants.map((p) => h("option", { value: p.code, label: p.name })));
  }
  if (meetings.status === "fulfilled" && meetings.value.length) {
    $("meeting-picker").append(...meetings.value.map((m) => h("option", { value: m.id },
      `${dayLabel(m.start, m.timeZone)} ${clockTime(m.start, m.timeZone)} · ${m.room} · ${m.title}`)));
  } else {
    $("meeting-id-form").hidden = false;
  }
  await live.start();
  const requested = new URLSearchParams(location.search).get("meeting");
  if (requested) openMeeting(requested);
}
init();
