/*
 * google.script.run and google.script.host for sidebars served by the preview server.
 * Keeps the real rules (reference section 7) so a form that works here works on Google:
 * - calls are asynchronous; handlers run later, with the user object as second argument;
 * - each with...() returns a new runner carrying its settings (chains never leak);
 * - arguments may be primitives and plain objects/arrays of them: a Date, a function, a
 *   DOM node or a cycle throws at the call ("Failed due to illegal value in property");
 *   undefined in an array is sent as null, undefined members are dropped, the server gets
 *   a deep copy;
 * - the server's return arrives deep-copied (tools/preview/wire.ts: a Date inside turns the
 *   whole value into null); an exception goes to the failure handler as an Error, or to
 *   the console when there is none.
 * Served inline into each sidebar by tools/preview/server.ts, which fills FUNCTIONS.
 */
(function () {
  'use strict';
  var FUNCTIONS = /*FUNCTIONS*/ [];

  function illegal(path) {
    return new Error('Failed due to illegal value in property: ' + path);
  }

  function copyArg(value, path, seen) {
    var t = typeof value;
    if (value === null || t === 'string' || t === 'boolean' || t === 'number' || t === 'undefined') return value;
    if (t !== 'object') throw illegal(path);
    if (Object.prototype.toString.call(value) === '[object Date]') throw illegal(path);
    if (typeof Node !== 'undefined' && value instanceof Node) throw illegal(path);
    if (seen.indexOf(value) >= 0) throw illegal(path);
    seen.push(value);
    var out;
    if (Array.isArray(value)) {
      out = value.map(function (v, i) {
        var c = copyArg(v, i, seen);
        return c === undefined ? null : c;
      });
    } else {
      out = {};
      Object.keys(value).forEach(function (k) {
        var c = copyArg(value[k], k, seen);
        if (c !== undefined) out[k] = c;
      });
    }
    seen.pop();
    return out;
  }

  function later(fn) {
    // outside any promise chain: an exception in a handler is a plain uncaught error
    setTimeout(fn, 0);
  }

  function changed() {
    if (window.parent && window.parent !== window) window.parent.postMessage({ type: 'preview:changed' }, '*');
  }

  function invoke(name, args, settings) {
    var sent = args.map(function (a, i) {
      var c = copyArg(a, i, []);
      return c === undefined ? null : c;
    });
    fetch('/rpc', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fn: name, args: sent }) })
      .then(function (res) {
        if (!res.ok) throw new Error('NetworkError: Connection failure due to HTTP ' + res.status);
        return res.json();
      })
      .then(function (body) {
        changed();
        later(function () {
          if (body.ok) {
            if (settings.success) settings.success(body.value, settings.userObject);
            return;
          }
          var error = new Error(body.error.message);
          error.name = body.error.name;
          if (settings.failure) settings.failure(error, settings.userObject);
          else console.error(error);
        });
      }, function (error) {
        changed();
        later(function () {
          if (settings.failure) settings.failure(error instanceof Error ? error : new Error(String(error)), settings.userObject);
          else console.error(error);
        });
      });
  }

  function runner(settings) {
    var r = {
      withSuccessHandler: function (fn) { return runner(Object.assign({}, settings, { success: fn })); },
      withFailureHandler: function (fn) { return runner(Object.assign({}, settings, { failure: fn })); },
      withUserObject: function (o) { return runner(Object.assign({}, settings, { userObject: o })); },
    };
    FUNCTIONS.forEach(function (name) {
      r[name] = function () {
        invoke(name, Array.prototype.slice.call(arguments), settings);
      };
    });
    return r;
  }

  window.google = window.google || {};
  window.google.script = {
    run: runner({}),
    host: {
      close: function () { window.parent.postMessage({ type: 'preview:close' }, '*'); },
      setHeight: function () {},
      setWidth: function () {},
      editor: { focus: function () {} },
    },
  };
})();
