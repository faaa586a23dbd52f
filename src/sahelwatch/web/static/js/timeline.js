/* sahelwatch: weekly stacked bars by family (SVG), with a drag selection of a period. */
(function () {
  "use strict";
  var SW = (window.SW = window.SW || {});
  var NS = "http://www.w3.org/2000/svg";
  var PAD = { left: 34, right: 8, top: 6, bottom: 18 };

  function node(name, attrs, parent) {
    var el = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (key) { el.setAttribute(key, attrs[key]); });
    if (parent) parent.appendChild(el);
    return el;
  }

  /* rows: [{period: "YYYY-MM-DD" (a Monday), key: family, events}]; families: ordered keys. */
  function Timeline(container, options) {
    this.container = container;
    this.colors = options.colors;
    this.onRange = options.onRange;
    this.weeks = [];
    this.range = null;
    var self = this;
    window.addEventListener("resize", function () { self.draw(); });
  }

  Timeline.prototype.setData = function (rows) {
    var byWeek = {};
    rows.forEach(function (row) {
      if (!row.period) return;
      (byWeek[row.period] = byWeek[row.period] || {})[row.key || "other"] = row.events;
    });
    var periods = Object.keys(byWeek).sort();
    this.weeks = [];
    if (periods.length) {
      var last = SW.day(periods[periods.length - 1]);
      for (var week = SW.day(periods[0]); week <= last; week = SW.addDays(week, 7)) {
        var iso = SW.iso(week);
        this.weeks.push({ start: iso, counts: byWeek[iso] || {} });
      }
    }
    this.draw();
  };

  Timeline.prototype.setRange = function (since, until) {
    this.range = since || until ? { since: since, until: until } : null;
    this.draw();
  };

  Timeline.prototype.draw = function () {
    var box = this.container;
    box.textContent = "";
    if (!this.weeks.length) {
      box.innerHTML = '<p class="muted">' + SW.esc(SW.t("timeline.empty")) + "</p>";
      return;
    }
    var width = box.clientWidth || 600, height = box.clientHeight || 130;
    var svg = node("svg", { viewBox: "0 0 " + width + " " + height, role: "img",
      "aria-label": SW.t("timeline.title") }, box);
    var inner = width - PAD.left - PAD.right, plot = height - PAD.top - PAD.bottom;
    var n = this.weeks.length, step = inner / n, colors = this.colors;
    var max = 1;
    this.weeks.forEach(function (w) {
      var total = 0;
      Object.keys(w.counts).forEach(function (k) { total += w.counts[k]; });
      w.total = total;
      max = Math.max(max, total);
    });
    this.axis(svg, width, height, max, step);
    var families = Object.keys(colors);
    this.weeks.forEach(function (w, i) {
      var y = PAD.top + plot;
      var keys = families.concat(Object.keys(w.counts).filter(function (k) { return families.indexOf(k) < 0; }));
      keys.forEach(function (family) {
        var count = w.counts[family];
        if (!count) return;
        var h = (count / max) * plot;
        y -= h;
        var rect = node("rect", { x: PAD.left + i * step + Math.min(1, step * 0.1), y: y,
          width: Math.max(1, step - Math.min(2, step * 0.2)), height: h,
          fill: colors[family] || "#7a7a7a" }, svg);
        node("title", {}, rect).textContent = w.start + " · " + family + ": " + count;
      });
    });
    this.layout = { step: step, width: width, height: height };
    this.drawRange(svg);
    this.listen(svg);
  };

  Timeline.prototype.axis = function (svg, width, height, max, step) {
    var g = node("g", { "class": "axis" }, svg);
    node("line", { x1: PAD.left, x2: width - PAD.right, y1: height - PAD.bottom, y2: height - PAD.bottom }, g);
    node("text", { x: PAD.left - 4, y: PAD.top + 8, "text-anchor": "end" }, g).textContent = String(max);
    node("text", { x: PAD.left - 4, y: height - PAD.bottom, "text-anchor": "end" }, g).textContent = "0";
    var lastLabel = -Infinity, spanYears = this.weeks.length > 110;
    this.weeks.forEach(function (w, i) {
      var day = SW.day(w.start), x = PAD.left + i * step;
      var newMonth = i === 0 || SW.addDays(day, -7).getUTCMonth() !== day.getUTCMonth();
      if (!newMonth || x - lastLabel < (spanYears ? 60 : 44)) return;
      if (spanYears && day.getUTCMonth() % 3 !== 0 && i !== 0) return;
      lastLabel = x;
      node("line", { x1: x, x2: x, y1: height - PAD.bottom, y2: height - PAD.bottom + 4 }, g);
      node("text", { x: x + 2, y: height - 4 }, g).textContent = w.start.slice(0, 7);
    });
  };

  Timeline.prototype.indexAt = function (clientX) {
    var rect = this.container.getBoundingClientRect();
    var scale = this.layout.width / rect.width;
    var x = (clientX - rect.left) * scale - PAD.left;
    return Math.max(0, Math.min(this.weeks.length - 1, Math.floor(x / this.layout.step)));
  };

  Timeline.prototype.drawRange = function (svg) {
    if (!this.range || !this.weeks.length) return;
    var first = this.weeks[0].start, weeks = this.weeks;
    var from = this.range.since ? SW.monday(SW.day(this.range.since)) : SW.day(first);
    var to = this.range.until ? SW.day(this.range.until) : SW.day(weeks[weeks.length - 1].start);
    var a = Math.round((from - SW.day(first)) / 604800000);
    var b = Math.floor((to - SW.day(first)) / 604800000);
    a = Math.max(0, a); b = Math.min(weeks.length - 1, b);
    if (b < a) return;
    this.brush = node("rect", { "class": "brush", x: PAD.left + a * this.layout.step, y: PAD.top,
      width: (b - a + 1) * this.layout.step, height: this.layout.height - PAD.top - PAD.bottom }, svg);
  };

  Timeline.prototype.listen = function (svg) {
    var self = this, start = null, brush = null;
    svg.addEventListener("pointerdown", function (event) {
      start = self.indexAt(event.clientX);
      svg.setPointerCapture(event.pointerId);
      if (self.brush) self.brush.remove();
      brush = node("rect", { "class": "brush", y: PAD.top, height: self.layout.height - PAD.top - PAD.bottom }, svg);
      update(event);
    });
    function update(event) {
      if (start === null) return;
      var i = self.indexAt(event.clientX), a = Math.min(start, i), b = Math.max(start, i);
      brush.setAttribute("x", PAD.left + a * self.layout.step);
      brush.setAttribute("width", (b - a + 1) * self.layout.step);
      return [a, b];
    }
    svg.addEventListener("pointermove", update);
    svg.addEventListener("pointerup", function (event) {
      var span = update(event);
      start = null;
      if (!span) return;
      var since = self.weeks[span[0]].start;
      var until = SW.iso(SW.addDays(SW.day(self.weeks[span[1]].start), 6));
      self.range = { since: since, until: until };
      self.onRange(since, until);
    });
  };

  SW.Timeline = Timeline;
})();
