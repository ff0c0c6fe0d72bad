// Time limits (rule 72) and the cap on the number of speakers.
import { $, state } from "./state.js";
import { listCommand } from "./list.js";

export function fillLimits(view) {
  if (!state.limitsDirty) {
    for (const input of $("limits-form").querySelectorAll("input")) {
      const seconds = view.limits?.[input.name];
      input.value = seconds == null ? "" : input.dataset.unit === "s" ? seconds : seconds / 60;
    }
  }
  if (document.activeElement !== $("cap")) $("cap").value = view.cap ?? "";
}

$("limits-form").addEventListener("input", () => { state.limitsDirty = true; });
$("limits-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const limits = {};
  for (const input of ev.currentTarget.querySelectorAll("input")) {
    limits[input.name] = Math.round(Number(input.value) * (input.dataset.unit === "s" ? 1 : 60));
  }
  if (await listCommand("PUT", "time-limits", { limits }, "change of the time limits", "Time limits set; the forecast is updated.", "limits")) state.limitsDirty = false;
});
$("cap-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const value = $("cap").value.trim();
  await listCommand("PUT", "cap", { cap: value ? Number(value) : null }, "change of the number of speakers",
    value ? `At most ${value} speakers.` : "No limit on the number of speakers.", "limits");
});
