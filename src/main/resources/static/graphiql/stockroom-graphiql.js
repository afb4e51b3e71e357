// GraphiQL for Stockroom, with every asset served by the service itself (no CDN). Requests go to /graphql with
// the access token typed above as "Authorization: Bearer"; the token stays in this tab's session storage only.
(function () {
  'use strict';
  var tokenInput = document.getElementById('token');
  var tokenState = document.getElementById('token-state');
  var storageKey = 'stockroom.graphiql.token';

  function token() {
    return tokenInput.value.trim().replace(/^Bearer\s+/i, '');
  }

  function showState() {
    tokenState.textContent = token() ? 'requests carry this token' : 'no token: requests answer 401';
  }

  tokenInput.value = window.sessionStorage.getItem(storageKey) || '';
  tokenInput.addEventListener('input', function () {
    window.sessionStorage.setItem(storageKey, token());
    showState();
  });
  document.getElementById('sign-in').addEventListener('submit', function (event) {
    event.preventDefault();
  });
  showState();

  function fetcher(params, options) {
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    var extra = (options && options.headers) || {};
    Object.keys(extra).forEach(function (name) {
      headers[name] = extra[name];
    });
    if (token()) {
      headers.Authorization = 'Bearer ' + token();
    }
    return fetch('/graphql', { method: 'POST', headers: headers, body: JSON.stringify(params) })
      .then(function (response) {
        return response.text();
      })
      .then(function (text) {
        try {
          return JSON.parse(text);
        } catch (notJson) {
          return text;
        }
      });
  }

  var defaultQuery = [
    '# Paste an access token above, then run this query (Ctrl-Enter).',
    '{',
    '  me { subject principalType scopes }',
    '  products(first: 5) { edges { node { sku name price stock } } pageInfo { hasNextPage endCursor } }',
    '}',
    ''
  ].join('\n');

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: defaultQuery, defaultEditorToolsVisibility: false })
  );
})();
