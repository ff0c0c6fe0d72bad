// The forecast's own accuracy for the meeting on screen (GET /api/meetings/{id}/forecast-accuracy, rebuilt by replay):
// the mean error of the learned forecast 30 and 60 minutes ahead beside the limits added up, and how often the
// speaker started by the latest likely time. Read again after each change of the list, at most every few seconds.
import { get } from "../api.js";
import { $, state } from "./state.js";

let timer = null;
const minutes = (seconds) => `${(seconds / 60).toFixed(1)} min`;

export function loadAccuracy() {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    const meetingId = state.meetingId;
    if (!meetingId) return;
    try {
      const accuracy = await get(`/api/meetings/${meetingId}/forecast-accuracy`);
      if (meetingId !== state.meetingId) return;
      const totals = accuracy.totals;
      const el = $("forecast-accuracy");
      el.hidden = false;
      el.dataset.forecasts = String(totals.forecasts);
      el.textContent = totals.forecasts === 0
        ? "Forecast accuracy: no speaker heard yet who was forecast 30 or 60 minutes ahead."
        : `Forecast accuracy (${totals.forecasts} forecasts, 30 and 60 min ahead): off by ${minutes(totals.learnedMaeSeconds)} on average `
          + `(limits added up: ${minutes(totals.naiveMaeSeconds)}); ${Math.round(totals.shareBeforeLatestLikely * 100)} % started by the latest likely time.`;
    } catch {
      $("forecast-accuracy").hidden = true;
    }
  }, 1500);
}
