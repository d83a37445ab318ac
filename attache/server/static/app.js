// The only script of the app: it follows an ingest job's progress. Everything else is plain
// HTML, so the pages work without it. Served from the app itself (the CSP allows only 'self').
"use strict";
(function () {
  function watch(section) {
    var id = section.getAttribute("data-job");
    var bar = document.getElementById("job-progress");
    var status = document.getElementById("job-status");
    var error = document.getElementById("job-error");
    var added = document.getElementById("job-added");
    function tick() {
      fetch("/api/jobs/" + encodeURIComponent(id), {credentials: "same-origin"})
        .then(function (r) { return r.json(); })
        .then(function (job) {
          bar.value = job.progress;
          bar.textContent = Math.round(job.progress * 100) + "%";
          status.className = "status-" + job.status;
          status.textContent = job.status + (job.total ? " — " + job.done + " of " + job.total : "");
          error.textContent = job.error || "";
          if (job.status === "done" || job.status === "failed") {
            added.textContent = "";
            (job.added || []).forEach(function (doc) {
              var li = document.createElement("li");
              var a = document.createElement("a");
              a.href = "/documents/" + encodeURIComponent(doc);
              a.textContent = doc;
              li.appendChild(a);
              added.appendChild(li);
            });
            section.setAttribute("data-finished", job.status);
            return;
          }
          setTimeout(tick, 400);
        })
        .catch(function () { setTimeout(tick, 1500); });
    }
    tick();
  }
  document.addEventListener("DOMContentLoaded", function () {
    var section = document.getElementById("job");
    if (section) { watch(section); }
  });
})();
