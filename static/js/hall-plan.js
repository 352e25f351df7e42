// The hall plan is drawn at its own size so that the stand codes stay readable; on a narrow
// screen its frame scrolls, and opens on the exhibitor's own stand.
document.querySelectorAll(".hall-plan-frame").forEach((frame) => {
  const mine = frame.querySelector(".hall-plan__stand--mine rect");
  if (!mine || frame.scrollWidth <= frame.clientWidth) return;
  const stand = mine.getBoundingClientRect();
  const view = frame.getBoundingClientRect();
  frame.scrollLeft += stand.left + stand.width / 2 - (view.left + view.width / 2);
});
