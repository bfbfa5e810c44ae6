// Orleans.Sentiment built-in dashboard: polls the silo's HTTP API every 2 seconds and renders what it answers.
// Data is only ever written with textContent and DOM calls, never as markup. The API key stays in sessionStorage.
"use strict";

(function () {
  const POLL_MS = 2000;
  const HISTORY = 150;            // points per source kept for the charts (5 minutes at 2 s)
  const MAX_SOURCES = 100;        // windows fetched per poll
  const POLICY_MS = 30000;        // a source's alert policy is read again after this long
  const POLICIES_PER_POLL = 10;   // policies read per poll, so many sources stay under the tenant's request rate
  const THEMES_MS = 30000;        // the selected source's themes are grouped again after this long (about 0.1 s of the silo's time)
  const KEY_STORE = "orleans-sentiment.api-key";
  const TENANT_STORE = "orleans-sentiment.tenant";
  const NEGATIVE = /^neg(ative)?$/i;

  const $ = (id) => document.getElementById(id);
  const state = {
    key: sessionStorage.getItem(KEY_STORE) || "",
    tenant: "",
    identity: null,
    selected: new URLSearchParams(location.search).get("source") || "",
    history: new Map(),
    rows: new Map(),
    policies: new Map(),  // source -> { threshold, minCount, watchModel, watchLabel, read }
    lastAlert: new Map(),
    themes: { key: "", read: 0 },
    sourceCount: -1,
    timer: 0,
    generation: 0,
  };

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(path) {
    const headers = { Accept: "application/json" };
    if (state.key) {
      headers.Authorization = "Bearer " + state.key;
    }
    let response;
    try {
      response = await fetch(path, { headers, cache: "no-store", credentials: "omit" });
    } catch {
      throw new ApiError(0, "Cannot reach the silo; retrying.");
    }
    if (!response.ok) {
      let detail = response.statusText;
      try {
        const problem = await response.json();
        detail = problem.detail || problem.title || detail;
      } catch {
        // not a problem+json body
      }
      throw new ApiError(response.status, "HTTP " + response.status + ": " + detail);
    }
    return response.json();
  }

  const tenantPath = (tenant) => "/v1/tenants/" + encodeURIComponent(tenant);
  const sourcePath = (tenant, source) => tenantPath(tenant) + "/sources/" + encodeURIComponent(source);

  function text(tag, content, className) {
    const node = document.createElement(tag);
    node.textContent = content;
    if (className) {
      node.className = className;
    }
    return node;
  }

  function percent(ratio) {
    return (ratio * 100).toFixed(1) + "%";
  }

  // "PT1H30M" -> "1 h 30 min"; null stays null.
  function duration(iso) {
    const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(iso || "");
    if (!match) {
      return iso;
    }
    const parts = [];
    if (match[1]) parts.push(match[1] + " d");
    if (match[2]) parts.push(match[2] + " h");
    if (match[3]) parts.push(match[3] + " min");
    if (match[4]) parts.push(match[4] + " s");
    return parts.join(" ") || "0 s";
  }

  function describeWindow(window) {
    const size = window.windowSize ? "last " + window.windowSize + " comments" : "rolling window";
    return window.windowDuration ? size + " within " + duration(window.windowDuration) : size;
  }

  function setStatus(message) {
    const status = $("status");
    if (status.textContent !== message) {
      status.textContent = message;
    }
  }

  function setError(message) {
    const error = $("error");
    error.hidden = !message;
    if (error.textContent !== (message || "")) {
      error.textContent = message || "";
    }
  }

  // ---- identity -------------------------------------------------------------------------------------------

  async function connect() {
    state.generation++;
    clearTimeout(state.timer);
    setError("");
    let who;
    try {
      who = await api("/v1/whoami");
    } catch (error) {
      state.identity = null;
      $("identity").textContent = "";
      setError(error.status !== 401 ? error.message
        : state.key ? "The API key was not accepted (HTTP 401). Enter a valid key."
        : "This silo requires an API key: enter one above.");
      if (error.status === 401) {
        $("api-key").focus();
      }
      return;
    }

    state.identity = who;
    const tenantInput = $("tenant");
    if (who.tenant) {
      state.tenant = who.tenant;
      tenantInput.value = who.tenant;
      tenantInput.readOnly = true;
    } else {
      tenantInput.readOnly = false;
      state.tenant = tenantInput.value.trim();
    }

    $("identity").textContent = who.authMode === "None"
      ? "Authentication is off on this silo: choose any tenant."
      : who.admin ? "Signed in with the admin key: choose a tenant." : "Signed in as tenant " + who.tenant + ".";

    if (!state.tenant) {
      setStatus("Enter a tenant to see its sources.");
      tenantInput.focus();
      return;
    }
    if (!tenantInput.checkValidity()) {
      setError("A tenant id has 1 to 64 letters, digits, '.', '_' or '-'.");
      return;
    }

    sessionStorage.setItem(TENANT_STORE, state.tenant);
    resetTenantView();
    poll(state.generation);
  }

  function resetTenantView() {
    state.rows.forEach((row) => row.tr.remove());
    state.rows.clear();
    state.history.clear();
    state.policies.clear();
    state.lastAlert.clear();
    state.sourceCount = -1;
    $("detail").hidden = true;
  }

  // ---- polling --------------------------------------------------------------------------------------------

  async function poll(generation) {
    if (generation !== state.generation) {
      return;
    }
    try {
      await refresh();
      setError("");
    } catch (error) {
      setError(error.message);
      if (error.status === 401 || error.status === 403) {
        return; // needs another key or tenant: stop until the form is submitted again
      }
    }
    if (generation === state.generation) {
      state.timer = setTimeout(() => poll(generation), POLL_MS);
    }
  }

  async function refresh() {
    const tenant = state.tenant;
    const { sources } = await api(tenantPath(tenant) + "/sources");
    const shown = sources.slice(0, MAX_SOURCES);
    const windows = await Promise.all(shown.map((source) => api(sourcePath(tenant, source) + "/window")));
    await readPolicies(tenant, shown);
    const now = new Date();
    shown.forEach((source, i) => {
      const points = state.history.get(source) || [];
      points.push({ t: now, v: windows[i].negativeRatio || 0 });
      if (points.length > HISTORY) {
        points.splice(0, points.length - HISTORY);
      }
      state.history.set(source, points);
    });

    renderSources(shown, windows);
    $("no-sources").hidden = shown.length > 0;
    if (sources.length !== state.sourceCount) {
      state.sourceCount = sources.length;
      setStatus(sources.length === 1 ? "1 source for tenant " + tenant + "." : sources.length + " sources for tenant " + tenant + ".");
    }

    if (!shown.includes(state.selected)) {
      state.selected = shown[0] || "";
    }
    markSelected();
    if (state.selected) {
      const source = state.selected;
      const [comments, alerts] = await Promise.all([
        api(sourcePath(tenant, source) + "/comments?limit=20"),
        api(sourcePath(tenant, source) + "/alerts?limit=20"),
      ]);
      renderDetail(source, windows[shown.indexOf(source)], comments.comments, alerts.alerts);
      announceAlert(source, alerts.alerts);
      await refreshThemes(tenant, source);
    }

    const updated = $("updated");
    updated.dateTime = now.toISOString();
    updated.textContent = now.toLocaleTimeString();
  }

  // Reads the alert policies the page needs (threshold, minCount, the watched label): missing ones first, then stale ones.
  async function readPolicies(tenant, sources) {
    const now = Date.now();
    const wanted = sources
      .filter((source) => !state.policies.has(source) || now - state.policies.get(source).read > POLICY_MS)
      .sort((a, b) => Number(state.policies.has(a)) - Number(state.policies.has(b)) || Number(b === state.selected) - Number(a === state.selected))
      .slice(0, POLICIES_PER_POLL);
    const policies = await Promise.all(wanted.map((source) => api(sourcePath(tenant, source) + "/alert-policy")));
    wanted.forEach((source, i) => state.policies.set(source, {
      threshold: policies[i].threshold,
      minCount: policies[i].minCount,
      watchModel: policies[i].watchModel || null,
      watchLabel: policies[i].watchLabel || null,
      detector: policies[i].detector || "threshold",
      minBaseline: policies[i].minBaseline,
      read: now,
    }));
  }

  // The share a source's alert watches: the label its policy names (watchModel/watchLabel), else the negative label.
  // The window API counts that share in negativeCount and negativeRatio either way; this names it, and marks(model,
  // label) says whether a model's label is it (model null: the window's own labels, the watched model's when there is one).
  function watched(policy) {
    if (policy && policy.watchModel && policy.watchLabel) {
      const name = policy.watchLabel;
      const same = (label) => label.toLowerCase() === name.toLowerCase();
      return { model: policy.watchModel, name, marks: (model, label) => (model === null || model === policy.watchModel) && same(label) };
    }
    return { model: null, name: "negative", marks: (model, label) => NEGATIVE.test(label) };
  }

  // What the alert state of a source means right now. "OK" only when the window is judged and under the threshold:
  // below minCount no alert can fire whatever the ratio, and a change within the cooldown waits to be announced.
  function describeState(window, policy) {
    const ratio = window.negativeRatio || 0;
    if (policy && policy.detector === "baseline" && !window.alerting) {
      return describeBaselineState(window, policy);
    }
    if (window.alerting) {
      return policy && ratio <= policy.threshold
        ? { text: "Alerting; back under the threshold, recovery waits for the cooldown", className: "state-alerting" }
        : { text: "Alerting", className: "state-alerting" };
    }
    if (!policy) {
      return { text: "Reading the alert policy…", className: "state-pending" };
    }
    if (window.count < policy.minCount) {
      return { text: "Not enough comments: " + window.count + " of minCount " + policy.minCount, className: "state-pending" };
    }
    if (ratio > policy.threshold) {
      return { text: "Above the threshold; the alert waits for the cooldown", className: "state-alerting" };
    }
    return { text: "OK", className: "state-ok" };
  }

  // A baseline policy compares the share with the source's own usual level, not with the threshold.
  function describeBaselineState(window, policy) {
    if (window.baselineComments < policy.minBaseline) {
      return { text: "Learning the usual share: " + window.baselineComments + " of minBaseline " + policy.minBaseline + " comments", className: "state-pending" };
    }
    if (window.count < policy.minCount) {
      return { text: "Not enough comments: " + window.count + " of minCount " + policy.minCount, className: "state-pending" };
    }
    return { text: "OK (usually " + percent(window.baseline || 0) + ")", className: "state-ok" };
  }

  function announceAlert(source, alerts) {
    const newest = alerts[0];
    const known = state.lastAlert.get(source);
    state.lastAlert.set(source, newest ? newest.at : null);
    if (newest && known !== undefined && known !== newest.at) {
      setStatus((newest.kind === "spike" ? "Spike" : "Recovery") + " alert on " + source + ": " +
        newest.negativeCount + " of " + newest.count + " " + watched(state.policies.get(source)).name + ".");
    }
  }

  // ---- sources table --------------------------------------------------------------------------------------

  function renderSources(sources, windows) {
    const tbody = $("sources").tBodies[0];
    const wanted = new Set(sources);
    for (const [source, row] of state.rows) {
      if (!wanted.has(source)) {
        row.tr.remove();
        state.rows.delete(source);
      }
    }
    sources.forEach((source, i) => {
      const row = state.rows.get(source) || createRow(source);
      const window = windows[i];
      row.count.textContent = String(window.count);
      row.negative.textContent = String(window.negativeCount);
      row.ratio.textContent = percent(window.negativeRatio || 0);
      row.window.textContent = describeWindow(window);
      const described = describeState(window, state.policies.get(source));
      row.state.textContent = described.text;
      row.state.className = described.className;
      SentimentCharts.sparkline(row.spark, (state.history.get(source) || []).map((p) => p.v));
      tbody.appendChild(row.tr); // keeps the rows in the API's (sorted) order without rebuilding them
    });
  }

  function createRow(source) {
    const tr = document.createElement("tr");
    const name = document.createElement("th");
    name.scope = "row";
    const button = text("button", source, "source-button");
    button.type = "button";
    button.addEventListener("click", () => {
      state.selected = source;
      markSelected();
      $("detail-heading").scrollIntoView({ block: "nearest" });
      clearTimeout(state.timer);
      poll(state.generation);
    });
    name.appendChild(button);
    const cell = (className) => tr.appendChild(text("td", "", className));
    tr.appendChild(name);
    const row = { tr, button, count: cell("num"), negative: cell("num"), ratio: cell("num"), window: cell(), state: cell() };
    const trend = cell();
    row.spark = SentimentCharts.svgElement("sparkline", 120, 28);
    row.spark.setAttribute("aria-hidden", "true");
    trend.appendChild(row.spark);
    state.rows.set(source, row);
    return row;
  }

  function markSelected() {
    for (const [source, row] of state.rows) {
      const selected = source === state.selected;
      row.tr.classList.toggle("selected", selected);
      if (selected) {
        row.button.setAttribute("aria-current", "true");
      } else {
        row.button.removeAttribute("aria-current");
      }
    }
  }

  // ---- source detail --------------------------------------------------------------------------------------

  function renderDetail(source, window, comments, alerts) {
    $("detail").hidden = false;
    $("detail-name").textContent = source;

    const points = state.history.get(source) || [];
    const policy = state.policies.get(source);
    // The line drawn across the chart: the threshold, or for a baseline policy the source's usual share.
    const threshold = !policy ? undefined : policy.detector === "baseline" ? (window.baseline ?? undefined) : policy.threshold;
    const share = watched(policy);
    setText($("ratio-caption"), share.model ? "Share of " + share.name + " (" + share.model + ") over time" : "Negative ratio over time");
    setText($("labels-heading"), share.model ? "Label mix of " + share.model : "Label mix");
    SentimentCharts.lineChart($("ratio-chart"), points, { min: 0, max: 1, threshold });
    $("ratio-summary").textContent = "Now " + percent(window.negativeRatio || 0) + " " + share.name + " (" + window.negativeCount +
      " of " + window.count + " in the " + describeWindow(window) + ")" +
      (policy && policy.detector === "baseline"
        ? "; usual share " + (window.baseline === null || window.baseline === undefined ? "not learnt yet" : percent(window.baseline)) + " from " + window.baselineComments + " comments (baseline detector)"
        : policy ? "; alert threshold " + percent(threshold) + " from " + policy.minCount + " comments (minCount)" : "") +
      "; " + points.length + " samples since " + (points[0] ? points[0].t.toLocaleTimeString() : "now") + ".";

    // With a watched model the window's labels are that model's; otherwise the window model's (negative marked).
    renderCounts($("labels").tBodies[0], window.labelCounts || {}, window.count, (label) => share.marks(null, label));
    renderCategories(window.modelLabelCounts, window.labelCounts || {}, share);
    renderLanguages(window);
    renderComments(comments, share);
    renderAlerts(alerts);
  }

  // The themes of the watched label's recent comments, grouped again every THEMES_MS or when the label or source changes.
  async function refreshThemes(tenant, source) {
    const share = watched(state.policies.get(source));
    const key = tenant + "/" + source + "/" + (share.model || "") + "/" + share.name;
    if (state.themes.key === key && Date.now() - state.themes.read < THEMES_MS) {
      return;
    }
    const query = "?label=" + encodeURIComponent(share.name) + (share.model ? "&model=" + encodeURIComponent(share.model) : "");
    const found = await api(sourcePath(tenant, source) + "/themes" + query);
    state.themes = { key, read: Date.now() };
    setText($("themes-label"), share.name);
    renderThemes(found);
  }

  function renderThemes(found) {
    const themes = found.themes || [];
    $("no-themes").hidden = themes.length > 0;
    setText($("no-themes"), found.message || "");
    $("themes").replaceChildren(...themes.map((theme) => {
      const li = document.createElement("li");
      li.appendChild(text("strong", theme.name));
      li.appendChild(text("span", " — " + theme.count + " comments (" + percent(theme.share) + ")"));
      const example = (theme.representatives || [])[0];
      if (example) {
        li.appendChild(document.createElement("br"));
        li.appendChild(text("q", example.text, "theme-example"));
      }
      return li;
    }));
  }

  function setText(node, content) {
    if (node.textContent !== content) {
      node.textContent = content;
    }
  }

  // marked(label): whether the label is the share the alert watches, drawn in the alert colour.
  function renderCounts(tbody, counts, total, marked) {
    const rows = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    tbody.replaceChildren(...rows.map(([label, count]) => {
      const tr = document.createElement("tr");
      tr.appendChild(text("th", label, marked(label) ? "label-watched" : "")).scope = "row";
      tr.appendChild(text("td", String(count), "num"));
      const share = document.createElement("td");
      const bar = text("div", "", marked(label) ? "bar watched" : "bar");
      const fraction = total > 0 ? count / total : 0;
      bar.style.width = (fraction * 100).toFixed(1) + "%";
      bar.setAttribute("aria-hidden", "true");
      share.appendChild(bar);
      share.appendChild(text("span", percent(fraction), "visually-hidden"));
      tr.appendChild(share);
      return tr;
    }));
  }

  function sameCounts(a, b) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
  }

  // Every model's label counts over the window, except the window model's (already in the label mix).
  function renderCategories(modelLabelCounts, windowLabels, share) {
    const container = $("categories");
    const models = Object.entries(modelLabelCounts || {}).filter(([, counts]) => !sameCounts(counts, windowLabels));
    $("no-categories").hidden = models.length > 0;
    container.replaceChildren(...models.map(([model, counts]) => {
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      const table = document.createElement("table");
      table.className = "grid bars";
      const caption = text("caption", "Model " + model);
      table.appendChild(caption);
      const head = table.createTHead().insertRow();
      for (const [title, className] of [["Category", ""], ["Comments", "num"], ["Share", ""]]) {
        const th = text("th", title, className);
        th.scope = "col";
        head.appendChild(th);
      }
      renderCounts(table.createTBody(), counts, total, (label) => share.marks(model, label));
      return table;
    }));
  }

  // The window's comments by identified language ("und": too short to tell), and how many the share leaves out.
  function renderLanguages(window) {
    renderCounts($("languages").tBodies[0], window.languageCounts || {}, window.count, () => false);
    const unread = window.count - (window.sharedComments === undefined ? window.count : window.sharedComments);
    setText($("languages-note"), unread > 0
      ? unread + " of " + window.count + " comments are in a language the window's model does not read (unsupported_language): left out of its share."
      : "");
  }

  function renderComments(comments, share) {
    const table = $("comments");
    const models = [...new Set(comments.flatMap((c) => Object.keys(c.predictions || {})))];
    const head = table.tHead.rows[0];
    const titles = ["Time", "Comment", "Language", ...models];
    if ([...head.cells].map((c) => c.textContent).join("\u0000") !== titles.join("\u0000")) {
      head.replaceChildren(...titles.map((title) => {
        const th = text("th", title);
        th.scope = "col";
        return th;
      }));
    }
    table.tBodies[0].replaceChildren(...comments.map((comment) => {
      const tr = document.createElement("tr");
      const when = comment.timestamp ? new Date(comment.timestamp) : null;
      const time = text("time", when ? when.toLocaleTimeString() : "");
      if (when) {
        time.dateTime = when.toISOString();
      }
      tr.appendChild(document.createElement("td")).appendChild(time);
      tr.appendChild(text("td", comment.text || ""));
      tr.appendChild(text("td", comment.language ? comment.language.code + " " + comment.language.confidence.toFixed(2) : "—"));
      for (const model of models) {
        const prediction = (comment.predictions || {})[model];
        const cell = document.createElement("td");
        if (prediction) {
          cell.appendChild(text("span", prediction.label, share.marks(model, prediction.label) ? "label-watched" : ""));
          cell.appendChild(text("span", " " + prediction.score.toFixed(2)));
        }
        tr.appendChild(cell);
      }
      return tr;
    }));
  }

  function renderAlerts(alerts) {
    $("no-alerts").hidden = alerts.length > 0;
    $("alerts").tBodies[0].replaceChildren(...alerts.map((alert) => {
      const tr = document.createElement("tr");
      const at = new Date(alert.at);
      const time = text("time", at.toLocaleString());
      time.dateTime = at.toISOString();
      tr.appendChild(document.createElement("td")).appendChild(time);
      tr.appendChild(text("td", alert.kind === "spike" ? "Spike" : "Recovery", alert.kind === "spike" ? "state-alerting" : "state-ok"));
      tr.appendChild(text("td", alert.model && alert.label !== "negative" ? alert.label + " (" + alert.model + ")" : alert.label || "negative"));
      tr.appendChild(text("td", alert.negativeCount + " / " + alert.count, "num"));
      tr.appendChild(text("td", alert.detector === "baseline" ? "usually " + percent(alert.baseline || 0) : percent(alert.threshold), "num"));
      tr.appendChild(text("td", (alert.themes || []).map((t) => t.name + " (" + t.count + ")").join("; ")));
      tr.appendChild(text("td", alert.delivery));
      tr.appendChild(text("td", String(alert.attempts), "num"));
      return tr;
    }));
  }

  // ---- form -----------------------------------------------------------------------------------------------

  function start() {
    const params = new URLSearchParams(location.search);
    $("tenant").value = params.get("tenant") || sessionStorage.getItem(TENANT_STORE) || "";
    $("api-key").value = state.key;

    $("connect").addEventListener("submit", (event) => {
      event.preventDefault();
      state.key = $("api-key").value.trim();
      if (state.key) {
        sessionStorage.setItem(KEY_STORE, state.key);
      } else {
        sessionStorage.removeItem(KEY_STORE);
      }
      connect();
    });
    $("forget-button").addEventListener("click", () => {
      sessionStorage.removeItem(KEY_STORE);
      state.key = "";
      $("api-key").value = "";
      connect();
    });
    connect();
  }

  start();
})();
