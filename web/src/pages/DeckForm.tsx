// The deck form: a pasted list (checked live by POST /v1/decks/validate, debounced, with each
// problem shown on its line in the gutter and listed with its suggestion) or a bundled deck, the
// field and the precision; submitting queues a prediction and opens its page.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, ApiError, type DeckError, type Format, type PredictionRequest, type Validation } from '../api.ts';
import { CONSTRUCTED_DECKS, HALF_DECKS } from '../decks.ts';
import { navigate } from '../router.tsx';

const EXAMPLE = `Deck
4 Savannah Lions
4 Elite Vanguard
20 Plains
`;

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** The list's lines with the problems the server found on each (line 0: the whole deck). */
function byLine(errors: DeckError[]): Map<number, DeckError[]> {
  const m = new Map<number, DeckError[]>();
  for (const e of errors) m.set(e.line, [...(m.get(e.line) ?? []), e]);
  return m;
}

/** Focuses the textarea with line `line` (1-based) selected. */
function selectLine(el: HTMLTextAreaElement | null, line: number) {
  if (!el) return;
  const value = el.value;
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = value.indexOf('\n', start);
    if (nl === -1) break;
    start = nl + 1;
  }
  const end = value.indexOf('\n', start);
  el.focus();
  el.setSelectionRange(start, end === -1 ? value.length : end);
}

function ListEditor({ value, onChange, errors, describedBy, area }: { value: string; onChange: (v: string) => void; errors: Map<number, DeckError[]>; describedBy: string; area: RefObject<HTMLTextAreaElement | null> }) {
  const gutter = useRef<HTMLDivElement>(null);
  const lines = Math.max(value.split('\n').length, 12);
  return (
    <div className="editor">
      <div className="gutter" ref={gutter} aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => {
          const errs = errors.get(i + 1);
          return (
            <div key={i} className={errs ? 'gutter-line has-error' : 'gutter-line'} data-line={i + 1} title={errs?.map((e) => e.message).join('\n')}>
              {errs ? '⚠ ' : ''}{i + 1}
            </div>
          );
        })}
      </div>
      <textarea
        id="deck-list"
        ref={area}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onScroll={(e) => { if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop; }}
        rows={12}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        wrap="off"
        aria-describedby={describedBy}
        aria-invalid={errors.size > 0}
      />
    </div>
  );
}

function replaceName(list: string, line: number, wrong: string, right: string): string {
  const lines = list.split('\n');
  const l = lines[line - 1];
  if (l === undefined) return list;
  const at = l.toLowerCase().indexOf(wrong.toLowerCase());
  lines[line - 1] = at === -1 ? l : l.slice(0, at) + right + l.slice(at + wrong.length);
  return lines.join('\n');
}

/** The name the parser did not know, from its message: unknown card "X". */
const unknownName = (e: DeckError) => /"([^"]+)"/.exec(e.message)?.[1];

