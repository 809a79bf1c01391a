import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/rules/analyze';
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

describe('glossary in the reading', () => {
  it('shows the gloss of every glossary formulation a speech quotes', () => {
    const missing = Object.keys(GLOSSARY).filter((key) => {
      const text = `同志们：我们要深入贯彻“${key}”，扎实推进各项工作。下面，我讲三点意见。`;
      return !analyze(text).mentions.some((m) => m.key === key && m.gloss === GLOSSARY[key]);
    });
    expect(missing).toEqual([]);
  });

  it('recognises the distinctive national formulations unquoted too', () => {
    const text = '要加快发展新质生产力，严格落实安全生产党政同责、一岗双责，坚持“三管三必须”。';
    const keys = analyze(text).mentions.map((m) => m.key);
    expect(keys).toEqual(expect.arrayContaining(['新质生产力', '党政同责', '一岗双责', '三管三必须']));
  });
});
