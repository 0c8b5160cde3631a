import { describe, expect, it } from 'vitest';
import { createHttpApi, type FetchLike } from './http-api.ts';

function recording(answer: { status: number; text: string } | Error) {
  const calls: { url: string; body: string }[] = [];
  const fetchFn: FetchLike = async (url, init) => {
    calls.push({ url, body: init.body });
    if (answer instanceof Error) throw answer;
    return { ok: answer.status < 400, status: answer.status, text: async () => answer.text };
  };
  return { calls, fetchFn };
}

describe('createHttpApi', () => {
  it('posts the arguments to api/<method>, leaving out a trailing undefined that JSON would turn into null', async () => {
    const { calls, fetchFn } = recording({ status: 200, text: '{"ok":true,"value":[]}' });
    const api = createHttpApi('http://127.0.0.1:4173', fetchFn);
    expect(await api.findArticles('L. 611-3', undefined)).toEqual({ ok: true, value: [] });
    expect(calls).toEqual([{ url: 'http://127.0.0.1:4173/api/findArticles', body: '{"args":["L. 611-3"]}' }]);
  });

  it('passes error Results through, whatever the HTTP status', async () => {
    const error = { ok: false, error: { code: 'forbidden', message: 'Requête refusée : elle ne vient pas de Palimpseste.' } };
    const { fetchFn } = recording({ status: 403, text: JSON.stringify(error) });
    expect(await createHttpApi('/', fetchFn).listTrails()).toEqual(error);
  });

  it('turns an unreachable host or a foreign answer into a French io error', async () => {
    const down = await createHttpApi('/', recording(new TypeError('fetch failed')).fetchFn).getCorpusInfo();
    expect(down).toEqual({
      ok: false,
      error: { code: 'io', message: 'Le serveur local de Palimpseste ne répond pas. Relancez « npm run web ».' },
    });
    const html = await createHttpApi('/', recording({ status: 502, text: '<html>Bad gateway</html>' }).fetchFn).getCorpusInfo();
    expect(html).toEqual({ ok: false, error: { code: 'io', message: 'Réponse illisible du serveur local (HTTP 502).' } });
    const other = await createHttpApi('/', recording({ status: 200, text: '{"value":1}' }).fetchFn).getCorpusInfo();
    expect(!other.ok && other.error.message).toBe('Réponse inattendue du serveur local (HTTP 200).');
  });
});