export function DeckForm() {
  const ids = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [source, setSource] = useState<'list' | 'bundled'>('list');
  const [list, setList] = useState(EXAMPLE);
  const [format, setFormat] = useState<Format>('default');
  const [bundled, setBundled] = useState<string>('halves');
  const [halves, setHalves] = useState<[string, string]>(['Cats', 'Elves']);
  const [field, setField] = useState<'default' | 'sealed'>('default');
  const [target, setTarget] = useState('0.02');
  const [budget, setBudget] = useState('20000');

  const debounced = useDebounced(list, 400);
  const validation = useQuery({
    queryKey: ['validate', debounced, format],
    queryFn: ({ signal }) => api<Validation>('/v1/decks/validate', { method: 'POST', body: { list: debounced, format }, signal }),
    enabled: source === 'list' && debounced.trim() !== '',
    placeholderData: (prev) => prev,
    staleTime: Infinity,
  });
  const current = debounced === list ? validation.data : undefined;
  const errors = useMemo(() => (current && !current.ok ? current.errors : []), [current]);
  const lineErrors = useMemo(() => byLine(errors.filter((e) => e.line > 0)), [errors]);

  const submit = useMutation({
    mutationFn: (req: PredictionRequest) => api<{ id: string; status: string }>('/v1/predictions', { method: 'POST', body: req }),
    onSuccess: (r, req) => navigate(`/predictions/${encodeURIComponent(r.id)}?target=${req.target ?? 0.02}`),
  });

  const targetNum = Number(target);
  const budgetNum = Number(budget);
  const targetOk = Number.isFinite(targetNum) && targetNum > 0 && targetNum < 0.5;
  const budgetOk = Number.isInteger(budgetNum) && budgetNum >= 2 && budgetNum <= 20000;
  const deckName = bundled === 'halves' ? `${halves[0]}+${halves[1]}` : bundled;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!targetOk || !budgetOk) return;
    const req: PredictionRequest = { field, target: targetNum, budget: budgetNum };
    if (source === 'list') { req.list = list; req.format = format; } else req.deck = deckName;
    submit.mutate(req);
  };

  const submitError = submit.error instanceof ApiError ? submit.error : null;
  const serverDeckErrors = submitError?.code === 'bad-deck' && Array.isArray(submitError.details) ? (submitError.details as DeckError[]) : [];
  const status = `${ids}-status`;

  return (
    <form className="deck-form" onSubmit={onSubmit} aria-labelledby={`${ids}-title`} noValidate>
      <h2 id={`${ids}-title`}>Predict a deck</h2>
      <fieldset>
        <legend>Your deck</legend>
        <div className="choices">
          <label><input type="radio" name="source" value="list" checked={source === 'list'} onChange={() => setSource('list')} /> Paste a list</label>
          <label><input type="radio" name="source" value="bundled" checked={source === 'bundled'} onChange={() => setSource('bundled')} /> Pick a bundled deck</label>
        </div>
        {source === 'list' ? (
          <>
            <label htmlFor="deck-list">Deck list (MTG Arena or Magic Online text)</label>
            <ListEditor value={list} onChange={setList} errors={lineErrors} describedBy={status} area={area} />
            <div id={status} className="validation" aria-live="polite">
              {list.trim() === '' ? <p>Paste a deck list: one card a line, e.g. <code>4 Savannah Lions</code>.</p>
                : current === undefined ? <p className="muted">Checking…</p>
                : current.ok ? <p className="ok">✓ {current.deck.name ? `${current.deck.name}: ` : ''}{current.deck.size} cards, every one known to the engine.</p>
                : <p className="bad">✗ {errors.length} problem{errors.length === 1 ? '' : 's'} in this list:</p>}
              {validation.error ? <p className="bad">{validation.error.message}</p> : null}
            </div>
            {errors.length > 0 ? (
              <ul className="deck-errors">
                {errors.map((e, i) => (
                  <li key={i} data-line={e.line} data-code={e.code}>
                    {e.line > 0 ? <button type="button" className="line-ref" onClick={() => selectLine(area.current, e.line)}>Line {e.line}</button> : <strong>Whole deck</strong>}
                    {' '}{e.message.replace(/^deck( line \d+)?: /, '')}
                    {e.suggestion && unknownName(e) ? (
                      <> <button type="button" className="suggest" onClick={() => setList(replaceName(list, e.line, unknownName(e)!, e.suggestion!))}>Use “{e.suggestion}”</button></>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            <label htmlFor={`${ids}-format`}>Deck rules</label>
            <select id={`${ids}-format`} value={format} onChange={(e) => setFormat(e.target.value as Format)}>
              <option value="default">Default: at least 40 cards, up to 4 copies</option>
              <option value="constructed">Constructed: at least 60 cards, up to 4 copies</option>
              <option value="limited">Limited: at least 40 cards, any number of copies</option>
            </select>
          </>
        ) : (
          <>
            <label htmlFor={`${ids}-bundled`}>Bundled deck</label>
            <select id={`${ids}-bundled`} value={bundled} onChange={(e) => setBundled(e.target.value)}>
              <option value="halves">Two Beginner Box half-decks…</option>
              {CONSTRUCTED_DECKS.map((d) => <option key={d.name} value={d.name}>{d.label}</option>)}
            </select>
            {bundled === 'halves' ? (
              <div className="halves">
                {([0, 1] as const).map((k) => (
                  <span key={k}>
                    <label htmlFor={`${ids}-half${k}`}>{k === 0 ? 'First half' : 'Second half'}</label>
                    <select id={`${ids}-half${k}`} value={halves[k]} onChange={(e) => setHalves(k === 0 ? [e.target.value, halves[1]] : [halves[0], e.target.value])}>
                      {HALF_DECKS.map((h) => <option key={h} value={h}>{h}</option>)}
                    </select>
                  </span>
                ))}
              </div>
            ) : null}
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>Field to play against</legend>
        <div className="choices">
          <label><input type="radio" name="field" value="default" checked={field === 'default'} onChange={() => setField('default')} /> The 45 Beginner Box decks</label>
          <label><input type="radio" name="field" value="sealed" checked={field === 'sealed'} onChange={() => setField('sealed')} /> 16 Foundations sealed decks</label>
        </div>
      </fieldset>

      <fieldset>
        <legend>Precision</legend>
        <div className="row">
          <span>
            <label htmlFor={`${ids}-target`}>Target ± (95% half-width)</label>
            <select id={`${ids}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="0.05">±5 points (fast)</option>
              <option value="0.03">±3 points</option>
              <option value="0.02">±2 points</option>
              <option value="0.01">±1 point (slow)</option>
            </select>
          </span>
          <span>
            <label htmlFor={`${ids}-budget`}>Most games</label>
            <input id={`${ids}-budget`} name="budget" type="number" inputMode="numeric" min={2} max={20000} step={1} value={budget}
              onChange={(e) => setBudget(e.target.value)} aria-invalid={!budgetOk} aria-describedby={`${ids}-budget-help`} />
            <small id={`${ids}-budget-help`} className={budgetOk ? 'muted' : 'bad'}>2 to 20,000 games; it stops early once the target is reached.</small>
          </span>
        </div>
      </fieldset>

      <button type="submit" className="primary" disabled={submit.isPending || !budgetOk || !targetOk}>
        {submit.isPending ? 'Submitting…' : 'Predict'}
      </button>
      <div aria-live="assertive">
        {submitError ? (
          <div className="bad" role="alert">
            <p>{submitError.message}</p>
            {serverDeckErrors.length > 0 ? <ul>{serverDeckErrors.map((e, i) => <li key={i}>{e.message}</li>)}</ul> : null}
          </div>
        ) : null}
      </div>
    </form>
  );
}
