/**
 * 情况说明 as generated from the data: figures marked (they come from the tables and cannot be typed
 * over), slots the accountant fills shown where they are, unfilled required ones flagged.
 */
import { useMemo } from 'react';
import type { BudgetDocument } from '../../../shared/document/schema';
import { generateNarrative, type Segment } from '../../../shared/narrative';
import { segmentText } from '../../../shared/narrative';

function SegmentView({
  segment,
  highlighted,
}: {
  segment: Segment;
  highlighted: ReadonlySet<string> | null;
}) {
  if (segment.kind === 'text') return <>{segment.text}</>;
  if (segment.kind === 'figure') {
    return (
      <span className="figure" title="由报表数据计算">
        {segment.text}
      </span>
    );
  }
  const unfilled = segment.text === '' && segment.required;
  const followed = highlighted?.has(`field:narrative.${segment.field}`) === true;
  return (
    <span
      className={['slot', unfilled ? 'unfilled' : '', followed ? 'followed' : ''].join(' ')}
      title={`需填写：${segment.placeholder}`}
    >
      {segmentText(segment)}
    </span>
  );
}

export function NarrativeView({
  doc,
  highlighted,
}: {
  doc: BudgetDocument;
  highlighted: ReadonlySet<string> | null;
}) {
  const sections = useMemo(() => generateNarrative(doc), [doc]);
  return (
    <article className="narrative" aria-label="情况说明">
      <h2>情况说明</h2>
      {sections.map((section) => (
        <section key={section.key}>
          <h3>{section.heading}</h3>
          {section.blocks.map((block, i) =>
            block.kind === 'subheading' ? (
              <h4 key={i}>{block.text}</h4>
            ) : (
              <p key={i}>
                {block.segments.map((segment, j) => (
                  <SegmentView key={j} segment={segment} highlighted={highlighted} />
                ))}
              </p>
            ),
          )}
        </section>
      ))}
    </article>
  );
}
