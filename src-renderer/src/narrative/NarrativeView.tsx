/**
 * 情况说明 as generated from the data. Figures from the tables are marked and lead to their cell; what
 * the accountant types (reasons, notes, last year's figures) is edited in place, where it is read; the
 * required parts still empty are flagged where they are and counted at the top.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { BudgetDocument } from '../../../shared/document/schema';
import {
  generateNarrative,
  segmentText,
  unfilledSlots,
  type NarrativeField,
  type NarrativeSectionKey,
  type Segment,
} from '../../../shared/narrative';
import { isTextField, narrativeFieldText, setNarrativeField } from '../../../shared/narrative/edit';
import { useWorkbench } from '../store/workbench';

interface SlotEditorProps {
  readonly doc: BudgetDocument;
  readonly field: NarrativeField;
  readonly label: string;
  readonly onDone: () => void;
}

/** Edits one field in place: Enter (Ctrl+Enter in a text) or leaving the box keeps it, Esc cancels. */
function SlotEditor({ doc, field, label, onDone }: SlotEditorProps) {
  const [text, setText] = useState(() => narrativeFieldText(doc, field));
  const [problem, setProblem] = useState<string | null>(null);
  const boxRef = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const finished = useRef(false);
  useEffect(() => {
    boxRef.current?.focus();
    boxRef.current?.select();
  }, []);

  const commit = () => {
    if (finished.current) return;
    const edit = setNarrativeField(doc, field, text);
    if (!edit.ok) {
      setProblem(edit.message);
      return;
    }
    finished.current = true;
    useWorkbench.getState().replaceDocument(`修改 情况说明 ${label}`, edit.doc, edit.change);
    onDone();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      finished.current = true;
      onDone();
    } else if (event.key === 'Enter' && (event.ctrlKey || !isTextField(field))) {
      event.preventDefault();
      commit();
    }
  };
  const common = {
    value: text,
    'aria-label': label,
    'aria-invalid': problem !== null,
    onKeyDown,
    onBlur: commit,
  };
  return (
    <span className="slot-editor">
      {isTextField(field) ? (
        <textarea ref={boxRef} rows={3} {...common} onChange={(e) => setText(e.target.value)} />
      ) : (
        <input ref={boxRef} {...common} onChange={(e) => setText(e.target.value)} />
      )}
      {problem && (
        <span className="slot-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}

interface SegmentViewProps {
  readonly doc: BudgetDocument;
  readonly segment: Segment;
  readonly highlighted: ReadonlySet<string> | null;
  /** Where the segment is (section/block/segment): a field may be written in several places. */
  readonly place: string;
  readonly editing: string | null;
  readonly onEdit: (place: string | null) => void;
}

function SegmentView({ doc, segment, highlighted, place, editing, onEdit }: SegmentViewProps) {
  if (segment.kind === 'text') return <>{segment.text}</>;
  const field =
    segment.kind === 'slot'
      ? segment.field
      : segment.source && 'narrative' in segment.source
        ? segment.source.narrative
        : null;
  if (field && editing === place) {
    const label = segment.kind === 'slot' ? segment.placeholder : field;
    return <SlotEditor doc={doc} field={field} label={label} onDone={() => onEdit(null)} />;
  }
  if (segment.kind === 'figure') {
    const source = segment.source;
    if (field) {
      return (
        <button
          type="button"
          className="figure typed-figure"
          title="填写的数字，点击修改"
          onClick={() => onEdit(place)}
        >
          {segment.text}
        </button>
      );
    }
    if (source && 'form' in source) {
      return (
        <button
          type="button"
          className="figure"
          title="由报表数据计算，点击查看所在单元格"
          onClick={() => useWorkbench.getState().reveal(source)}
        >
          {segment.text}
        </button>
      );
    }
    return (
      <span className="figure" title="由报表数据计算">
        {segment.text}
      </span>
    );
  }
  const unfilled = segment.text === '' && segment.required;
  const followed = highlighted?.has(`field:narrative.${segment.field}`) === true;
  return (
    <button
      type="button"
      className={['slot', unfilled ? 'unfilled' : '', followed ? 'followed' : ''].join(' ')}
      title={`点击填写：${segment.placeholder}`}
      onClick={() => onEdit(place)}
    >
      {segment.text === ''
        ? `【${unfilled ? '待填写' : '可填写'}：${segment.placeholder}】`
        : segmentText(segment)}
    </button>
  );
}

export interface NarrativeViewProps {
  readonly doc: BudgetDocument;
  readonly highlighted: ReadonlySet<string> | null;
  /** Only these sections (国有资产 has its own entry in the outline); all when omitted. */
  readonly only?: readonly NarrativeSectionKey[];
  readonly title?: string;
}

export function NarrativeView({ doc, highlighted, only, title = '情况说明' }: NarrativeViewProps) {
  const sections = useMemo(
    () => generateNarrative(doc).filter((section) => !only || only.includes(section.key)),
    [doc, only],
  );
  const missing = useMemo(() => unfilledSlots(sections), [sections]);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <article className="narrative" aria-label={title}>
      <h2>{title}</h2>
      <p className={missing.length > 0 ? 'narrative-missing' : 'narrative-complete'} role="status">
        {missing.length > 0
          ? `尚有 ${missing.length} 处待填写（红色标出）：${missing.map((m) => m.placeholder).join('、')}`
          : '所有需填写的内容均已填写。数字由报表生成，带下划线的数字可点击查看来源。'}
      </p>
      {sections.map((section) => (
        <section key={section.key}>
          <h3>{section.heading}</h3>
          {section.blocks.map((block, i) =>
            block.kind === 'subheading' ? (
              <h4 key={i}>{block.text}</h4>
            ) : (
              <p key={i}>
                {block.segments.map((segment, j) => (
                  <SegmentView
                    key={j}
                    doc={doc}
                    segment={segment}
                    highlighted={highlighted}
                    place={`${section.key}/${i}/${j}`}
                    editing={editing}
                    onEdit={setEditing}
                  />
                ))}
              </p>
            ),
          )}
        </section>
      ))}
    </article>
  );
}
