// The playground page: sends the student's settings to the server, draws the frames it streams back.
'use strict';

const FEATURE_LABELS = {
  'x1': 'x₁', 'x2': 'x₂', 'x1^2': 'x₁²', 'x2^2': 'x₂²', 'x1*x2': 'x₁x₂', 'sin(x1)': 'sin πx₁', 'sin(x2)': 'sin πx₂',
};
const NODE = 36;
const state = {
  session: null, options: null, settings: null, events: null, data: null, frame: null,
  frames: 0, history: [], trace: null, traceStage: 0, selectedPoint: null,
};
window.playground = state;

const $ = (id) => document.getElementById(id);
const fmt = (v) => (v === null || v === undefined || Number.isNaN(v)) ? '–'
  : (Math.abs(v) >= 1e-3 || v === 0 ? Number(v.toPrecision(3)).toString() : v.toExponential(2));

// Colours as in the TensorFlow playground: orange for −1, near-white for 0, blue for +1.
function color(v) {
  const t = Math.max(-1, Math.min(1, v));
  const mid = [232, 234, 235], neg = [245, 147, 34], pos = [8, 119, 189];
  const end = t < 0 ? neg : pos, a = Math.abs(t);
  return mid.map((m, i) => Math.round(m + (end[i] - m) * a));
}
const css = (v) => `rgb(${color(v).join(',')})`;

// A neuron's grid as values in [−m, m]: q = round(127.5(v/m + 1)) sent as base64 bytes.
function decode(neuron) {
  const bytes = atob(neuron.values);
  const values = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) values[i] = neuron.scale * (2 * bytes.charCodeAt(i) / 255 - 1);
  return values;
}

function drawGrid(canvas, values, grid, discretize) {
  const g = canvas.getContext('2d');
  const image = g.createImageData(grid, grid);
  for (let i = 0; i < values.length; i++) {
    const c = color(discretize ? Math.sign(values[i]) : values[i]);
    image.data.set([c[0], c[1], c[2], 255], 4 * i);
  }
  const small = document.createElement('canvas');
  small.width = small.height = grid;
  small.getContext('2d').putImageData(image, 0, 0);
  g.imageSmoothingEnabled = true;
  g.drawImage(small, 0, 0, canvas.width, canvas.height);
}

async function api(path, body) {
  const response = await fetch(`/api/sessions${path}`, {
    method: 'POST', headers: {'Content-Type': 'application/json'}, body: body ? JSON.stringify(body) : '',
  });
  const json = await response.json();
  if (!response.ok) {
    $('error').textContent = json.error;
    throw new Error(json.error);
  }
  $('error').textContent = '';
  return json;
}

async function openSession() {
  const created = await api('', null);
  state.session = created.id;
  state.options = created.options;
  state.settings = created.settings;
  buildControls();
  state.events = new EventSource(`/api/sessions/${state.session}/events`);
  state.events.addEventListener('data', (e) => { state.data = JSON.parse(e.data); onData(); });
  state.events.addEventListener('frame', (e) => { state.frame = JSON.parse(e.data); state.frames++; onFrame(); });
  state.events.onerror = () => { if (state.events.readyState === EventSource.CLOSED) reopen(); };
}

async function reopen() {
  state.events.close();
  state.history = [];
  await openSession();
}

async function change(fields) {
  state.settings = await api(`/${state.session}/settings`, fields);
  showSettings();
}

function buildControls() {
  $('activation').innerHTML = state.options.activations.map((a) => `<option>${a}</option>`).join('');
  showSettings();
}

function showSettings() {
  const s = state.settings;
  $('problem').value = s.problem;
  $('activation').value = s.activation;
  $('learning-rate').value = String(s.learningRate);
  $('regularization').value = s.regularization;
  $('regularization-rate').value = String(s.regularizationRate);
  for (const [id, key] of [['train-percent', 'trainPercent'], ['noise', 'noise'], ['batch-size', 'batchSize']]) {
    $(id).value = s[key];
    $(`${id}-value`).textContent = s[key];
  }
  const regression = ['plane', 'multi-gaussian'];
  $('datasets').innerHTML = state.options.datasets
    .filter((d) => regression.includes(d) === (s.problem === 'regression'))
    .map((d) => `<button data-dataset="${d}" class="${d === s.dataset ? 'selected' : ''}">${d}</button>`).join('');
  const layers = s.hidden.length;
  $('hidden-count').textContent = `${layers} hidden layer${layers === 1 ? '' : 's'}`;
}

