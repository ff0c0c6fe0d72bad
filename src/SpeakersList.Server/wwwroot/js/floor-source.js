// A meeting's floor, live: from the hub's SubscribeToFloor and its floorChanged pushes. Where the
// server has no floor subscription, the floor is read over HTTP whenever the meeting's list changes
// (the floor lives on the same stream, so every floor change also changes the list).
import { get } from "./api.js";

export function followFloor(live, meetingId, render) {
  let viaHttp = false;
  const fetchFloor = async () => {
    try { subscription.show(await get(`/api/meetings/${meetingId}/floor`)); } catch { /* shown on the next change */ }
  };
  const subscription = live.subscribe({
    method: "SubscribeToFloor", args: [meetingId], event: "floorChanged", matches: (v) => v.meetingId === meetingId, render,
    onError: () => { viaHttp = true; fetchFloor(); },
  });
  return {
    subscription,
    /** Call on every list change. */
    listChanged() { if (viaHttp) fetchFloor(); },
    show: (view) => subscription.show(view),
    stop: () => subscription.stop("UnsubscribeFromFloor"),
  };
}
