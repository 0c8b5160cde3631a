import { describe, expect, it } from 'vitest';
import type { TrailStep } from '../../../electron/common/api.ts';
import { currentStep, emptyTrail, trailReducer, trailToSave, type TrailState } from './trail-state.ts';

const code = 'code-de-la-securite-sociale';
// L611-3 → L611-1 (the reference in its text) → L611-4 (cited by L611-3), read in January 2006.
const l611_3: TrailStep = { article: `${code}/LEGIARTI000006743538`, num: 'L611-3', code, date: '2006-01-28' };
const l611_1: TrailStep = { article: `${code}/LEGIARTI000006743465`, num: 'L611-1', code, date: '2006-01-28' };
const l611_4: TrailStep = { article: `${code}/LEGIARTI000006743542`, num: 'L611-4', code, date: '2006-01-28' };

function run(...actions: Parameters<typeof trailReducer>[1][]): TrailState {
  return actions.reduce(trailReducer, emptyTrail);
}

describe('trailReducer', () => {
  it('makes a step of every visit and moves back and forward', () => {
    let state = run({ type: 'visit', step: l611_3 }, { type: 'visit', step: l611_1 });
    expect(state.steps).toHaveLength(2);
    state = trailReducer(state, { type: 'back' });
    expect(currentStep(state)).toBe(l611_3);
    state = trailReducer(state, { type: 'back' });
    expect(state.index).toBe(0);
    state = trailReducer(state, { type: 'forward' });
    expect(currentStep(state)).toBe(l611_1);
    expect(trailReducer(state, { type: 'forward' })).toBe(state);
  });

  it('drops the steps ahead when a new link is followed from the middle', () => {
    const state = run({ type: 'visit', step: l611_3 }, { type: 'visit', step: l611_1 }, { type: 'back' }, { type: 'visit', step: l611_4 });
    expect(state.steps.map((s) => s.num)).toEqual(['L611-3', 'L611-4']);
  });

  it('does not repeat the step on screen', () => {
    expect(run({ type: 'visit', step: l611_3 }, { type: 'visit', step: { ...l611_3 } }).steps).toHaveLength(1);
    expect(run({ type: 'visit', step: l611_3 }, { type: 'visit', step: { ...l611_3, date: '1990-01-01' } }).steps).toHaveLength(2);
  });

  it('replaces the current step in place', () => {
    const state = run({ type: 'visit', step: l611_3 }, { type: 'replace', step: { ...l611_3, date: '1990-01-01' } });
    expect(state.steps).toEqual([{ ...l611_3, date: '1990-01-01' }]);
  });

  it('saves under one id and reopens a saved trail at its last step', () => {
    const state = run({ type: 'visit', step: l611_3 }, { type: 'visit', step: l611_1 });
    const first = trailToSave(state, 'Régime des indépendants', new Date('2026-01-01T10:00:00Z'), () => 'id-1');
    expect(first).toMatchObject({ id: 'id-1', name: 'Régime des indépendants', createdAt: '2026-01-01T10:00:00.000Z' });
    const saved = trailReducer(state, { type: 'saved', trail: first });
    const again = trailToSave(saved, 'Indépendants', new Date('2026-01-02T10:00:00Z'), () => 'id-2');
    expect(again).toMatchObject({ id: 'id-1', createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-02T10:00:00.000Z' });
    const reopened = trailReducer(emptyTrail, { type: 'open', trail: again });
    expect(currentStep(reopened)).toEqual(l611_1);
    expect(reopened.saved?.name).toBe('Indépendants');
  });
});