function onData() {
  state.settings = state.data.settings;
  state.history = [];
  showSettings();
  drawHeatmap();
}

function onFrame() {
  const f = state.frame;
  if (state.history.length && f.epoch < state.history[state.history.length - 1].epoch) state.history = [];
  if (!state.history.length || state.history[state.history.length - 1].epoch !== f.epoch) {
    state.history.push({epoch: f.epoch, train: f.trainLoss, test: f.testLoss});
    if (state.history.length > 1000) state.history.splice(0, state.history.length - 1000);
  }
  $('epoch').textContent = String(f.epoch).padStart(6, '0');
  $('train-loss').textContent = fmt(f.trainLoss);
  $('test-loss').textContent = fmt(f.testLoss);
  $('test-loss').dataset.value = f.testLoss;
  $('play').innerHTML = f.playing ? '&#10074;&#10074;' : '&#9654;';
  $('error').textContent = f.error || '';
  drawHeatmap();
  drawNetwork();
  drawLossChart();
  drawGradientNorms();
}

function drawHeatmap() {
  const canvas = $('heatmap'), g = canvas.getContext('2d');
  const f = state.frame, d = state.data;
  if (f) drawGrid(canvas, decode(f.neurons[f.neurons.length - 1][0]), f.grid, $('discretize').checked);
  if (!d) return;
  const regression = d.settings.problem === 'regression';
  const dot = (p, test) => {
    const x = (p[0] + 1) / 2 * canvas.width, y = (1 - p[1]) / 2 * canvas.height;
    g.beginPath();
    g.arc(x, y, 3.5, 0, 2 * Math.PI);
    g.fillStyle = css(regression ? p[2] : 2 * p[2] - 1);
    g.fill();
    g.strokeStyle = test ? 'black' : 'white';
    g.lineWidth = test ? 1.5 : 1;
    g.stroke();
  };
  d.train.forEach((p) => dot(p, false));
  if ($('show-test').checked) d.test.forEach((p) => dot(p, true));
  if (state.selectedPoint !== null) {
    const p = d.train[state.selectedPoint];
    g.beginPath();
    g.arc((p[0] + 1) / 2 * canvas.width, (1 - p[1]) / 2 * canvas.height, 8, 0, 2 * Math.PI);
    g.strokeStyle = 'black';
    g.lineWidth = 2;
    g.stroke();
  }
}

