// Dragging a row of the list. While a row is dragged a redraw is held until the drop: redrawing the rows under the
// pointer (a push, the floor's view) would replace the dragged row, cancel the drag and lose the move without a word.
let dragging = false;
let held = null;

/** Draws now, or once the row being dragged is dropped (only the latest redraw is kept). */
export function drawUnlessDragging(draw) {
  if (dragging) held = draw;
  else draw();
}

/** The handlers of entry e's row; dropped(draggedId, e, below) when a row is dropped on a waiting one. */
export function dragHandlers(e, dropped) {
  return {
    ondragstart: (ev) => {
      ev.dataTransfer.setData("text/plain", e.inscriptionId);
      ev.dataTransfer.effectAllowed = "move";
      ev.currentTarget.classList.add("dragging");
      dragging = true;
    },
    ondragend: (ev) => {
      ev.currentTarget.classList.remove("dragging");
      dragging = false;
      const draw = held;
      held = null;
      draw?.();
    },
    ondragover: (ev) => {
      if (e.state !== "waiting") return;
      ev.preventDefault();
      ev.dataTransfer.dropEffect = "move";
      const row = ev.currentTarget;
      const below = ev.offsetY > row.clientHeight / 2;
      row.classList.toggle("drop-below", below);
      row.classList.toggle("drop-above", !below);
    },
    ondragleave: (ev) => ev.currentTarget.classList.remove("drop-above", "drop-below"),
    ondrop: (ev) => {
      ev.preventDefault();
      const row = ev.currentTarget;
      const below = row.classList.contains("drop-below");
      row.classList.remove("drop-above", "drop-below");
      dropped(ev.dataTransfer.getData("text/plain"), e, below);
    },
  };
}
