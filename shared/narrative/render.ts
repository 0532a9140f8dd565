/**
 * The narrative as plain text (command line, clipboard, tests), and the slots still to be filled. An
 * unfilled required slot prints as 【待填写：…】 so that it cannot go unnoticed.
 */
import type { NarrativeSection, NarrativeSectionKey, NarrativeField, Segment } from './types';

/** A segment as printed. */
export function segmentText(segment: Segment): string {
  if (segment.kind !== 'slot') return segment.text;
  return segment.text === '' && segment.required ? `【待填写：${segment.placeholder}】` : segment.text;
}

/** Each section's heading, then its subheadings and paragraphs one per line; a blank line between sections. */
export function renderNarrativeText(sections: readonly NarrativeSection[]): string {
  const lines = sections.map((section) =>
    [
      section.heading,
      ...section.blocks.map((block) =>
        block.kind === 'subheading' ? block.text : block.segments.map(segmentText).join(''),
      ),
    ].join('\n'),
  );
  return `${lines.join('\n\n')}\n`;
}

export interface UnfilledSlot {
  readonly section: NarrativeSectionKey;
  readonly field: NarrativeField;
  readonly placeholder: string;
}

/** The required slots left empty, once per field (a field may appear in several places), in order. */
export function unfilledSlots(sections: readonly NarrativeSection[]): UnfilledSlot[] {
  const found = new Map<NarrativeField, UnfilledSlot>();
  for (const section of sections) {
    for (const block of section.blocks) {
      if (block.kind !== 'paragraph') continue;
      for (const segment of block.segments) {
        if (segment.kind === 'slot' && segment.required && segment.text === '' && !found.has(segment.field)) {
          found.set(segment.field, {
            section: section.key,
            field: segment.field,
            placeholder: segment.placeholder,
          });
        }
      }
    }
  }
  return [...found.values()];
}