// The network: a column per layer (features, hidden layers, output), links drawn as SVG curves behind the nodes.
function drawNetwork() {
  const f = state.frame, s = state.settings, box = $('network');
  if (!f || !state.data) return;
  const gradients = $('show-gradients').checked && f.gradients;
  const columns = [Object.keys(FEATURE_LABELS), ...s.hidden.map((n) => Array.from({length: n}, (_, i) => i)), [0]];
  const width = box.clientWidth, x = (c) => 60 + c * (width - 120) / (columns.length - 1);
  const y = (i) => 40 + i * 56;
  const active = s.features;
  const position = columns.map((col, c) => col.map((_, i) => ({x: x(c), y: y(i)})));
  // Layer c's inputs are the active features for c = 1, else the previous column.
  const sources = (c) => c === 1 ? active.map((id) => columns[0].indexOf(id)) : columns[c - 1].map((_, i) => i);
  let svg = `<svg width="${width}" height="460" data-mode="${gradients ? 'gradients' : 'weights'}">`;
  for (let c = 1; c < columns.length; c++) {
    const values = gradients ? f.gradients[c - 1].w : f.weights[c - 1].w;
    const biggest = Math.max(1e-12, ...values.flat().map(Math.abs));
    sources(c).forEach((from, i) => columns[c].forEach((_, j) => {
      const v = values[i][j], a = position[c - 1][from], b = position[c][j];
      const w = gradients ? 0.5 + 5 * Math.abs(v) / biggest : Math.min(8, 0.5 + 2 * Math.abs(v));
      const mx = (a.x + b.x + NODE) / 2;
      svg += `<path class="link" d="M${a.x + NODE},${a.y + NODE / 2} C${mx},${a.y + NODE / 2} ${mx},`
        + `${b.y + NODE / 2} ${b.x},${b.y + NODE / 2}" stroke="${css(Math.sign(v) * Math.min(1, 0.3 + Math.abs(v)))}"`
        + ` stroke-width="${w.toFixed(2)}" fill="none"><title>${gradients ? '∂J/∂w' : 'w'} = ${fmt(v)}</title></path>`;
    }));
  }
  svg += '</svg>';
  let html = svg;
  columns.forEach((col, c) => {
    const title = c === 0 ? 'Features' : c === columns.length - 1 ? 'Output' : `${col.length} neurons`;
    html += `<div class="layer-title" style="left:${x(c) - 22}px">${title}`;
    if (c > 0 && c < columns.length - 1) {
      html += `<br><button class="add-neuron" data-layer="${c - 1}">+</button>`
        + `<button class="remove-neuron" data-layer="${c - 1}">&minus;</button>`;
    }
    html += '</div>';
    col.forEach((id, i) => {
      const p = position[c][i];
      const feature = c === 0, on = !feature || active.includes(id);
      const delta = gradients && !feature ? `<span class="delta">δ ${fmt(f.gradients[c - 1].b[i])}</span>` : '';
      const label = feature ? `<span class="label">${FEATURE_LABELS[id]}</span>` : '';
      html += `<div class="node${feature ? ' feature' : ''}${on ? '' : ' inactive'}" data-column="${c}" `
        + `data-index="${i}" data-feature="${feature ? id : ''}" style="left:${p.x}px;top:${p.y}px">`
        + `<canvas width="${f.grid}" height="${f.grid}"></canvas>${label}${delta}</div>`;
    });
  });
  box.innerHTML = html;
  box.querySelectorAll('.node').forEach((node) => {
    const c = Number(node.dataset.column);
    const n = c === 0 ? active.indexOf(node.dataset.feature) : Number(node.dataset.index);
    if (n >= 0) drawGrid(node.querySelector('canvas'), decode(f.neurons[c][n]), f.grid, false);
  });
  highlightTraceLayer();
}

function drawLossChart() {
  const canvas = $('loss-chart'), g = canvas.getContext('2d'), h = state.history;
  g.clearRect(0, 0, canvas.width, canvas.height);
  if (h.length < 2) return;
  const top = Math.max(1e-9, ...h.map((p) => Math.max(p.train || 0, p.test || 0)));
  for (const [key, stroke] of [['train', '#999'], ['test', '#000']]) {
    g.beginPath();
    h.forEach((p, i) => {
      const px = i / (h.length - 1) * canvas.width, py = canvas.height * (1 - (p[key] || 0) / top);
      if (i === 0) g.moveTo(px, py); else g.lineTo(px, py);
    });
    g.strokeStyle = stroke;
    g.stroke();
  }
}

// One bar per layer of log₁₀‖∂J/∂W‖ from 1e−8 to 10: vanishing gradients show as short bars on the left.
function drawGradientNorms() {
  const canvas = $('gradient-norms'), g = canvas.getContext('2d'), norms = state.frame.gradientNorms;
  g.clearRect(0, 0, canvas.width, canvas.height);
  canvas.dataset.norms = JSON.stringify(norms);
  const slot = canvas.width / Math.max(1, norms.length);
  norms.forEach((n, i) => {
    const t = Math.max(0, Math.min(1, (Math.log10(Math.max(n, 1e-12)) + 8) / 9));
    g.fillStyle = '#0877bd';
    g.fillRect(i * slot + 8, canvas.height - 18 - t * (canvas.height - 30), slot - 16, t * (canvas.height - 30));
    g.fillStyle = '#333';
    g.font = '11px sans-serif';
    g.fillText(`layer ${i + 1}: ${fmt(n)}`, i * slot + 8, canvas.height - 4);
  });
}

