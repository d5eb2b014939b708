// The phone's command input: Tab completion applied to a plain input, and history walked with ↑/↓.
import { describe, expect, it } from 'vitest';
import { completeInput, HistoryWalk } from '../../src/site/terminal/touch-input.ts';

describe('completeInput', () => {
  it('completes the one candidate and adds a space', () => {
    expect(completeInput('kubectl ge', 10, { start: 8, candidates: ['get'] })).toEqual({ line: 'kubectl get ', cursor: 12, list: [] });
  });

  it('completes in the middle of a line, keeping what follows the cursor and adding no second space', () => {
    expect(completeInput('kub get pods', 3, { start: 0, candidates: ['kubectl'] })).toEqual({ line: 'kubectl get pods', cursor: 7, list: [] });
  });

  it('extends to the candidates\' common prefix and lists them', () => {
    expect(completeInput('echo $no', 8, { start: 5, candidates: ['$node_rg_id', '$node_rg_name'] })).toEqual({ line: 'echo $node_rg_', cursor: 14, list: ['$node_rg_id', '$node_rg_name'] });
  });

  it('lists the candidates without changing the line when nothing more is common', () => {
    expect(completeInput('echo $node_rg_', 14, { start: 5, candidates: ['$node_rg_id', '$node_rg_name'] })).toEqual({ line: 'echo $node_rg_', cursor: 14, list: ['$node_rg_id', '$node_rg_name'] });
  });

  it('changes nothing without candidates', () => {
    expect(completeInput('nope', 4, { start: 0, candidates: [] })).toEqual({ line: 'nope', cursor: 4, list: [] });
  });
});

describe('HistoryWalk', () => {
  it('goes up to older lines, stops at the oldest, and comes back down to the draft', () => {
    const history = ['az aro list', 'kubectl get nodes'];
    const walk = new HistoryWalk(() => history);
    expect(walk.up('echo dra')).toBe('kubectl get nodes');
    expect(walk.up('kubectl get nodes')).toBe('az aro list');
    expect(walk.up('az aro list')).toBe('az aro list');
    expect(walk.down('az aro list')).toBe('kubectl get nodes');
    expect(walk.down('kubectl get nodes')).toBe('echo dra');
    expect(walk.down('echo dra')).toBe('echo dra');
  });

  it('starts again from the newest line after a command, which the history now ends with', () => {
    const history = ['az aro list'];
    const walk = new HistoryWalk(() => history);
    expect(walk.up('')).toBe('az aro list');
    history.push('echo hi');
    walk.reset();
    expect(walk.up('')).toBe('echo hi');
  });

  it('keeps the line when there is no history', () => {
    const walk = new HistoryWalk(() => []);
    expect(walk.up('typed')).toBe('typed');
    expect(walk.down('typed')).toBe('typed');
  });
});
