// Hall display: subscribes to one meeting on /hubs/live and renders each newer snapshot.
const meetingId = location.pathname.split("/").pop();
const list = document.getElementById("next-speakers");
const status = document.getElementById("connection");
let version = 0;

const timeFormat = (zone) => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: zone });
let venueZone = "America/New_York";

function render(view) {
  if (view.version < version) return; // an older push arriving late changes nothing
  version = view.version;
  venueZone = view.timeZone || venueZone;
  document.getElementById("meeting-title").textContent = view.meetingTitle;
  document.getElementById("meeting-room").textContent = view.room;
  const waiting = view.entries.filter((e) => e.state === "waiting").slice(0, 5);
  list.replaceChildren(...waiting.map((e) => {
    const li = document.createElement("li");
    li.dataset.participant = e.participant;
    const position = Object.assign(document.createElement("span"), { className: "position", textContent: e.position });
    const who = Object.assign(document.createElement("span"), { className: "who", textContent: e.participantName });
    const speaker = Object.assign(document.createElement("span"), { className: "speaker",
      textContent: [e.speakerTitle, e.speakerName].filter(Boolean).join(" ") + (e.onBehalfOf ? ` · on behalf of ${e.onBehalfOf}` : "") });
    who.append(speaker);
    const eta = Object.assign(document.createElement("span"), { className: "eta",
      textContent: e.estimatedStart ? timeFormat(venueZone).format(new Date(e.estimatedStart)) : "" });
    li.append(position, who, eta);
    return li;
  }));
  list.dataset.version = String(version);
  const notice = document.getElementById("not-reached");
  notice.hidden = !view.notReachedNotice;
  notice.textContent = view.notReachedNotice ?? "";
}

const connection = new signalR.HubConnectionBuilder()
  .withUrl("/hubs/live")
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(10000, 500 * 2 ** ctx.previousRetryCount) })
  .build();

connection.on("speakersListChanged", (view) => { if (view.meetingId === meetingId) render(view); });

async function subscribe() {
  render(await connection.invoke("SubscribeToMeeting", meetingId));
  status.textContent = "live";
}

connection.onreconnecting(() => { status.textContent = "reconnecting"; });
connection.onreconnected(() => subscribe()); // a reconnected screen fetches the snapshot again

async function start() {
  try {
    await connection.start();
    await subscribe();
  } catch (error) {
    status.textContent = "offline, retrying";
    setTimeout(start, 2000);
  }
}

setInterval(() => { document.getElementById("local-time").textContent = timeFormat(venueZone).format(new Date()); }, 1000);
start();
