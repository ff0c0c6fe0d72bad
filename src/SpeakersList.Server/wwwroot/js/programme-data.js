// The programme (GET /api/programme), or, before there is one, every scheduled meeting
// (GET /api/meetings), flattened into what a picker or a grid needs.
import { get } from "./api.js";

/** The programme: {title?, days?: [{meetings}], meetings?}. */
export async function loadProgramme() {
  try {
    return await get("/api/programme");
  } catch (error) {
    if (error.status !== 404 && error.status !== 405) throw error;
    return { meetings: await get("/api/meetings") };
  }
}

/** Every meeting of the programme, by start time. */
export async function loadMeetings() {
  return flattenProgramme(await loadProgramme());
}

export function flattenProgramme(programme) {
  const days = programme?.days ?? [];
  const meetings = days.length ? days.flatMap((d) => d.meetings ?? []) : (programme?.meetings ?? []);
  return [...meetings].sort((a, b) => new Date(a.start) - new Date(b.start));
}
