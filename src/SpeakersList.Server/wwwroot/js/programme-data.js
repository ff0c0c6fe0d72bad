// The programme (GET /api/programme) flattened into the meetings a picker or a grid needs.
import { get } from "./api.js";

/** Every meeting of the programme, by start time; an empty list when there is no programme yet. */
export async function loadMeetings() {
  const programme = await get("/api/programme");
  return flattenProgramme(programme);
}

export function flattenProgramme(programme) {
  const days = programme?.days ?? [];
  const meetings = days.length ? days.flatMap((d) => d.meetings ?? []) : (programme?.meetings ?? []);
  return [...meetings].sort((a, b) => new Date(a.start) - new Date(b.start));
}
