// Small SVG charts for the dashboard: no library, no network. Everything is built with DOM calls; data never
// becomes markup.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";

  function element(name, attributes, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) {
      node.setAttribute(key, String(value));
    }
    if (parent) {
      parent.appendChild(node);
    }
    return node;
  }

  function clear(svg) {
    while (svg.firstChild) {
      svg.removeChild(svg.firstChild);
    }
  }

  function clamp(value, min, max) {
    return Math.min(max, Math.max(min, value));
  }

  // points: [{ t: Date, v: number }] oldest first; options: { min, max, threshold, width, height }.
  function lineChart(svg, points, options) {
    clear(svg);
    const width = options.width || 600;
    const height = options.height || 200;
    const min = options.min ?? 0;
    const max = options.max ?? 1;
    const left = 40;
    const right = 8;
    const top = 8;
    const bottom = 22;
    const plotWidth = width - left - right;
    const plotHeight = height - top - bottom;
    const y = (v) => top + plotHeight - (clamp(v, min, max) - min) / (max - min) * plotHeight;

    for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
      const value = min + tick * (max - min);
      element("line", { class: "grid-line", x1: left, x2: width - right, y1: y(value), y2: y(value) }, svg);
      const label = element("text", { x: left - 6, y: y(value) + 4, "text-anchor": "end" }, svg);
      label.textContent = Math.round(value * 100) + "%";
    }
    element("line", { class: "axis", x1: left, x2: left, y1: top, y2: top + plotHeight }, svg);
    element("line", { class: "axis", x1: left, x2: width - right, y1: top + plotHeight, y2: top + plotHeight }, svg);

    if (typeof options.threshold === "number") {
      element("line", { class: "threshold", x1: left, x2: width - right, y1: y(options.threshold), y2: y(options.threshold) }, svg);
    }

    if (points.length === 0) {
      return;
    }

    const first = points[0].t.getTime();
    const last = points[points.length - 1].t.getTime();
    const span = Math.max(last - first, 1);
    const x = (t) => points.length === 1 ? left + plotWidth : left + (t.getTime() - first) / span * plotWidth;
    const path = points.map((p, i) => (i === 0 ? "M" : "L") + x(p.t).toFixed(1) + " " + y(p.v).toFixed(1)).join(" ");
    element("path", { class: "series", d: path }, svg);
    const end = points[points.length - 1];
    element("circle", { class: "point", cx: x(end.t), cy: y(end.v), r: 3.5 }, svg);

    const from = element("text", { x: left, y: height - 6, "text-anchor": "start" }, svg);
    from.textContent = points[0].t.toLocaleTimeString();
    const to = element("text", { x: width - right, y: height - 6, "text-anchor": "end" }, svg);
    to.textContent = end.t.toLocaleTimeString();
  }

  // values: numbers in [0, 1], oldest first.
  function sparkline(svg, values) {
    clear(svg);
    const width = 120;
    const height = 28;
    if (values.length === 0) {
      return;
    }
    const x = (i) => values.length === 1 ? width - 2 : 2 + i / (values.length - 1) * (width - 4);
    const y = (v) => height - 2 - clamp(v, 0, 1) * (height - 4);
    const path = values.map((v, i) => (i === 0 ? "M" : "L") + x(i).toFixed(1) + " " + y(v).toFixed(1)).join(" ");
    element("path", { class: "series", d: path }, svg);
  }

  function svgElement(className, width, height) {
    return element("svg", { class: className, viewBox: "0 0 " + width + " " + height, preserveAspectRatio: "none" });
  }

  window.SentimentCharts = { lineChart, sparkline, svgElement };
})();
