import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossFor, glossSourceFor } from '../../lib/rules/glossary';
import { GLOSSARY_SOURCES } from '../../lib/rules/glossary-sources';

describe('glossary sources', () => {
  it('covers at least 60 distinct national formulations', () => {
    const distinctGlosses = new Set(Object.values(GLOSSARY));
    expect(distinctGlosses.size).toBeGreaterThanOrEqual(60);
  });

  it('names a source document or occasion for every gloss, and none without a gloss', () => {
    expect(Object.keys(GLOSSARY_SOURCES).sort()).toEqual(Object.keys(GLOSSARY).sort());
    for (const [key, source] of Object.entries(GLOSSARY_SOURCES)) {
      // A source is a document (《…》), a report or meeting, or a dated speech: it always carries a year.
      expect(source, key).toMatch(/\d{4}年/);
    }
  });

  it('answers for the formulations a speech-writer meets, and nothing for local coinages', () => {
    expect(glossFor('三北工程')).toContain('防护林');
    expect(glossSourceFor('三北工程')).toContain('1978年');
    expect(glossFor('六个必须坚持')).toContain('胸怀天下');
    expect(glossSourceFor('六个必须坚持')).toBe('党的二十大报告（2022年）');
    expect(glossFor('三管三必须')).toContain('管行业必须管安全');
    expect(glossSourceFor('三把尺子')).toBeUndefined();
    expect(glossSourceFor('toString')).toBeUndefined();
  });
});
