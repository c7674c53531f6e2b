/** Regression tests for what fuzzing the candidate-list reader found (test/fuzz/candidates-io.fuzz.ts). */
import { describe, expect, it } from 'vitest';
import { parseCandidateList } from '../../src-engine/selection/candidates-io';

const HEAD = '# format: na62-candidates-csv 1\n# preset: dump-mumu\n# params: {}\n';
const COLS = 'run,burst,event,file,index,process,weight,region,mll';

describe('damaged candidate CSV', () => {
  it('reads a good list', () => {
    const r = parseCandidateList(`${HEAD}${COLS}\n1,2,3,a.arrow,7,aprime-mumu,0.5,,410.2\n`, 'l.csv');
    expect(r.candidates).toEqual([{ run: 1, burst: 2, event: 3, file: 'a.arrow', index: 7, process: 'aprime-mumu', weight: 0.5, region: '', vars: { mll: 410.2 } }]);
  });
  it('refuses a header line that appears twice instead of reading "run_1" as a variable', () => {
    expect(() => parseCandidateList(`${HEAD}${COLS},${COLS}\n`, 'l.csv')).toThrow(/^l\.csv: column "run" appears twice/);
  });
  it('refuses a row with missing or extra fields and a negative index, naming the row', () => {
    expect(() => parseCandidateList(`${HEAD}${COLS}\n1,2,3,a.arrow,7\n`, 'l.csv')).toThrow(/^l\.csv: row 1: 5 fields, the header has 9/);
    expect(() => parseCandidateList(`${HEAD}${COLS}\n1,2,3,a.arrow,-1,x,1,,2\n`, 'l.csv')).toThrow(/^l\.csv: row 1: index -1 is negative/);
  });
});
