// newscorpus report: builds the page from the JSON in #report-data. Article text is data:
// every string reaches the page through textContent or a property, never as markup.
// Charts are Vega-Lite specs drawn by vega-embed; the network is drawn by Cytoscape.js.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const state = { cy: null, brush: null, binStart: null, trend: null, previous: "#overview" };
  window.newscorpusReport = state;

  const profiles = new Map(data.profiles.map((p) => [p.id, p]));
  const byName = new Map(data.profiles.map((p) => [p.name, p.id]));
  const TYPE_NAMES = { person: "أشخاص", organization: "منظمات", place: "أماكن" };
  const TYPE_ONE = { person: "شخص", organization: "منظمة", place: "مكان" };
  const KIND_NAMES = {
    body: "متن", heading: "عنوان", caption: "تعليق صورة", boilerplate: "نص متكرر (مستبعد)",
    embed: "تضمين",
  };
  const MARK_KINDS = { m: "mention", c: "claim", d: "date" };

  // --- small DOM helpers ------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  const bdi = (text, cls) => el("bdi", { class: cls }, text);
  const num = (n) => Number(n).toLocaleString("en-US");
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  const docLink = (ref) => `#doc/${ref.document}/${ref.start}/${ref.end}`;

  function actorLink(name, id, type) {
    const known = id !== null && id !== undefined && profiles.has(id) ? id : byName.get(name);
    if (known === undefined) return bdi(name);
    const kind = type || profiles.get(known).type;
    return el("a", { href: `#actor/${known}`, class: `actor-link type-${kind}` }, bdi(name));
  }

  const day = (published) => (published ? published.slice(0, 10) : null);

  function sourceLine(published, title, outlet) {
    const parts = [day(published), outlet, title].filter(Boolean);
    return parts.length ? parts.join(" · ") : "(مقال بلا عنوان)";
  }

  // --- items ------------------------------------------------------------------------
  function claimItem(claim, withSpeaker) {
    const direct = claim.kind === "direct";
    const head = el("div", {},
      withSpeaker ? actorLink(claim.speaker_actor || claim.speaker, claim.speaker_id) : null,
      " ", bdi(claim.cue, "muted"),
      claim.via ? el("span", { class: "muted" }, " عبر ", bdi(claim.via)) : null,
      direct ? el("span", { class: "quote-badge" }, "اقتباس") : null);
    const words = el("blockquote", { class: direct ? "said direct" : "said" },
      el("a", { href: docLink(claim.ref), class: "claim-link", title: "افتح المقال عند التصريح" },
        direct ? `«${claim.content}»` : claim.content));
    const where = el("div", { class: "muted small-print" },
      el("a", { href: `#doc/${claim.ref.document}`, class: "source-link" },
        bdi(sourceLine(claim.published, claim.title, null))));
    return el("li", { class: "claim" }, head, words, where);
  }

  function eventItem(event) {
    const actors = el("div", {}, ...event.actors.slice(0, 8).map((name, i) =>
      el("span", { class: "chip" }, actorLink(name, event.actor_ids[i]))));
    const sources = el("ul", { class: "muted small-print" }, ...event.sources.map((s) =>
      el("li", {}, el("a", { href: `#doc/${s.document}`, class: "source-link" },
        bdi(sourceLine(s.published, s.title, s.outlet))))));
    const count = event.documents > 1 ? ` · ${num(event.documents)} مقالا` : "";
    return el("li", { class: "event", dataset: { date: event.date } },
      el("div", {}, el("strong", {}, bdi(event.date)), el("span", { class: "muted" }, count)),
      el("a", { href: docLink(event.ref), class: "event-link" }, event.text),
      actors, sources);
  }

  function mentionItem(mention) {
    const article = data.articles[mention.ref.document];
    return el("li", {}, el("a", { href: docLink(mention.ref), class: "mention-link" },
      "«", bdi(mention.text), "»"), " ",
      el("span", { class: "muted small-print" },
        bdi(sourceLine(article.published, article.title, article.outlet))));
  }

  function fillList(list, items, make, empty) {
    clear(list);
    if (!items.length) list.append(el("li", { class: "muted" }, empty || "لا شيء"));
    for (const item of items) list.append(make(item));
  }

  // --- charts -----------------------------------------------------------------------
  function chartConfig() {
    const css = getComputedStyle(document.documentElement);
    const fg = css.getPropertyValue("--fg").trim();
    const muted = css.getPropertyValue("--muted").trim();
    const line = css.getPropertyValue("--line").trim();
    const font = css.getPropertyValue("font-family");
    return {
      background: null, font, view: { stroke: null },
      axis: { labelColor: muted, titleColor: fg, gridColor: line, domainColor: line, tickColor: line,
        labelFont: font, titleFont: font },
      mark: { color: css.getPropertyValue("--accent").trim() },
    };
  }

  // Dates are days, read as UTC midnight and binned in UTC, so a bar and a brushed period
  // mean the same days wherever the page is opened.
  // counts are whole numbers: small ranges get one tick per value, never 0.5
  function countAxis(values) {
    const top = Math.max(0, ...values);
    const axis = { format: "d", tickMinStep: 1 };
    if (top <= 8) axis.values = Array.from({ length: top + 1 }, (_, i) => i);
    return axis;
  }

  const TIME_UNITS = { utcyearmonthdate: ["year", "month", "date"], utcyearweek: ["year", "week"],
    utcyearmonth: ["year", "month"] };

  function timeUnitFor(dates) {
    if (dates.length < 2) return "utcyearmonthdate";
    const days = (Date.parse(dates[dates.length - 1]) - Date.parse(dates[0])) / 864e5;
    return days > 3 * 365 ? "utcyearmonth" : days > 90 ? "utcyearweek" : "utcyearmonthdate";
  }

  // the sums the chart's bars will show, to size its axis
  function barSums(counts, unit) {
    const floor = vega.utcFloor(TIME_UNITS[unit]);
    const sums = new Map();
    for (const c of counts) {
      const bar = +floor(new Date(c.name));
      sums.set(bar, (sums.get(bar) || 0) + c.count);
    }
    return [...sums.values()];
  }

  function drawTimeline() {
    const from = data.overview.published_from;
    const to = data.overview.published_to;
    const floor = from ? `${Number(from.slice(0, 4)) - 1}-01-01` : "";
    const ceiling = to ? `${Number(to.slice(0, 4)) + 1}-12-31` : "9999";
    const counts = data.event_counts.filter((c) => c.name >= floor && c.name <= ceiling);
    const note = document.getElementById("timeline-note");
    note.textContent = `${num(data.total_events)} حدثا مؤرخا باليوم في المقالات المختارة؛` +
      ` المعروض أدناه أكثرها تغطية (${num(data.events.length)}).` +
      (counts.length < data.event_counts.length
        ? ` الرسم من ${floor.slice(0, 4)} إلى ${ceiling.slice(0, 4)} (سنة قبل النشر وسنة بعده).` : "") +
      " اسحب على الرسم لاختيار فترة.";
    const container = document.getElementById("timeline-chart");
    if (!counts.length) { container.textContent = "لا أحداث مؤرخة باليوم."; return Promise.resolve(); }
    const unit = timeUnitFor(counts.map((c) => c.name));
    state.binStart = vega.utcFloor(TIME_UNITS[unit]);  // the bar an event is counted in
    const spec = {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      width: "container", height: 220, autosize: { type: "fit-x", contains: "padding" },
      data: { values: counts.map((c) => ({ date: c.name, events: c.count })) },
      params: [{ name: "brush", select: { type: "interval", encodings: ["x"] } }],
      mark: { type: "bar", tooltip: true },
      encoding: {
        x: { field: "date", timeUnit: unit, type: "temporal", title: "تاريخ الحدث" },
        y: { aggregate: "sum", field: "events", type: "quantitative", title: "أحداث",
          axis: countAxis(barSums(counts, unit)) },
      },
      config: chartConfig(),
    };
    return vegaEmbed(container, spec, { actions: false, renderer: "svg" }).then((result) => {
      result.view.addSignalListener("brush", (_name, value) => {
        const range = value && Object.values(value)[0];
        state.brush = range && range.length === 2 ? [+new Date(range[0]), +new Date(range[1])] : null;
        filterEvents();
      });
    });
  }

  function filterEvents() {
    const shown = document.getElementById("timeline-filter");
    let visible = 0;
    for (const item of document.querySelectorAll("#timeline-events > li.event")) {
      // as Vega-Lite selects bars: an event is in when its bar's start is in the period
      const t = state.brush ? +state.binStart(new Date(item.dataset.date)) : 0;
      const keep = !state.brush || (t >= state.brush[0] && t <= state.brush[1]);
      item.hidden = !keep;
      if (keep) visible += 1;
    }
    shown.textContent = state.brush
      ? `الفترة المختارة: ${new Date(state.brush[0]).toISOString().slice(0, 10)} – ` +
        `${new Date(state.brush[1]).toISOString().slice(0, 10)} (${num(visible)} حدثا)`
      : "";
  }

  function drawTrend(profile) {
    if (state.trend) state.trend.finalize();  // the previous actor's chart, and its listeners
    state.trend = null;
    const container = clear(document.getElementById("profile-trend"));
    if (!profile.trend.length) { container.textContent = "لا مقالات مؤرخة."; return; }
    const spec = {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      width: "container", height: 150, autosize: { type: "fit-x", contains: "padding" },
      data: { values: profile.trend.map((p) => ({ month: p.name, mentions: p.count })) },
      mark: { type: profile.trend.length > 1 ? "line" : "bar", point: true, tooltip: true },
      encoding: {
        x: { field: "month", timeUnit: "utcyearmonth", type: "temporal", title: "شهر النشر" },
        y: { field: "mentions", type: "quantitative", title: "إشارات",
          axis: countAxis(profile.trend.map((p) => p.count)) },
      },
      config: chartConfig(),
    };
    const target = el("div");  // cleared with the container when another actor is shown
    container.append(target);
    vegaEmbed(target, spec, { actions: false, renderer: "svg" }).then((result) => {
      if (target.isConnected) state.trend = result.view;
      else result.finalize();  // an actor shown before, whose chart came late
    });
  }

  function drawNetwork() {
    const container = document.getElementById("network");
    const nodes = data.network.nodes;
    if (!nodes.length) { container.textContent = "لا أزواج كافية لرسم شبكة."; return; }
    const css = getComputedStyle(document.documentElement);
    const color = (type) => css.getPropertyValue(`--${type}`).trim();
    const most = Math.max(...nodes.map((n) => n.windows));
    const heaviest = Math.max(...data.network.edges.map((e) => e.weight));
    const elements = nodes.map((n) => ({
      data: { id: String(n.id), label: n.name, type: n.type,
        size: 18 + 42 * Math.sqrt(n.windows / most) },
    })).concat(data.network.edges.map((e, i) => ({
      data: { id: `e${i}`, source: String(e.source_id), target: String(e.target_id),
        width: 1 + 6 * (e.weight / heaviest), weight: e.weight },
    })));
    state.cy = cytoscape({
      container, elements, minZoom: 0.2, maxZoom: 4,
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 40000,
        idealEdgeLength: () => 110, nodeOverlap: 20, gravity: 0.6, padding: 20 },
      style: [
        { selector: "node", style: {
          width: "data(size)", height: "data(size)", label: "data(label)",
          "font-family": css.getPropertyValue("font-family"), "font-size": 20,
          "min-zoomed-font-size": 7,
          color: css.getPropertyValue("--fg").trim(), "text-valign": "bottom", "text-margin-y": 3,
          "text-outline-width": 2, "text-outline-color": css.getPropertyValue("--card").trim() } },
        { selector: 'node[type = "person"]', style: { "background-color": color("person") } },
        { selector: 'node[type = "organization"]', style: { "background-color": color("organization") } },
        { selector: 'node[type = "place"]', style: { "background-color": color("place") } },
        { selector: "edge", style: { width: "data(width)", "line-color": css.getPropertyValue("--line").trim(),
          opacity: 0.8, "curve-style": "haystack" } },
        { selector: "node:selected", style: { "border-width": 3, "border-color": color("target") } },
      ],
    });
    state.cy.on("tap", "node", (event) => { location.hash = `#actor/${event.target.id()}`; });
  }

  // --- views ------------------------------------------------------------------------
  function renderOverview() {
    const o = data.overview;
    const span = o.published_from ? `${o.published_from} – ${o.published_to}` : "غير معروف";
    const cards = [
      ["مقالات", num(o.documents)], ["منافذ", num(o.outlets.filter((x) => x.name).length)],
      ["فترة النشر", span], ["بلا تاريخ نشر", num(o.undated)], ["إشارات إلى فاعلين", num(o.mentions)],
      ["تصريحات", num(o.claims)], ["تواريخ", num(o.dates)], ["أحداث", num(o.events)],
      ...o.actors.map((a) => [TYPE_NAMES[a.name] || a.name, num(a.count)]),
    ];
    const box = clear(document.getElementById("overview-cards"));
    for (const [label, value] of cards) {
      box.append(el("div", { class: "card" }, el("span", { class: "n" }, bdi(value)), label));
    }
    const outlets = clear(document.getElementById("overview-outlets"));
    for (const outlet of o.outlets.slice(0, 25)) {
      outlets.append(el("tr", {}, el("td", {}, bdi(outlet.name || "(بلا منفذ)")),
        el("td", { class: "num" }, num(outlet.count))));
    }
    const paragraphs = clear(document.getElementById("overview-paragraphs"));
    for (const kind of o.paragraphs) {
      paragraphs.append(el("tr", {}, el("td", {}, KIND_NAMES[kind.name] || kind.name),
        el("td", { class: "num" }, num(kind.count))));
    }
    document.getElementById("overview-kept-out").textContent =
      `${num(o.kept_out)} فقرة أُبقيت خارج التحليل (نص متكرر، تعليقات صور مكررة): تُحفظ وتُعرض ولا تُحلَّل.`;
    const meta = clear(document.getElementById("report-meta"));
    meta.append("أُعدّ في ", bdi(data.generated.replace("T", " ").replace("+00:00", " UTC")));
    if (data.filters.length) {
      meta.append(" · النطاق: ", ...data.filters.flatMap((f, i) =>
        [i ? "، " : "", bdi(`${f.option} ${f.value}`)]));
    }
  }

  function renderActorLists() {
    const box = clear(document.getElementById("actor-lists"));
    for (const type of ["person", "organization", "place"]) {
      const ids = data.actors.filter((id) => profiles.get(id).type === type);
      const list = el("ol", { class: "items actor-list" });
      for (const id of ids) {
        const p = profiles.get(id);
        const extra = p.aliases.filter((a) => a !== p.name).slice(0, 3).join("، ");
        list.append(el("li", {}, actorLink(p.name, id, type), " ",
          el("span", { class: "muted small-print" }, `${num(p.mentions)} إشارة`,
            p.ambiguous ? " · قد يجمع أكثر من فاعل" : "",
            extra ? el("span", {}, " · ", bdi(extra)) : null)));
      }
      if (!ids.length) list.append(el("li", { class: "muted" }, "لا أحد"));
      box.append(el("div", {}, el("h3", { class: `type-${type}` }, TYPE_NAMES[type]), list));
    }
  }

  function renderProfile(id) {
    const p = profiles.get(id);
    if (!p) return false;
    document.getElementById("profile-name").textContent = p.name;
    document.getElementById("profile-name").className = `type-${p.type}`;
    document.getElementById("profile-meta").textContent =
      `${TYPE_ONE[p.type] || p.type} · ${num(p.mentions)} إشارة في ${num(p.documents)} مقالا` +
      (p.ambiguous ? " · قد يجمع هذا الاسم أكثر من فاعل" : "");
    const facts = clear(document.getElementById("profile-facts"));
    facts.append(el("dt", {}, "صيغ الاسم"), el("dd", {}, ...p.aliases.map((a) => el("span", { class: "chip" }, bdi(a)))));
    if (p.roles.length) {
      facts.append(el("dt", {}, "الصفات"), el("dd", {}, ...p.roles.map((r) => el("span", { class: "chip" }, bdi(r)))));
    }
    fillList(document.getElementById("profile-claims"), p.claims, (c) => claimItem(c, false), "لا تصريحات منسوبة إليه.");
    fillList(document.getElementById("profile-about"), p.said_about, (c) => claimItem(c, true), "لا تصريحات تذكره.");
    fillList(document.getElementById("profile-events"), p.events, eventItem, "لا أحداث مؤرخة باليوم.");
    fillList(document.getElementById("profile-mentions"), p.seen_in, mentionItem);
    if (state.cy) { state.cy.$(":selected").unselect(); state.cy.$id(String(id)).select(); }
    drawTrend(p);
    return true;
  }

  function renderClaims() {
    const box = clear(document.getElementById("speakers"));
    if (!data.speakers.length) box.append(el("p", { class: "muted" }, "لا تصريحات منسوبة إلى فاعلين."));
    for (const s of data.speakers) {
      const list = el("ol", { class: "items" });
      fillList(list, s.shown, (c) => claimItem(c, false));
      box.append(el("div", { class: "speaker" },
        el("h3", {}, actorLink(s.name, s.id), " ",
          el("span", { class: "muted small-print" }, `${num(s.claims)} تصريحا، منها ${num(s.direct)} اقتباسا`)),
        list));
    }
  }

  function renderArticle(docId, start, end) {
    const article = data.articles[docId];
    if (!article) return false;
    document.getElementById("article-title").textContent = article.title || "(مقال بلا عنوان)";
    document.getElementById("article-meta").textContent =
      [article.outlet, day(article.published), `مقال ${docId}`].filter(Boolean).join(" · ");
    const body = clear(document.getElementById("article-body"));
    let target = null;
    for (const [index, kind, pStart, text] of article.paragraphs) {
      const chars = Array.from(text);  // offsets count code points, as Python's do
      const pEnd = pStart + chars.length;
      const marks = article.marks.filter(([s, e]) => s < pEnd && e > pStart)
        .map(([s, e, k, label]) => [s, e, MARK_KINDS[k], label]);
      const aimed = start !== null && start < pEnd && end > pStart;
      const cuts = new Set([pStart, pEnd]);
      for (const [s, e] of aimed ? [...marks, [start, end]] : marks) {
        cuts.add(Math.max(s, pStart)); cuts.add(Math.min(e, pEnd));
      }
      const points = [...cuts].sort((a, b) => a - b);
      const para = el("p", { class: `kind-${kind}`, dir: "auto", dataset: { paragraph: index } });
      let wrapper = null;  // the chosen item's span holds the marked pieces inside it
      for (let i = 0; i + 1 < points.length; i++) {
        const [a, b] = [points[i], points[i + 1]];
        const piece = chars.slice(a - pStart, b - pStart).join("");
        const active = marks.filter(([s, e]) => s <= a && e >= b);
        let node = piece;
        if (active.length) {
          const kinds = [...new Set(active.map((m) => m[2]))];
          node = el("span", { class: ["mark", ...kinds].join(" ") }, piece);
          node.title = active.filter((m) => m[3]).map((m) => m[3]).join(" · ");
        }
        if (aimed && a >= start && b <= end) {
          if (!wrapper) {
            wrapper = el("span", { class: "mark target", id: target ? null : "target" });
            target = target || wrapper;
            para.append(wrapper);
          }
          wrapper.append(node);
        } else {
          para.append(node);
        }
      }
      body.append(para);
    }
    if (target) requestAnimationFrame(() => target.scrollIntoView({ block: "center" }));
    else window.scrollTo(0, 0);
    return true;
  }

  // --- routing ----------------------------------------------------------------------
  const drawn = {};
  function ensure(view) {
    if (drawn[view]) return;
    drawn[view] = true;
    if (view === "actors") drawNetwork();
    if (view === "timeline") drawTimeline();
  }

  function show(view) {
    for (const section of document.querySelectorAll("main > section.view")) {
      section.classList.toggle("shown", section.id === `view-${view}`);
    }
    for (const tab of document.querySelectorAll("nav#tabs a")) {
      const current = tab.dataset.view === view || (view === "profile" && tab.dataset.view === "actors");
      tab.classList.toggle("active", current);
      if (current) tab.setAttribute("aria-current", "page"); else tab.removeAttribute("aria-current");
    }
    ensure(view);
    if (view === "actors" && state.cy) { state.cy.resize(); state.cy.fit(undefined, 20); }
  }

  function route() {
    const parts = location.hash.replace(/^#/, "").split("/");
    const [view, ...rest] = parts;
    if (view === "actor" && renderProfile(Number(rest[0]))) {
      show("profile");
      window.scrollTo(0, 0);
      state.previous = location.hash;
      return;
    }
    if (view === "doc") {
      const [doc, start, end] = rest.map(Number);
      const hasSpan = rest.length >= 3 && Number.isFinite(start) && Number.isFinite(end);
      if (renderArticle(doc, hasSpan ? start : null, hasSpan ? end : null)) { show("article"); return; }
    }
    const known = ["overview", "actors", "timeline", "claims"];
    show(known.includes(view) ? view : (data.focus !== null ? "profile" : "overview"));
    window.scrollTo(0, 0);  // the tabs stay in sight (a hash would scroll to its section)
    if (!known.includes(view) && data.focus !== null) renderProfile(data.focus);
    if (known.includes(view)) state.previous = location.hash;
  }

  // "back" from an article goes to the view it was opened from, never out of the report
  document.getElementById("article-back").addEventListener("click", (event) => {
    event.preventDefault();
    location.hash = state.previous;
  });
  window.addEventListener("hashchange", route);
  window.addEventListener("beforeprint", () => { ensure("actors"); ensure("timeline"); });

  renderOverview();
  renderActorLists();
  fillList(document.getElementById("timeline-events"), data.events, eventItem, "لا أحداث مؤرخة باليوم.");
  renderClaims();
  route();
  state.ready = true;
  document.documentElement.dataset.ready = "true";
})();
