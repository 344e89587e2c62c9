// The dashboard works without script; this only asks before destructive buttons (data-confirm).
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-confirm]") : null;
  if (button && !window.confirm(button.getAttribute("data-confirm") ?? "")) event.preventDefault();
});
