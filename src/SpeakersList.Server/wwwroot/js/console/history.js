// The meeting's history, as the server words it (names, not ids), newest first; read again after each change.
import { get } from "../api.js";
import { clockTime, h } from "../format.js";
import { $, state } from "./state.js";

let timer = null;

export function loadHistory() {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    if (!state.meetingId) return;
    try {
      const history = await get(`/api/meetings/${state.meetingId}/history`);
      $("history-panel").hidden = false;
      $("history").replaceChildren(...[...history].reverse().slice(0, 100).map((x) => h("li", { dataset: { version: x.version } },
        h("time", { dateTime: x.timestamp }, clockTime(x.timestamp, state.zone)),
        h("span", { className: "by" }, (x.user ?? "").replace(/^officer:|^delegation:/, "")),
        h("span", {}, x.description))));
    } catch {
      $("history-panel").hidden = true;
    }
  }, 300);
}
