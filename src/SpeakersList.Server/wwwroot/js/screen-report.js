// Tells the hub what this page is (display, console, portal, public-list), for which room, meeting or delegation, and
// the version it shows: the officers' roster of screens (GET /api/screens). At once when that changes, after every fresh
// set of snapshots, and every 3 seconds (a page that stops reporting is shown lost after 7 s: LiveHub.ReportScreen).

/** describe() answers { kind, room, meetingId, participant, showingVersion }, or null while the page knows nothing yet. */
export function reportScreen(live, describe) {
  let last = "";
  async function report(always) {
    const connection = live.connection;
    if (connection.state !== signalR.HubConnectionState.Connected) return;
    const d = describe();
    if (!d) return;
    const args = [d.kind, d.room ?? null, d.meetingId ?? null, d.participant ?? null, typeof d.showingVersion === "number" ? d.showingVersion : null];
    const key = JSON.stringify(args);
    if (!always && key === last) return;
    last = key;
    try { await connection.invoke("ReportScreen", ...args); } catch { last = ""; }
  }
  setInterval(() => report(true), 3000);
  live.onResubscribed(() => report(true));
  return { changed: () => report(false) };
}
