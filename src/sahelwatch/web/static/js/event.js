/* sahelwatch event page: the analyst's confirm, correct, merge and split actions (via /api). */
(function () {
  "use strict";
  var SW = window.SW;
  var node = document.getElementById("review-config");
  if (!node) return;
  var cfg = JSON.parse(node.textContent);
  var message = document.getElementById("review-message");
  var NUMBERS = { latitude: parseFloat, longitude: parseFloat, geo_precision: parseInt, fatalities: parseInt };

  function done() { window.location.reload(); }

  function failed(error) {
    message.className = "message error";
    message.textContent = cfg.failed.split("{message}").join(error.message);
  }

  function patch(body) {
    message.className = "message";
    message.textContent = "…";
    return SW.api("PATCH", "/api/events/" + encodeURIComponent(cfg.event), body).then(done, failed);
  }

  document.querySelectorAll("[data-status]").forEach(function (button) {
    button.addEventListener("click", function () { patch({ status: button.dataset.status }); });
  });

  var field = document.getElementById("correct-field");
  var value = document.getElementById("correct-value");
  var choices = document.getElementById("correct-choices");

  function prefill() {
    var row = document.querySelector('#fields tr[data-field="' + field.value + '"]');
    value.type = field.value === "event_date" ? "date" : "text";  // before the value: a date
    value.value = row ? row.dataset.value : "";                    // input drops other text
    choices.textContent = "";
    (cfg.choices[field.value] || []).forEach(function (choice) {
      var option = document.createElement("option");
      option.value = choice;
      choices.appendChild(option);
    });
  }
  if (field) {
    field.addEventListener("change", prefill);
    prefill();
    document.getElementById("correct").addEventListener("submit", function (event) {
      event.preventDefault();
      var raw = value.value.trim(), body = {};
      var parse = NUMBERS[field.value];
      body[field.value] = raw === "" ? null : parse ? parse(raw, 10) : raw;
      if (parse && raw !== "" && isNaN(body[field.value])) body[field.value] = raw;
      var note = event.target.elements.note.value.trim();
      if (note) body.note = note;
      patch(body);
    });
  }

  var merge = document.getElementById("merge");
  if (merge) {
    merge.addEventListener("submit", function (event) {
      event.preventDefault();
      var ids = merge.elements.events.value.split(/[\s,;]+/).filter(Boolean);
      SW.api("POST", "/api/events/merge", { into: cfg.event, events: ids }).then(done, failed);
    });
  }

  var split = document.getElementById("split");
  if (split) {
    split.addEventListener("submit", function (event) {
      event.preventDefault();
      var picked = Array.prototype.slice.call(document.querySelectorAll('input[name="report"]:checked'));
      var reports = picked.map(function (box) {
        var parts = box.value.split("/");
        return { document_id: parts[0], report_id: parts.slice(1).join("/") };
      });
      SW.api("POST", "/api/events/split", { event: cfg.event, reports: reports }).then(done, failed);
    });
  }
})();
