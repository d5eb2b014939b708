// variablesUsed reads a line as the shell parses it: what it reads before setting, and what it leaves set.
import { describe, expect, it } from 'vitest';
import { variablesUsed } from '../../src/engine/shell/variables-used.ts';

describe('variablesUsed', () => {
  it('finds the post\'s assignment from a substitution and what it reads inside it', () => {
    expect(variablesUsed('node_rg_name=$(echo $node_rg_id | cut -d/ -f 5)')).toEqual({ reads: ['node_rg_id'], sets: ['node_rg_name'] });
  });

  it('reads variables in double quotes, braces, defaults and lengths but not in single quotes', () => {
    expect(variablesUsed(`echo "$a" \${b} \${c:-$d} \${#e} '$f'`).reads).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('does not count a variable the line set before reading it, and does count one read before it is set', () => {
    expect(variablesUsed('x=1; echo $x')).toEqual({ reads: [], sets: ['x'] });
    expect(variablesUsed('echo $y; y=2')).toEqual({ reads: ['y'], sets: ['y'] });
  });

  it('reads an assignment\'s value before the assignment, as bash does', () => {
    expect(variablesUsed('n=$n')).toEqual({ reads: ['n'], sets: ['n'] });
  });

  it('leaves a prefix assignment to its command only, and counts export NAME=VALUE as set', () => {
    expect(variablesUsed('A=1 env').sets).toEqual([]);
    expect(variablesUsed('export B=$c').sets).toEqual(['B']);
    expect(variablesUsed('export B=$c').reads).toEqual(['c']);
  });

  it('ignores the shell\'s special parameters and reads inside $(( )) and redirections', () => {
    expect(variablesUsed('echo $? $$ $# $0 $(( $n + 1 )) 2>$log').reads).toEqual(['n', 'log']);
  });

  it('reads nothing from a line that does not parse', () => {
    expect(variablesUsed('echo "$a')).toEqual({ reads: [], sets: [] });
  });
});
