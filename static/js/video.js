// Puts a hosted video's player in place of its poster when the visitor asks
// for it: nothing is loaded from YouTube or Vimeo before that.
document.querySelectorAll(".video-facade[data-embed-url]").forEach((facade) => {
  const play = facade.querySelector(".video-facade__play");
  play.addEventListener("click", (event) => {
    event.preventDefault();
    const frame = document.createElement("iframe");
    frame.src = facade.dataset.embedUrl;
    frame.title = facade.dataset.embedTitle;
    frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    frame.allowFullscreen = true;
    frame.width = 1200;
    frame.height = 675;
    facade.replaceChildren(frame);
    frame.focus();
  });
});
