// Saves each answer of a rubric as it is given. Answers not yet acknowledged by the server are
// kept in localStorage (they survive a reload or a dropped connection) and sent again until the
// server answers. Without this script the page is a plain form that saves the whole rubric.
(function () {
  'use strict';
  var form = document.getElementById('rubric');
  if (!form || !window.fetch || !window.localStorage || !window.URLSearchParams) return;
  var storeKey = 'salama:' + form.getAttribute('action');
  var banner = document.getElementById('connection');
  var pending = load();
  var sending = false;
  var offline = false;
  var retryTimer = null;
  var typingTimer = null;

  function message(name) { return form.getAttribute('data-msg-' + name) || ''; }
  function load() {
    try { return JSON.parse(localStorage.getItem(storeKey)) || {}; } catch (e) { return {}; }
  }
  function persist() {
    try { localStorage.setItem(storeKey, JSON.stringify(pending)); } catch (e) { /* storage full: the request still goes */ }
  }
  function cardOf(element) {
    while (element && !(element.classList && element.classList.contains('card'))) element = element.parentNode;
    return element;
  }
  function cardByRef(ref) { return document.getElementById('card-' + ref); }
  function revInput(card) { return card.querySelector('input[type=hidden][name$="[rev]"]'); }
  function inputs(card) { return card.querySelectorAll('input, textarea'); }

  function valuesOf(card) {
    var values = {};
    inputs(card).forEach(function (input) {
      if (!input.name || input.type === 'hidden') return;
      if (input.type === 'radio') { if (input.checked) values[input.name] = input.value; return; }
      values[input.name] = input.value;
    });
    return values;
  }
  function restore(card, values) {
    inputs(card).forEach(function (input) {
      if (!input.name || input.type === 'hidden') return;
      if (input.type === 'radio') { input.checked = values[input.name] === input.value; return; }
      if (input.name in values) input.value = values[input.name];
    });
    markAnswered(card);
  }
  function markAnswered(card) {
    card.classList.toggle('answered', !!card.querySelector('input[type=radio]:checked'));
  }
  function say(card, text, kind) {
    var status = card.querySelector('.card-status');
    if (!status) return;
    status.textContent = text;
    status.className = 'card-status' + (kind ? ' ' + kind : '');
  }
  function showConnection(text, online) {
    if (!banner) return;
    banner.hidden = !text;
    banner.textContent = text;
    banner.classList.toggle('online', !!online);
  }

  function remember(card) {
    var ref = card.getAttribute('data-ref');
    var entry = pending[ref];
    pending[ref] = {
      values: valuesOf(card),
      rev: entry ? entry.rev : revInput(card).value,
      seq: entry ? entry.seq + 1 : 1
    };
    persist();
    markAnswered(card);
    say(card, message('saving'), 'pending');
  }

  function body(ref, entry) {
    var params = new URLSearchParams();
    params.append('a[' + ref + '][rev]', entry.rev);
    Object.keys(entry.values).forEach(function (name) { params.append(name, entry.values[name]); });
    // A status not chosen is sent empty: the answer stays without status.
    if (!('a[' + ref + '][status]' in entry.values)) params.append('a[' + ref + '][status]', '');
    return params.toString();
  }

  function applyLatest(card, ref, fields) {
    var values = {};
    values['a[' + ref + '][status]'] = fields.status;
    values['a[' + ref + '][note]'] = fields.note;
    values['a[' + ref + '][deadline]'] = fields.deadline;
    inputs(card).forEach(function (input) {
      if (input.name.indexOf('[ev][') > 0 || input.name.indexOf('[m][') > 0) values[input.name] = '';
    });
    Object.keys(fields.evidence || {}).forEach(function (id) { values['a[' + ref + '][ev][' + id + ']'] = fields.evidence[id]; });
    Object.keys(fields.measurements || {}).forEach(function (id) { values['a[' + ref + '][m][' + id + ']'] = fields.measurements[id]; });
    restore(card, values);
  }

  function progress(result) {
    var answered = document.getElementById('answered');
    var bar = document.getElementById('progress');
    if (answered && typeof result.answered === 'number') answered.textContent = result.answered;
    if (bar && typeof result.answered === 'number') bar.value = result.answered;
  }

  function retryLater() {
    if (retryTimer) return;
    retryTimer = setTimeout(function () { retryTimer = null; flush(); }, 3000);
  }

  function flush(done) {
    if (sending) return;
    var refs = Object.keys(pending);
    if (!refs.length) { if (done) done(true); return; }
    var ref = refs[0];
    var entry = pending[ref];
    var card = cardByRef(ref);
    sending = true;
    fetch(form.getAttribute('action'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' },
      body: body(ref, entry),
      credentials: 'same-origin'
    }).then(function (response) {
      return response.json().then(function (json) { return { status: response.status, json: json }; }, function () { return { status: response.status, json: null }; });
    }).then(function (result) {
      sending = false;
      if (!result.json || result.status >= 500) throw new Error('server');
      if (offline) { offline = false; showConnection(message('online'), true); setTimeout(function () { showConnection(''); }, 4000); }
      var json = result.json;
      var current = pending[ref];
      if (json.conflicts && json.conflicts[ref]) {
        delete pending[ref];
        if (card) { applyLatest(card, ref, json.conflicts[ref].fields); revInput(card).value = json.conflicts[ref].revision; say(card, message('conflict'), 'conflict'); }
      } else if (json.invalid && json.invalid[ref]) {
        delete pending[ref];
        if (card) say(card, json.invalid[ref].measures.length ? message('invalid-number') : message('invalid-date'), 'conflict');
      } else {
        var newRev = json.saved && json.saved[ref];
        if (current && current.seq === entry.seq) delete pending[ref];
        else if (current && newRev) current.rev = String(newRev);
        if (card) {
          if (newRev) revInput(card).value = newRev;
          if (!pending[ref]) say(card, message('saved'), 'saved');
        }
      }
      persist();
      progress(json);
      flush(done);
    }).catch(function () {
      sending = false;
      offline = true;
      showConnection(message('offline'));
      retryLater();
      if (done) done(false);
    });
  }

  // Answers typed before a reload or while the server was away.
  Object.keys(pending).forEach(function (ref) {
    var card = cardByRef(ref);
    if (card) { restore(card, pending[ref].values); say(card, message('saving'), 'pending'); }
  });

  form.addEventListener('change', function (event) {
    var card = cardOf(event.target);
    if (!card) return;
    remember(card);
    flush();
  });
  form.addEventListener('input', function (event) {
    var card = cardOf(event.target);
    if (!card || event.target.type === 'radio') return;
    remember(card);
    clearTimeout(typingTimer);
    typingTimer = setTimeout(flush, 800);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    flush(function (sent) { if (sent) window.location.href = form.getAttribute('data-next'); });
  });
  window.addEventListener('online', function () { flush(); });
  flush();
})();
