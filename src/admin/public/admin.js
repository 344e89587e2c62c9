// The dashboard works without script. This asks before destructive buttons (data-confirm) and shows
// an export's progress while it downloads (data-export links, data-export-status line).
document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const button = target?.closest("[data-confirm]");
  if (button && !window.confirm(button.getAttribute("data-confirm") ?? "")) {
    event.preventDefault();
    return;
  }
  const link = target?.closest("a[data-export]");
  const status = document.querySelector("[data-export-status]");
  if (link instanceof HTMLAnchorElement && status && "ReadableStream" in window) {
    event.preventDefault();
    void download(link, status);
  }
});

const number = (n) => n.toLocaleString("vi-VN");
const megabytes = (bytes) => `${(bytes / 1048576).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB`;
let downloading = false;

async function download(link, status) {
  if (downloading) return;
  downloading = true;
  const bar = status.querySelector("progress");
  const text = status.querySelector("span");
  const show = (key, values) => {
    text.textContent = Object.entries(values).reduce(
      (s, [k, v]) => s.replaceAll(`{${k}}`, v),
      status.getAttribute(`data-${key}`) ?? "",
    );
  };
  status.hidden = false;
  bar.removeAttribute("value");
  show("starting", { total: "…" });
  try {
    const response = await fetch(link.href, { credentials: "same-origin" });
    if (!response.ok || !response.body) throw new Error(await response.text());
    const total = Number(response.headers.get("x-export-count") ?? "0");
    const csv = (response.headers.get("content-type") ?? "").startsWith("text/csv");
    const reader = response.body.getReader();
    const chunks = [];
    let bytes = 0;
    // CSV records end with CRLF and nothing else does, so counting them counts the leads received.
    let lineEnds = 0;
    let lastByte = 0;
    if (csv) bar.max = Math.max(total, 1);
    show("starting", { total: number(total) });
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      chunks.push(part.value);
      bytes += part.value.length;
      if (csv) {
        for (const byte of part.value) {
          if (byte === 10 && lastByte === 13) lineEnds++;
          lastByte = byte;
        }
        const done = Math.max(0, lineEnds - 1);
        bar.value = done;
        show("rows", { done: number(done), total: number(total) });
      } else {
        show("size", { total: number(total), size: megabytes(bytes) });
      }
    }
    const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "dang-ky-htx";
    const url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get("content-type") ?? "" }));
    const save = document.createElement("a");
    save.href = url;
    save.download = name;
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    bar.max = 1;
    bar.value = 1;
    show("done", { total: number(total) });
  } catch {
    bar.value = 0;
    show("failed", {});
  } finally {
    downloading = false;
  }
}
