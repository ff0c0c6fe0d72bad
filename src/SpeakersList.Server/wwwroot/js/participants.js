// Participants found by what an officer or a delegation types: a code (GHA), a whole name (Holy See),
// or part of any of the words of a name (Bolivia, United Kingdom), without regard to case or accents.

const fold = (text) => String(text ?? "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();

/** Every participant whose code or name matches the text, the best matches first. */
export function findParticipants(participants, text) {
  const q = fold(text);
  if (!q) return [];
  const scored = [];
  for (const p of participants) {
    const code = fold(p.code), name = fold(p.name);
    const score = code === q ? 0 : name === q ? 1 : name.startsWith(q) ? 2
      : name.split(/[\s(),-]+/).some((w) => w.startsWith(q)) ? 3 : name.includes(q) || code.startsWith(q) ? 4 : -1;
    if (score >= 0) scored.push([score, p]);
  }
  return scored.sort((a, b) => a[0] - b[0] || a[1].name.localeCompare(b[1].name)).map(([, p]) => p);
}

/**
 * The one participant meant by the text ("GHA", "GHA — Ghana", "Holy See", "bolivia"), or why not:
 * {participant} or {problem: "a sentence"}.
 */
export function resolveParticipant(participants, text) {
  const raw = String(text ?? "").trim();
  if (!raw) return { problem: "Type a delegation's code or name." };
  const code = raw.split(/\s+[—-]\s+/)[0].trim();
  const byCode = participants.find((p) => p.code.toUpperCase() === code.toUpperCase());
  if (byCode) return { participant: byCode };
  const found = findParticipants(participants, raw);
  if (found.length === 1 || (found.length && fold(found[0].name) === fold(raw))) return { participant: found[0] };
  if (!found.length) return { problem: `No delegation has the code or name "${raw}".` };
  return { problem: `"${raw}" matches ${found.length} delegations (${found.slice(0, 4).map((p) => `${p.name} ${p.code}`).join(", ")}${found.length > 4 ? ", …" : ""}): type more, or the code.` };
}
