// The publishing panel: attach the text of a statement to one of the delegation's own slots (PDF, DOCX or
// plain text, at most 10 MB), and make a secret calendar address for its slots, with a button to copy it.
// The calendar's message is its own: it does not replace the statement's confirmation.
import { t, refusalText } from "../i18n.js";
import { $, say } from "../page.js";

async function json(url, options = {}) {
  const response = await fetch(url, { credentials: "same-origin", ...options, headers: { Accept: "application/json", ...(options.headers ?? {}) } });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error(body?.detail || body?.title || `${response.status}`);
  return body;
}

// Writes made with the session cookie carry the antiforgery token.
async function writeHeaders() {
  const token = await json("/api/auth/antiforgery");
  return token?.token ? { [token.headerName || "X-CSRF-TOKEN"]: token.token } : {};
}

// The delegation's own slots on every list, with the version of the statement each has.
async function loadSlots(code) {
  const select = $("statement-slot");
  const slots = await json(`/api/delegations/${encodeURIComponent(code)}/statements`);
  const options = slots.map((slot) => {
    const option = document.createElement("option");
    option.value = `${slot.meetingId}/${slot.inscriptionId}`;
    option.textContent = t("statement.slot", { meeting: slot.meetingTitle, n: slot.position, name: slot.speakerName }) +
      (slot.statementVersion ? t("statement.version", { n: slot.statementVersion }) : "");
    return option;
  });
  const chosen = select.value;
  select.replaceChildren(...options);
  if (options.some((o) => o.value === chosen)) select.value = chosen;
  $("statement-submit").disabled = options.length === 0;
  if (options.length === 0) say(t("statement.inscribeFirst"), "info", "statement");
}

/** Shows the panel for the delegation <code> (the portal knows who it shows). */
export async function followStatements(code) {
  const form = $("statement-form");
  const select = $("statement-slot");
  $("statement-panel").hidden = false;
  await loadSlots(code).catch((error) => say(error.message, "error", "statement"));
  select.addEventListener("focus", () => loadSlots(code).catch(() => {}));

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = $("statement-file").files[0];
    if (!file) { say(t("statement.chooseFile"), "error", "statement"); return; }
    if (!select.value) { say(t("statement.chooseSlot"), "error", "statement"); return; }
    const [meetingId, inscriptionId] = select.value.split("/");
    const body = new FormData();
    body.append("file", file, file.name);
    try {
      const commandId = crypto.randomUUID();
      const result = await json(`/api/meetings/${meetingId}/inscriptions/${inscriptionId}/statement?commandId=${commandId}`,
        { method: "POST", body, headers: await writeHeaders() });
      const latest = result.versions[result.versions.length - 1];
      say(t("statement.attached", { version: latest.version, file: latest.fileName ?? "" }), "ok", "statement");
      form.reset();
      await loadSlots(code);
    } catch (error) {
      say(refusalText(error), "error", "statement");
    }
  });

  $("calendar-button").addEventListener("click", async () => {
    try {
      const link = await json(`/api/delegations/${encodeURIComponent(code)}/calendar-links`, { method: "POST", headers: await writeHeaders() });
      $("calendar-url").value = link.url;
      $("calendar-address").hidden = false;
      say(t("calendar.hint"), "info", "calendar");
    } catch (error) {
      say(refusalText(error), "error", "calendar");
    }
  });
  $("calendar-copy").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText($("calendar-url").value);
    } catch {
      $("calendar-url").select(); // no clipboard (an insecure origin): selected, for the reader to copy
      document.execCommand?.("copy");
    }
    $("calendar-copy").textContent = t("calendar.copied");
  });
}
