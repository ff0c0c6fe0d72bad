// The programme (GET /api/programme) and every meeting scheduled outside it (GET /api/meetings), flattened into what a
// picker or a grid needs. A meeting made with POST /api/meetings outside the imported programme is listed beside it
// (outside), so the console's chooser, /programme and the portal show every meeting (issue 21).
import { get } from "./api.js";

/** The programme: {title?, days?: [{meetings}], meetings?, outside?: [meetings not in it]}. */
export async function loadProgramme() {
  let programme;
  try {
    programme = await get("/api/programme");
  } catch (error) {
    if (error.status !== 404 && error.status !== 405) throw error;
    return { meetings: await get("/api/meetings") };
  }
  return { ...programme, outside: await outsideOf(programme) };
}

/** The meetings that are not in the programme (made outside it). */
export async function outsideOf(programme) {
  const known = new Set(flattenProgramme({ ...programme, outside: [] }).map((m) => m.id));
  try {
    return (await get("/api/meetings")).filter((m) => !known.has(m.id));
  } catch {
    return [];
  }
}

/** Every meeting of the programme and outside it, by start time. */
export async function loadMeetings() {
  return flattenProgramme(await loadProgramme());
}

export function flattenProgramme(programme) {
  const days = programme?.days ?? [];
  const meetings = days.length ? days.flatMap((d) => d.meetings ?? []) : (programme?.meetings ?? []);
  return [...meetings, ...(programme?.outside ?? [])].sort((a, b) => new Date(a.start) - new Date(b.start));
}
