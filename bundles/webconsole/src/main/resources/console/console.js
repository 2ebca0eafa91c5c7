'use strict';
// The fc-redirect web console: talks only to /fcr/api on this origin; every text goes in as text.
(() => {
  const POLL_MS = 2000;
  const POINTS = 90;
  const $ = id => document.getElementById(id);
  const state = { mbeans: [], current: null, timer: null, charted: null, chartPoints: [], fpsPoints: [] };

  async function api(method, path, body) {
    const options = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch('api/' + path, options);
    let data;
    try {
      data = await response.json();
    } catch (e) {
      data = { error: response.status + ' ' + response.statusText };
    }
    if (response.status === 401 && path !== 'login') {
      showLogin('Your session has ended: log in again.');
      throw new Error('no session');
    }
    return { status: response.status, data };
  }

  function element(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  function format(value) {
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) return value.map(v => typeof v === 'object' ? JSON.stringify(v) : String(v)).join('\n');
    if (typeof value === 'object') return JSON.stringify(value, null, 1);
    return String(value);
  }

  function stopPolling() {
    if (state.timer) clearInterval(state.timer);
    state.timer = null;
  }

  function poll(refresh) {
    stopPolling();
    refresh();
    state.timer = setInterval(refresh, POLL_MS);
  }

  function showLogin(message) {
    stopPolling();
    $('app-view').hidden = true;
    $('logout').hidden = true;
    $('whoami').textContent = '';
    $('login-view').hidden = false;
    $('login-error').textContent = message || '';
    $('login-password').value = '';
    $('login-user').focus();
  }

  async function showApp(who) {
    $('login-view').hidden = true;
    $('app-view').hidden = false;
    $('logout').hidden = false;
    $('whoami').textContent = who.user + ' (' + who.roles.join(', ') + ')';
    const { data } = await api('GET', 'mbeans');
    state.mbeans = data.mbeans;
    const list = $('mbeans');
    list.replaceChildren();
    for (const mbean of state.mbeans) {
      const button = element('button', mbean.name.replace(/^org\.fcredirect:/, ''));
      button.type = 'button';
      button.dataset.mbean = mbean.name;
      button.addEventListener('click', () => showMBean(mbean));
      const item = element('li');
      item.appendChild(button);
      list.appendChild(item);
    }
    showOverview();
  }

  function mbeanNamed(type) {
    return state.mbeans.find(m => m.name === 'org.fcredirect:type=' + type);
  }

  async function read(mbean) {
    if (!mbean) return {};
    const { status, data } = await api('GET', 'attributes?mbean=' + encodeURIComponent(mbean.name));
    return status === 200 ? data.values : {};
  }

  function showOverview() {
    state.current = null;
    markCurrent();
    $('mbean-view').hidden = true;
    $('overview').hidden = false;
    poll(refreshOverview);
  }

  async function refreshOverview() {
    const [fastPath, monitor, flows] = await Promise.all(
      [read(mbeanNamed('FastPath')), read(mbeanNamed('Monitor')), read(mbeanNamed('FlowManager'))]);
    $('tile-fps').textContent = format(fastPath.FramesPerSecond);
    $('tile-frames').textContent = format(fastPath.FramesProcessed);
    $('tile-dropped').textContent = format(fastPath.FramesDropped);
    $('tile-flows').textContent = format(flows.FlowCount);
    const unhealthy = Array.isArray(monitor.UnhealthyTargets) ? monitor.UnhealthyTargets : [];
    const healthy = fastPath.Healthy === true && unhealthy.length === 0;
    $('tile-health').textContent = healthy
      ? 'all ' + format(monitor.TargetCount) + ' healthy'
      : unhealthy.length + ' of ' + format(monitor.TargetCount) + ' unhealthy';
    $('tile-health').className = 'figure ' + (healthy ? 'healthy' : 'unhealthy');
    $('unhealthy').replaceChildren(...unhealthy.map(t => element('li', String(t), 'unhealthy')));
    if (typeof fastPath.FramesPerSecond === 'number') {
      remember(state.fpsPoints, fastPath.FramesPerSecond);
      drawChart($('fps-chart'), state.fpsPoints);
    }
  }

  function markCurrent() {
    for (const b of $('mbeans').querySelectorAll('button')) {
      b.classList.toggle('current', state.current !== null && b.dataset.mbean === state.current.name);
    }
  }

  function showMBean(mbean) {
    state.current = mbean;
    state.charted = null;
    state.chartPoints = [];
    markCurrent();
    $('overview').hidden = true;
    $('mbean-view').hidden = false;
    $('chart-box').hidden = true;
    $('mbean-title').textContent = mbean.name;
    $('mbean-description').textContent = mbean.description || '';
    const rows = $('attributes').tBodies[0];
    rows.replaceChildren();
    for (const a of mbean.attributes) {
      const row = element('tr');
      row.dataset.attribute = a.name;
      const name = element('td', a.name, 'name');
      if (a.description) name.title = a.description;
      row.append(name, element('td', a.readable ? '' : '(your roles may not read it)', 'value'), element('td', a.type, 'type'));
      row.addEventListener('click', () => chart(a.name));
      rows.appendChild(row);
    }
    const operations = $('operations');
    operations.replaceChildren(...mbean.operations.map(op => operationForm(mbean, op)));
    if (mbean.operations.length === 0) operations.appendChild(element('p', 'none'));
    poll(refreshAttributes);
  }

  function operationForm(mbean, op) {
    const box = element('div', undefined, 'operation');
    box.dataset.operation = op.name;
    box.dataset.signature = op.signature.map(p => p.type).join(',');
    const params = op.signature.map(p => p.type + ' ' + p.name).join(', ');
    box.appendChild(element('div', op.name + '(' + params + ') : ' + op.returnType, 'signature'));
    if (op.description) box.appendChild(element('div', op.description, 'description'));
    const inputs = op.signature.map((p, i) => {
      const input = element('input');
      input.dataset.param = String(i);
      input.placeholder = p.name + ' (' + p.type + ')';
      if (p.description && p.description !== 'null') input.title = p.description;
      return input;
    });
    box.append(...inputs);
    const run = element('button', 'Run', 'invoke');
    run.type = 'button';
    const result = element('pre', undefined, 'result');
    if (!op.allowed) {
      run.disabled = true;
      run.title = 'your roles may not run this operation';
      result.textContent = 'your roles may not run this operation';
    } else if (!op.supported) {
      run.disabled = true;
      run.title = 'a parameter of this operation cannot be entered here';
    }
    run.addEventListener('click', async () => {
      run.disabled = true;
      result.className = 'result';
      result.textContent = 'running...';
      try {
        const { status, data } = await api('POST', 'invoke', {
          mbean: mbean.name, operation: op.name,
          signature: op.signature.map(p => p.type), arguments: inputs.map(i => i.value)
        });
        if (status === 200) {
          result.textContent = data.result === null ? 'done' : format(data.result);
        } else {
          result.classList.add('refused');
          result.textContent = (status === 403 ? 'refused: ' : 'error: ') + data.error;
        }
      } finally {
        run.disabled = false;
      }
    });
    box.append(run, result);
    return box;
  }

  async function refreshAttributes() {
    const mbean = state.current;
    if (!mbean) return;
    const { status, data } = await api('GET', 'attributes?mbean=' + encodeURIComponent(mbean.name));
    if (status !== 200 || state.current !== mbean) return;
    for (const row of $('attributes').tBodies[0].rows) {
      const name = row.dataset.attribute;
      const cell = row.cells[1];
      if (name in data.values) {
        const value = data.values[name];
        cell.textContent = format(value);
        row.classList.toggle('chartable', typeof value === 'number');
        if (name === state.charted && typeof value === 'number') remember(state.chartPoints, value);
      } else if (name in data.errors) {
        cell.textContent = 'error: ' + data.errors[name];
      }
    }
    if (state.charted) drawChart($('attribute-chart'), state.chartPoints);
  }

  function chart(attribute) {
    const row = $('attributes').querySelector('tr[data-attribute="' + CSS.escape(attribute) + '"]');
    if (!row || !row.classList.contains('chartable')) return;
    state.charted = attribute;
    state.chartPoints = [];
    $('chart-title').textContent = attribute + ' over time (every ' + POLL_MS / 1000 + ' s)';
    $('chart-box').hidden = false;
    remember(state.chartPoints, Number(row.cells[1].textContent));
    drawChart($('attribute-chart'), state.chartPoints);
  }

  function remember(points, value) {
    points.push(value);
    if (points.length > POINTS) points.shift();
  }

  function drawChart(canvas, points) {
    const g = canvas.getContext('2d');
    const w = canvas.width, h = canvas.height, left = 70, pad = 12;
    g.clearRect(0, 0, w, h);
    if (points.length === 0) return;
    const max = Math.max(...points), min = Math.min(0, ...points);
    const span = max - min || 1;
    const x = i => left + (w - left - pad) * (points.length === 1 ? 1 : i / (POINTS - 1));
    const y = v => h - pad - (h - 2 * pad) * (v - min) / span;
    g.strokeStyle = '#c9d3de';
    g.beginPath();
    g.moveTo(left, pad);
    g.lineTo(left, h - pad);
    g.lineTo(w - pad, h - pad);
    g.stroke();
    g.fillStyle = '#5b6773';
    g.font = '11px sans-serif';
    g.fillText(String(max), 4, pad + 4);
    g.fillText(String(min), 4, h - pad);
    g.strokeStyle = '#1d3a5c';
    g.lineWidth = 2;
    g.beginPath();
    points.forEach((v, i) => (i === 0 ? g.moveTo(x(i), y(v)) : g.lineTo(x(i), y(v))));
    g.stroke();
  }

  $('login-form').addEventListener('submit', async event => {
    event.preventDefault();
    $('login-error').textContent = '';
    $('login-submit').disabled = true;
    try {
      const { status, data } = await api('POST', 'login', { user: $('login-user').value, password: $('login-password').value });
      $('login-password').value = '';
      if (status === 200) {
        await showApp(data);
      } else {
        $('login-error').textContent = data.error;
      }
    } finally {
      $('login-submit').disabled = false;
    }
  });

  $('logout').addEventListener('click', async () => {
    await api('POST', 'logout', {});
    showLogin('Logged out.');
  });

  $('show-overview').addEventListener('click', showOverview);

  (async () => {
    const response = await fetch('api/session', { credentials: 'same-origin' });
    if (response.status === 200) {
      await showApp(await response.json());
    } else {
      showLogin('');
    }
  })();
})();
