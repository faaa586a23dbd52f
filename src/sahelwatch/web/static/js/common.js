/* sahelwatch: helpers shared by the pages (no library but Leaflet on the map page). */
(function () {
  "use strict";
  var SW = (window.SW = window.SW || {});

  SW.json = function (id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : {};
  };

  SW.strings = {};
  SW.t = function (key, values) {
    var text = Object.prototype.hasOwnProperty.call(SW.strings, key) ? SW.strings[key] : key;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(values[name]));
    });
    return text;
  };

  SW.esc = function (value) {
    return String(value === null || value === undefined ? "" : value)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  };

  SW.number = function (value) {
    return value === null || value === undefined ? "" : Number(value).toLocaleString();
  };

  /* Calls the API; resolves with the JSON body, rejects with an Error carrying its message. */
  SW.api = function (method, url, body) {
    var options = {
      method: method,
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-Requested-With": "sahelwatch" }
    };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(url, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          throw new Error(data.error || response.status + " " + response.statusText);
        }
        return data;
      });
    });
  };

  /* The non-empty fields of a form, as URL parameters. */
  SW.formParams = function (form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (String(value).trim() !== "") params.append(name, String(value).trim());
    });
    return params;
  };

  /* Monday of the week of an ISO date, and adding days, in UTC. */
  SW.day = function (iso) { return new Date(iso + "T00:00:00Z"); };
  SW.iso = function (date) { return date.toISOString().slice(0, 10); };
  SW.addDays = function (date, days) { return new Date(date.getTime() + days * 86400000); };
  SW.monday = function (date) { return SW.addDays(date, -((date.getUTCDay() + 6) % 7)); };
})();
