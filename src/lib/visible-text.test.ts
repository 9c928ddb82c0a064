import { describe, expect, it } from 'vitest';
import { showBidiControls } from './visible-text.ts';

describe('showBidiControls', () => {
  it('names every bidirectional control, so none reorders the text around it', () => {
    const controls = '\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
    expect(showBidiControls(controls)).toBe(
      '⟨ALM⟩⟨LRM⟩⟨RLM⟩⟨LRE⟩⟨RLE⟩⟨PDF⟩⟨LRO⟩⟨RLO⟩⟨LRI⟩⟨RLI⟩⟨FSI⟩⟨PDI⟩',
    );
  });

  it('leaves right-to-left text itself alone', () => {
    expect(showBidiControls('שלום Kim مرحبا')).toBe('שלום Kim مرحبا');
  });
});
