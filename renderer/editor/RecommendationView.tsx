import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useState } from 'react';
import { partnerTag } from '../../shared/editor/nodes/recommendation';
import { PartnerPicker } from './PartnerPicker';

/** A recommendation in the editor: its text, then its owners as "[CCG/UHL/LA]", editable. */
export function RecommendationView({ node, updateAttributes, editor }: ReactNodeViewProps) {
  const partners = node.attrs.partners as string[];
  const [picking, setPicking] = useState(false);
  const needsOwner = partners.length === 0;
  return (
    <NodeViewWrapper
      as="div"
      className={`recommendation${needsOwner ? ' needs-owner' : ''}`}
      data-type="recommendation"
      data-id={node.attrs.id as string}
    >
      <span className="rec-label" contentEditable={false}>
        Recommendation
      </span>
      <NodeViewContent<"span"> as="span" className="recommendation-text" />
      <span className="partner-tags" contentEditable={false}>
        {' '}
        {needsOwner ? <span className="needs-owner-flag">Needs an owner</span> : <span className="tag">{partnerTag(partners)}</span>}
        {editor.isEditable && (
          <button type="button" className="owners-button" onClick={() => setPicking((v) => !v)} aria-expanded={picking}>
            Owners…
          </button>
        )}
      </span>
      {picking && <PartnerPicker partners={partners} onChange={(p) => updateAttributes({ partners: p })} onDone={() => setPicking(false)} />}
    </NodeViewWrapper>
  );
}
