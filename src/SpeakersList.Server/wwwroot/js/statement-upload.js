// The delegation portal's publishing panel: attach the text of a statement to one of the delegation's
// own slots (PDF, DOCX or plain text, at most 10 MB), and make a secret calendar address for its slots.
// A module of its own, so that the portal's main script need not know of it.

const $ = (id) => document.getElementById(id);
const panel = $("statement-panel");
const form = $("statement-form");
const slotSelect = $("statement-slot");
const message = $("statement-message");

function say(text, kind = "info") {
  message.textContent = text;
  message.dataset.kind = kind;
}

async function json(url, options = {}) {
  const response = await fetch(url, { credentials: "same-origin", ...options, headers: { Accept: "application/json", ...(options.headers ?? {}) } });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error(body?.detail || body?.title || `The server answered ${response.status}.`);
  return body;
}

// Writes made with the session cookie carry the antiforgery token.
async function writeHeaders() {
  const token = await json("/api/auth/antiforgery");
  return token?.token ? { [token.headerName || "X-CSRF-TOKEN"]: token.token } : {};
}

async function delegationCode() {
  const me = await json("/api/auth/me");
  return me?.delegation ?? new URLSearchParams(location.search).get("code");
}

// The delegation's own slots on every list, with the version of the statement each has.
async function loadSlots(code) {
  const slots = await json(`/api/delegations/${encodeURIComponent(code)}/statements`);
  const options = slots.map((slot) => {
    const option = document.createElement("option");
    option.value = `${slot.meetingId}/${slot.inscriptionId}`;
    option.textContent = `${slot.meetingTitle} — speaker ${slot.position} (${slot.speakerName})${slot.statementVersion ? `, statement v${slot.statementVersion}` : ""}`;
    return option;
  });
  const chosen = slotSelect.value;
  slotSelect.replaceChildren(...options);
  if (options.some((o) => o.value === chosen)) slotSelect.value = chosen;
  $("statement-submit").disabled = options.length === 0;
  if (options.length === 0) say("Inscribe a speaker first: a statement is attached to a slot.");
}

async function start() {
  const code = await delegationCode().catch(() => null);
  if (!code) return;
  panel.hidden = false;
  await loadSlots(code).catch((error) => say(error.message, "error"));
  slotSelect.addEventListener("focus", () => loadSlots(code).catch(() => {}));

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = $("statement-file").files[0];
    if (!file) { say("Choose the file of the statement.", "error"); return; }
    if (!slotSelect.value) { say("Choose the slot the statement is for.", "error"); return; }
    const [meetingId, inscriptionId] = slotSelect.value.split("/");
    const body = new FormData();
    body.append("file", file, file.name);
    try {
      const commandId = crypto.randomUUID();
      const result = await json(`/api/meetings/${meetingId}/inscriptions/${inscriptionId}/statement?commandId=${commandId}`,
        { method: "POST", body, headers: await writeHeaders() });
      const latest = result.versions[result.versions.length - 1];
      say(`Statement attached (version ${latest.version}, ${latest.fileName ?? "file"}). Officers see it now; the public once the speech starts.`);
      form.reset();
      await loadSlots(code);
    } catch (error) {
      say(error.message, "error");
    }
  });

  $("calendar-button").addEventListener("click", async () => {
    try {
      const link = await json(`/api/delegations/${encodeURIComponent(code)}/calendar-links`, { method: "POST", headers: await writeHeaders() });
      $("calendar-url").textContent = link.url;
      $("calendar-url").hidden = false;
      say("Add this address to your calendar application (subscribe by URL). Keep it private; an officer can revoke it.");
    } catch (error) {
      say(error.message, "error");
    }
  });
}

start();
