// The members' web chat: send a line or a button press, then wait for the bot's answers (long poll).
// Text is always shown as text (textContent), never as markup.
(function () {
  "use strict";
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");
  const token = document.getElementById("csrf").value;
  let after = 0;
  const shown = new Map();

  function render(m) {
    let item = shown.get(m.id);
    if (!item) {
      item = document.createElement("div");
      item.className = "msg " + (m.fromBot ? "bot" : "me");
      item.dataset.id = m.id;
      log.appendChild(item);
      shown.set(m.id, item);
    }
    item.replaceChildren();
    const text = document.createElement("p");
    text.textContent = m.text;
    item.appendChild(text);
    if (m.buttons && m.buttons.length) {
      const bar = document.createElement("div");
      bar.className = "buttons";
      for (const b of m.buttons) {
        if (b.url) {
          const a = document.createElement("a");
          a.href = b.url; a.textContent = b.label; a.rel = "noopener"; a.target = "_blank";
          bar.appendChild(a);
        } else {
          const btn = document.createElement("button");
          btn.type = "button"; btn.textContent = b.label;
          btn.addEventListener("click", () => {
            // A pressed keyboard is spent (as in Telegram); the bot answers an old one as expired anyway.
            for (const other of bar.querySelectorAll("button")) other.disabled = true;
            send({ button: b.data });
          });
          bar.appendChild(btn);
        }
      }
      item.appendChild(bar);
    }
    if (m.file) {
      const a = document.createElement("a");
      a.href = m.file.url; a.textContent = log.dataset.download + " " + m.file.name; a.className = "file";
      item.appendChild(a);
    }
    log.scrollTop = log.scrollHeight;
  }

  function take(list) {
    for (const m of list) { render(m); after = Math.max(after, m.seq); }
  }

  async function send(body) {
    try {
      const r = await fetch("/chat/send", {
        method: "POST",
        headers: { "Content-Type": "application/json", "RequestVerificationToken": token },
        body: JSON.stringify(body),
      });
      if (!r.ok) throw new Error(String(r.status));
    } catch (e) {
      const p = document.createElement("p");
      p.className = "msg error";
      p.textContent = e.message === "429" ? log.dataset.slow : log.dataset.error;
      p.setAttribute("role", "alert");
      log.appendChild(p);
    }
  }

  async function poll() {
    for (;;) {
      try {
        const r = await fetch("/chat/messages?wait=true&after=" + after, { cache: "no-store" });
        if (r.ok) take((await r.json()).messages);
        else await new Promise(res => setTimeout(res, 2000));
      } catch (e) {
        await new Promise(res => setTimeout(res, 2000));
      }
    }
  }

  form.addEventListener("submit", ev => {
    ev.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({ text });
  });

  (async function start() {
    const r = await fetch("/chat/messages?after=0", { cache: "no-store" });
    const list = r.ok ? (await r.json()).messages : [];
    take(list);
    // A first visit opens with the greeting and the menu, as /start does in Telegram.
    if (list.length === 0) await send({ text: "/start" });
    poll();
  })();
})();
