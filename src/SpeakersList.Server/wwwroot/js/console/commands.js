// The console's commands other than the floor's, through the outbox (outbox.js): sent at once when the server answers,
// kept and sent in order when it does not. Answers the server's answer, or null when the command waits (said where the
// officer acted); a refusal is thrown as from api.js's send.
import { submit } from "./outbox.js";
import { state, say } from "./state.js";

export async function consoleCommand(method, url, body, { what, where = "" }) {
  const { expectedVersion, ...rest } = body;
  const sent = await submit({ meetingId: state.meetingId, method, url, body: rest, version: expectedVersion, what, where });
  if (sent.queued) { say(`Waiting to send: ${what}.`, "pending", where); return null; }
  return sent.answer ?? {};
}