// Stepping through one example: the forward values, the loss, then the chain rule layer by layer, backwards.
function traceStages(t) {
  const stages = [{title: 'Input', layer: 0,
    text: t.features.map((name, i) => `x${i + 1} = ${name} = ${fmt(t.input[i])}`).join('\n')
      + `\n\npoint (${fmt(t.point[0])}, ${fmt(t.point[1])}), target t = ${fmt(t.target)}`}];
  let column = 0;
  t.forward.forEach((s) => {
    if (s.kind === 'dense') {
      column++;
      stages.push({title: `Forward, layer ${column}: ${s.layer}, z = xW + b`, layer: column,
        text: s.output.map((z, j) => `z${j + 1} = ` + s.input.map((x, i) => `${fmt(x)}·${fmt(s.weights[i][j])}`)
          .join(' + ') + ` + ${fmt(s.bias[j])} = ${fmt(z)}`).join('\n')});
    } else {
      stages.push({title: `Forward, layer ${column}: a = ${s.layer}(z)`, layer: column,
        text: s.output.map((a, j) => `a${j + 1} = ${s.layer}(${fmt(s.input[j])}) = ${fmt(a)}`).join('\n')});
    }
  });
  stages.push({title: 'Loss', layer: column,
    text: `ŷ = ${fmt(t.prediction)}, t = ${fmt(t.target)}\nJ = ${t.lossName} = ${fmt(t.loss)}`});
  t.backward.forEach((s) => {
    if (s.kind === 'dense') {
      const first = s.gradOutput.map((d, j) => `∂J/∂z${j + 1} = ${fmt(d)}`).join('\n');
      const weights = s.weightGradient.map((row, i) => row.map((g, j) =>
        `∂J/∂w${i + 1}${j + 1} = x${i + 1}·∂J/∂z${j + 1} = ${fmt(s.input[i])} × ${fmt(s.gradOutput[j])} = ${fmt(g)}`)
        .join('\n')).join('\n');
      const inputs = s.gradInput.map((g, i) => `∂J/∂x${i + 1} = Σⱼ w${i + 1}ⱼ·∂J/∂zⱼ = `
        + s.weights[i].map((w, j) => `${fmt(w)}·${fmt(s.gradOutput[j])}`).join(' + ') + ` = ${fmt(g)}`).join('\n');
      stages.push({title: `Backward, layer ${column}: ${s.layer}`, layer: column,
        text: `${first}\n\n${weights}\n\n∂J/∂b = ∂J/∂z\n\n${inputs}`});
      column--;
    } else {
      stages.push({title: `Backward, layer ${column}: ${s.layer}, ∂J/∂z = ∂J/∂a · ∂a/∂z`, layer: column,
        text: s.gradInput.map((g, j) => `∂J/∂z${j + 1} = ∂J/∂a${j + 1} · ∂a${j + 1}/∂z${j + 1} = `
          + `${fmt(s.gradOutput[j])} × ${fmt(s.local[j])} = ${fmt(g)}`).join('\n')});
    }
  });
  return stages;
}

async function startTrace(point) {
  state.selectedPoint = point;
  state.trace = traceStages(await api(`/${state.session}/trace`, {point}));
  state.traceStage = 0;
  $('trace').hidden = false;
  document.body.classList.add('tracing');
  showTraceStage();
  drawHeatmap();
}

function showTraceStage() {
  const stage = state.trace[state.traceStage];
  $('trace-title').textContent = stage.title;
  $('trace-stage').textContent = stage.text;
  $('trace-position').textContent = `step ${state.traceStage + 1} of ${state.trace.length}`;
  highlightTraceLayer();
}

function highlightTraceLayer() {
  document.querySelectorAll('.node').forEach((n) => n.classList.toggle('highlight',
    !$('trace').hidden && state.trace && Number(n.dataset.column) === state.trace[state.traceStage].layer));
}

