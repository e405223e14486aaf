import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp } from './test-app.ts';

const { app } = testApp();
const doc = await (await app.request('/v1/openapi.json')).json();

test('every route the app serves is in the OpenAPI document, and nothing else', () => {
  // app.routes lists middleware too (method ALL); routes are the rest, ":name" written "{name}"
  const served = app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}').replace(/(.)\/$/, '$1')}`);
  const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
  assert.ok(served.length >= 10);
  assert.deepEqual([...new Set(served)].sort(), documented.sort());
});

test('the document is OpenAPI 3.1 and every $ref resolves to a component', () => {
  assert.equal(doc.openapi, '3.1.0');
  const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
  assert.ok(refs.includes('PredictionRequest'));
  for (const name of refs) assert.ok(doc.components.schemas[name], name);
  assert.deepEqual(doc.components.schemas.ValidateRequest.required, ['list']);
  assert.deepEqual(doc.paths['/v1/cards'].get.parameters.map((p: { name: string }) => p.name), ['q', 'offset', 'limit']);
});
