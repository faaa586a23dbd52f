/* sahelwatch dashboard: offline map with grid clustering, timeline, filters kept in the URL,
   event list. Data comes from /api only; the basemap from /static/basemap.geojson. */
(function () {
  "use strict";
  var SW = window.SW;
  var cfg = SW.json("config");
  SW.strings = cfg.strings;
  var t = SW.t, colors = cfg.colors;
  var FIELDS = "id,event_date,family,event_type,sub_event_type,actor1,actor2,location,admin1," +
    "country_code,latitude,longitude,fatalities,modality,status";
  var SAHEL = [[9.0, -18.5], [27.5, 25.5]];
  var FOCUS = ["ML", "NE", "BF", "MR", "DZ", "LY", "TD"];
  var CELL = 44, PAGE = 150;

  var form = document.getElementById("filters");
  var statusBox = document.getElementById("status");
  var state = { events: [], located: [], shown: 0, total: 0, request: 0 };
  window.sahelwatch = { ready: false, markers: 0, events: 0 };

  /* ---- map ---- */
  var map = L.map("map", { minZoom: 2, maxZoom: 12, zoomSnap: 0.5, worldCopyJump: true });
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution(t("map.attribution"));
  map.fitBounds(SAHEL);
  // Borders under place names under events (circles: overlay pane 400; clusters: marker pane).
  map.createPane("basemap").style.zIndex = 210;
  map.createPane("labels").style.zIndex = 390;
  map.getPane("labels").style.pointerEvents = "none";
  var baseLayer = L.layerGroup().addTo(map);
  var labels = { country: L.layerGroup(), admin1: L.layerGroup() };
  var markers = L.layerGroup().addTo(map);

  function drawBasemap(collection) {
    var countries = collection.features.filter(function (f) { return f.properties.kind === "country"; });
    var regions = collection.features.filter(function (f) { return f.properties.kind === "admin1"; });
    L.geoJSON(countries, {
      interactive: false,
      pane: "basemap",
      style: function (f) {
        var focus = FOCUS.indexOf(f.properties.iso2) >= 0;
        return { color: "#8c959d", weight: focus ? 1.1 : 0.7, fillColor: focus ? "#fbfaf6" : "#eeece5", fillOpacity: 1 };
      }
    }).addTo(baseLayer);
    L.geoJSON(regions, {
      interactive: false,
      pane: "basemap",
      style: function () { return { color: "#b9b3a6", weight: 0.6, dashArray: "3 3", fill: false }; }
    }).addTo(baseLayer);
    collection.features.forEach(function (f) {
      var p = f.properties, at = p.label;
      if (!at || at[0] === null || at[1] === null) return;
      var name = cfg.lang === "fr" ? p.name_fr || p.name : p.name;
      var icon = L.divIcon({ className: "place-label " + p.kind, html: "<span>" + SW.esc(name) + "</span>", iconSize: [0, 0] });
      L.marker([at[1], at[0]], { icon: icon, interactive: false, keyboard: false, pane: "labels" })
        .addTo(labels[p.kind]);
    });
    showLabels();
  }

  function showLabels() {
    var zoom = map.getZoom();
    [["country", 4], ["admin1", 6.5]].forEach(function (pair) {
      var layer = labels[pair[0]];
      if (zoom >= pair[1]) layer.addTo(map); else map.removeLayer(layer);
    });
  }

  /* ---- markers: grid clustering in screen space ---- */
  function radius(fatalities) { return 4.5 + Math.min(14, 2.2 * Math.sqrt(fatalities || 0)); }

  function popup(e) {
    var actors = [e.actor1, e.actor2].filter(Boolean).join(" / ") || "—";
    var place = [e.location, e.admin1, e.country_code].filter(Boolean).join(", ") || "—";
    return '<div class="popup"><h3><i class="dot fam-' + SW.esc(e.family) + '"></i>' +
      SW.esc(e.sub_event_type) + "</h3><dl>" +
      "<dt>" + SW.esc(t("col.date")) + "</dt><dd>" + SW.esc(e.event_date || t("unknown")) + "</dd>" +
      "<dt>" + SW.esc(t("col.type")) + "</dt><dd>" + SW.esc(e.event_type) + " · " + SW.esc(t("family." + e.family)) + "</dd>" +
      "<dt>" + SW.esc(t("col.actors")) + "</dt><dd>" + SW.esc(actors) + "</dd>" +
      "<dt>" + SW.esc(t("col.place")) + "</dt><dd>" + SW.esc(place) + "</dd>" +
      "<dt>" + SW.esc(t("col.fatalities")) + "</dt><dd>" + SW.esc(e.fatalities === null ? "—" : e.fatalities) + "</dd>" +
      '</dl><a class="open" href="/events/' + encodeURIComponent(e.id) + '">' + SW.esc(t("popup.open")) + " →</a></div>";
  }

  function single(e) {
    return L.circleMarker(e.ll, {
      radius: radius(e.fatalities), color: "#ffffff", weight: 1.2, fillColor: colors[e.family] || "#7a7a7a",
      fillOpacity: 0.88, className: "ev-marker fam-" + e.family
    }).bindPopup(function () { return popup(e); });
  }

  function group(members) {
    var lat = 0, lon = 0, count = {}, top = null, same = true;
    members.forEach(function (e) {
      lat += e.ll[0]; lon += e.ll[1];
      count[e.family] = (count[e.family] || 0) + 1;
      if (!top || count[e.family] > count[top]) top = e.family;
      same = same && Math.abs(e.ll[0] - members[0].ll[0]) < 1e-6 && Math.abs(e.ll[1] - members[0].ll[1]) < 1e-6;
    });
    var n = members.length, size = Math.round(Math.min(54, 24 + 9 * Math.log10(n)));
    var icon = L.divIcon({ className: "", iconSize: [size, size],
      html: '<div class="cluster fam-' + SW.esc(top) + '" style="width:' + size + "px;height:" + size + 'px">' + n + "</div>" });
    var marker = L.marker([lat / n, lon / n], { icon: icon, title: t("cluster.here", { n: n }) });
    marker.on("click", function () {
      if (same || map.getZoom() >= map.getMaxZoom()) {
        var items = members.slice(0, 40).map(function (e) {
          return '<li><a href="/events/' + encodeURIComponent(e.id) + '">' + SW.esc(e.event_date || "?") + " · " + SW.esc(e.sub_event_type) + "</a></li>";
        }).join("");
        L.popup().setLatLng(marker.getLatLng()).setContent('<div class="popup"><h3>' + SW.esc(t("cluster.here", { n: n })) + "</h3><ul>" + items + "</ul></div>").openOn(map);
      } else {
        map.fitBounds(L.latLngBounds(members.map(function (e) { return e.ll; })).pad(0.2), { maxZoom: map.getZoom() + 3 });
      }
    });
    return marker;
  }

  function recluster() {
    markers.clearLayers();
    var zoom = map.getZoom(), bounds = map.getBounds().pad(0.35), cells = {};
    state.located.forEach(function (e) {
      if (!bounds.contains(e.ll)) return;
      var p = map.project(e.ll, zoom), key = Math.floor(p.x / CELL) + ":" + Math.floor(p.y / CELL);
      (cells[key] = cells[key] || []).push(e);
    });
    var count = 0;
    Object.keys(cells).forEach(function (key) {
      var members = cells[key];
      markers.addLayer(members.length === 1 ? single(members[0]) : group(members));
      count += 1;
    });
    window.sahelwatch.markers = count;
  }
  map.on("zoomend moveend", function () { recluster(); showLabels(); });

  /* ---- list ---- */
  var rows = document.getElementById("rows"), more = document.getElementById("more");

  function showMore() {
    var html = [];
    state.events.slice(state.shown, state.shown + PAGE).forEach(function (e) {
      var actors = [e.actor1, e.actor2].filter(Boolean).join(" / ");
      var place = [e.location, e.country_code].filter(Boolean).join(", ");
      html.push('<tr data-id="' + SW.esc(e.id) + '"><td class="date">' + SW.esc(e.event_date || "—") + "</td>" +
        '<td><i class="dot fam-' + SW.esc(e.family) + '"></i><a href="/events/' + encodeURIComponent(e.id) + '">' +
        SW.esc(e.sub_event_type) + '</a><div class="sub">' + SW.esc(actors) + "</div></td>" +
        "<td>" + SW.esc(place || "—") + '</td><td class="num">' + SW.esc(e.fatalities === null ? "" : e.fatalities) + "</td></tr>");
    });
    rows.insertAdjacentHTML("beforeend", html.join(""));
    state.shown = Math.min(state.events.length, state.shown + PAGE);
    more.hidden = state.shown >= state.events.length;
  }
  more.addEventListener("click", showMore);
  rows.addEventListener("click", function (event) {
    var row = event.target.closest("tr[data-id]");
    if (row && !event.target.closest("a")) window.location.href = "/events/" + encodeURIComponent(row.dataset.id);
  });

  /* ---- filters in the URL ---- */
  function filterParams() { return SW.formParams(form); }

  function fillForm(params) {
    cfg.filters.forEach(function (name) {
      var field = form.elements[name];
      if (field) field.value = params.get(name) || "";
    });
  }

  function updateLinks(params) {
    var query = params.toString();
    document.getElementById("csv").href = "/api/events?format=csv&limit=10000" + (query ? "&" + query : "");
    document.getElementById("geojson").href = "/api/events?format=geojson&limit=10000" + (query ? "&" + query : "");
    document.getElementById("clear-period").hidden = !(params.get("since") || params.get("until"));
  }

  /* ---- loading ---- */
  /* Zoom to the events when a filter other than the period narrows them. */
  function narrowed(params) {
    return ["country", "family", "event_type", "actor", "modality", "q"].some(function (name) {
      return params.get(name);
    });
  }

  function loadEvents(fit) {
    var params = filterParams(), ticket = ++state.request;
    statusBox.hidden = false;
    statusBox.textContent = t("loading");
    updateLinks(params);
    var url = "/api/events?limit=" + cfg.maxEvents + "&fields=" + FIELDS + (params.toString() ? "&" + params : "");
    return SW.api("GET", url).then(function (page) {
      if (ticket !== state.request) return;
      state.events = page.events;
      state.total = page.total;
      state.located = page.events.filter(function (e) { return e.latitude !== null && e.longitude !== null; })
        .map(function (e) { e.ll = [e.latitude, e.longitude]; return e; });
      state.shown = 0;
      rows.textContent = "";
      showMore();
      if (fit && narrowed(params) && state.located.length) {
        var bounds = L.latLngBounds(state.located.map(function (e) { return e.ll; }));
        map.fitBounds(bounds.pad(0.3), { maxZoom: 7 });
      }
      recluster();
      var unlocated = state.events.length - state.located.length;
      var counted = page.total_exact ? t("list.count", { n: SW.number(page.total) })
        : t("list.count_more", { n: SW.number(page.total) });
      document.getElementById("count").textContent = counted +
        " · " + t("list.on_map", { n: SW.number(state.located.length) });
      var notice = document.getElementById("notice");
      if (!state.events.length) {
        notice.hidden = false;
        notice.textContent = t("list.none");
      } else if (page.total > state.events.length || !page.total_exact) {
        notice.hidden = false;
        notice.textContent = t("list.truncated", { shown: SW.number(state.events.length),
          total: (page.total_exact ? "" : "> ") + SW.number(page.total) });
      } else {
        notice.hidden = true;
      }
      statusBox.textContent = unlocated ? t("map.unlocated", { n: SW.number(unlocated) }) : "";
      statusBox.hidden = !unlocated;
      window.sahelwatch.events = state.events.length;
      window.sahelwatch.ready = true;
      document.body.setAttribute("data-ready", "1");
      if (window.performance && performance.mark) performance.mark("sahelwatch-ready");
    }).catch(function (error) {
      statusBox.hidden = false;
      statusBox.textContent = t("error.load", { message: error.message });
    });
  }

  var timeline = new SW.Timeline(document.getElementById("timeline"), {
    colors: colors,
    onRange: function (since, until) {
      form.elements.since.value = since;
      form.elements.until.value = until;
      apply(true);
    }
  });

  function loadTimeline() {
    var params = filterParams();
    params.delete("since");
    params.delete("until");
    return SW.api("GET", "/api/aggregates?interval=week&by=family" + (params.toString() ? "&" + params : ""))
      .then(function (data) {
        timeline.setData(data.rows);
        var current = filterParams();
        timeline.setRange(current.get("since"), current.get("until"));
      });
  }

  function apply(periodOnly) {
    var params = filterParams();
    var url = "/" + (params.toString() ? "?" + params : "");
    if (url !== window.location.pathname + window.location.search) window.history.pushState(null, "", url);
    loadEvents(!periodOnly);
    if (!periodOnly) loadTimeline();
    else timeline.setRange(params.get("since"), params.get("until"));
  }

  var toggle = document.getElementById("filters-toggle");
  toggle.addEventListener("click", function () {
    var open = form.classList.toggle("open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(false); });
  form.addEventListener("change", function (event) {
    if (event.target.tagName === "SELECT") apply(false);
  });
  document.getElementById("reset").addEventListener("click", function (event) {
    event.preventDefault();
    fillForm(new URLSearchParams());
    apply(false);
  });
  document.getElementById("clear-period").addEventListener("click", function () {
    form.elements.since.value = "";
    form.elements.until.value = "";
    apply(true);
  });
  window.addEventListener("popstate", function () {
    fillForm(new URLSearchParams(window.location.search));
    loadEvents(true);
    loadTimeline();
  });

  fetch("/static/basemap.geojson", { credentials: "same-origin" })
    .then(function (response) { return response.json(); })
    .then(drawBasemap)
    .catch(function () { /* the markers still show on the plain background */ });
  loadEvents(true);
  loadTimeline();
})();