function nearestTrainingPoint(event) {
  const canvas = $('heatmap'), r = canvas.getBoundingClientRect();
  const x = (event.clientX - r.left) / r.width * 2 - 1, y = 1 - (event.clientY - r.top) / r.height * 2;
  let best = 0, bestDistance = Infinity;
  state.data.train.forEach((p, i) => {
    const d = (p[0] - x) ** 2 + (p[1] - y) ** 2;
    if (d < bestDistance) { best = i; bestDistance = d; }
  });
  return best;
}

function wire() {
  $('play').onclick = () => api(`/${state.session}/${state.frame && state.frame.playing ? 'pause' : 'play'}`);
  $('step').onclick = () => api(`/${state.session}/step`);
  $('reset').onclick = () => { state.history = []; api(`/${state.session}/reset`); };
  $('regenerate').onclick = () => change({seed: Math.floor(Math.random() * 1e9)});
  $('learning-rate').onchange = (e) => change({learningRate: Number(e.target.value)});
  $('activation').onchange = (e) => change({activation: e.target.value});
  $('regularization').onchange = (e) => change({regularization: e.target.value});
  $('regularization-rate').onchange = (e) => change({regularizationRate: Number(e.target.value)});
  $('problem').onchange = (e) => change(e.target.value === 'regression'
    ? {problem: 'regression', dataset: 'plane'} : {problem: 'classification', dataset: 'circle'});
  $('train-percent').onchange = (e) => change({trainPercent: Number(e.target.value)});
  $('noise').onchange = (e) => change({noise: Number(e.target.value)});
  $('batch-size').onchange = (e) => change({batchSize: Number(e.target.value)});
  $('datasets').onclick = (e) => { if (e.target.dataset.dataset) change({dataset: e.target.dataset.dataset}); };
  $('add-layer').onclick = () => change({hidden: [...state.settings.hidden, 2].slice(0, state.options.maxLayers)});
  $('remove-layer').onclick = () => change({hidden: state.settings.hidden.slice(0, -1)});
  $('network').onclick = (e) => {
    const hidden = [...state.settings.hidden], layer = Number(e.target.dataset.layer);
    if (e.target.classList.contains('add-neuron')) {
      hidden[layer] = Math.min(state.options.maxNeurons, hidden[layer] + 1);
      change({hidden});
    } else if (e.target.classList.contains('remove-neuron')) {
      hidden[layer] = Math.max(1, hidden[layer] - 1);
      change({hidden});
    } else {
      const node = e.target.closest('.node');
      const id = node && node.dataset.feature;
      if (!id) return;
      const features = state.settings.features.includes(id)
        ? state.settings.features.filter((f) => f !== id) : [...state.settings.features, id];
      if (features.length) change({features});
    }
  };
  $('network').onmousemove = (e) => {
    const node = e.target.closest('.node'), zoom = $('zoom');
    zoom.hidden = !node || node.classList.contains('inactive');
    if (zoom.hidden) return;
    zoom.style.left = `${e.clientX + 16}px`;
    zoom.style.top = `${e.clientY + 16}px`;
    zoom.getContext('2d').drawImage(node.querySelector('canvas'), 0, 0, zoom.width, zoom.height);
  };
  $('network').onmouseleave = () => { $('zoom').hidden = true; };
  $('show-gradients').onchange = drawNetwork;
  $('show-test').onchange = drawHeatmap;
  $('discretize').onchange = drawHeatmap;
  $('heatmap').onclick = (e) => startTrace(nearestTrainingPoint(e));
  $('trace-button').onclick = () => startTrace(Math.floor(Math.random() * state.data.train.length));
  $('trace-next').onclick = () => { state.traceStage = Math.min(state.trace.length - 1, state.traceStage + 1); showTraceStage(); };
  $('trace-prev').onclick = () => { state.traceStage = Math.max(0, state.traceStage - 1); showTraceStage(); };
  $('trace-close').onclick = () => {
    $('trace').hidden = true;
    document.body.classList.remove('tracing');
    state.selectedPoint = null;
    drawHeatmap();
    highlightTraceLayer();
  };
}

wire();
openSession();
