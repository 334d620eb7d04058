// A broadcast's live progress: the server pushes counts (server-sent events) until it stops sending.
(function () {
  "use strict";
  const box = document.getElementById("progress");
  if (!box || !window.EventSource) return;
  const state = document.getElementById("state");
  const bar = document.getElementById("bar");
  const events = new EventSource(box.dataset.events);
  events.onmessage = ev => {
    const p = JSON.parse(ev.data);
    for (const k of ["sent", "pending", "unreachable", "cancelled"]) document.getElementById("n-" + k).textContent = p[k];
    bar.max = Math.max(p.total, 1);
    bar.value = p.total - p.pending;
    state.textContent = state.dataset[p.state] || p.state;
    box.dataset.state = p.state;
    if (p.state !== "sending") {
      events.close();
      const stop = document.getElementById("stop");
      if (stop) stop.remove();
    }
  };
})();
