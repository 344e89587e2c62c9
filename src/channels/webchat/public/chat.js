// The web chat page: a thin client of POST /api/chat and GET /api/chat/history.
// What the farmer types is kept in localStorage until the server has it, so a weak network loses nothing.
(function () {
  "use strict";
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const status = document.getElementById("status");
  const store = window.localStorage;

  const randomId = () =>
    Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, "0")).join("");
  const session = store.getItem("htx-session") || randomId();
  store.setItem("htx-session", session);

  let lastSeq = 0;
  let busy = Promise.resolve();
  const rendered = new Map();

  function render(message) {
    lastSeq = Math.max(lastSeq, message.seq || 0);
    const key = message.fromBot === false ? null : message.messageId;
    let node = key !== null ? rendered.get(key) : null;
    if (!node) {
      node = document.createElement("div");
      log.appendChild(node);
      if (key !== null) rendered.set(key, node);
    }
    node.className = "msg " + (message.fromBot === false ? "me" : "bot");
    node.textContent = message.text;
    if (message.buttons && message.buttons.length) {
      const box = document.createElement("div");
      box.className = "buttons";
      for (const row of message.buttons) {
        const line = document.createElement("div");
        line.className = "row";
        for (const b of row) {
          const button = document.createElement("button");
          button.type = "button";
          button.textContent = b.text;
          button.addEventListener("click", () => send({ button: b.data, messageId: message.messageId }));
          line.appendChild(button);
        }
        box.appendChild(line);
      }
      node.appendChild(box);
    }
    log.scrollTop = log.scrollHeight;
  }

  function showStatus(text) {
    status.textContent = text;
    status.hidden = !text;
  }

  async function post(body) {
    const response = await fetch("/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const data = await response.json();
    if (!response.ok) throw Object.assign(new Error(data.error || "Lỗi"), { final: response.status < 500 });
    return data.messages;
  }

  // Inputs are queued in order; each keeps its clientId across retries so the server runs it once.
  function send(input) {
    const body = Object.assign({ session: session, clientId: randomId() }, input);
    const pending = JSON.parse(store.getItem("htx-outbox") || "[]");
    pending.push(body);
    store.setItem("htx-outbox", JSON.stringify(pending));
    if (body.text) render({ fromBot: false, text: body.text });
    busy = busy.then(flush);
    return busy;
  }

  async function flush() {
    for (;;) {
      const pending = JSON.parse(store.getItem("htx-outbox") || "[]");
      if (!pending.length) return;
      try {
        const messages = await post(pending[0]);
        messages.forEach(render);
        // A resent button press is not run again and returns nothing: catch up from the history.
        if (!messages.length) await poll();
        showStatus("");
      } catch (error) {
        if (!error.final) {
          showStatus("Mạng yếu, đang gửi lại...");
          await new Promise((r) => setTimeout(r, 3000));
          continue;
        }
        showStatus(error.message);
      }
      pending.shift();
      store.setItem("htx-outbox", JSON.stringify(pending));
    }
  }

  async function poll() {
    try {
      const response = await fetch("/api/chat/history?session=" + session + "&after=" + lastSeq);
      if (response.ok) (await response.json()).messages.forEach(render);
    } catch {
      // Offline for a moment: the next poll catches up.
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({ text: text });
  });

  fetch("/api/chat/history?session=" + session)
    .then((r) => r.json())
    .then((data) => {
      data.messages.forEach(render);
      if (!data.messages.length) send({ text: "/start" });
      else busy = busy.then(flush);
      setInterval(() => {
        busy = busy.then(poll);
      }, 5000);
    })
    .catch(() => showStatus("Không kết nối được. Bà con kiểm tra mạng rồi tải lại trang nha."));
})();
