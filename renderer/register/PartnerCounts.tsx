import type { RegisterResult } from '../../shared/api';
import type { Filters } from './registerFilters';

/** How many recommendations each partner owns, as buttons that filter the register by that partner (or by "needs an owner"). */
export function PartnerCounts({ data, partner, needsOwner, onFilter }: { data: RegisterResult; partner: string; needsOwner: boolean; onFilter(patch: Partial<Filters>): void }) {
  return (
    <section className="partner-counts" aria-labelledby="counts-heading">
      <h2 id="counts-heading" className="small-heading">
        {data.inDocument} recommendations in the document{data.total > data.inDocument ? `, ${data.total - data.inDocument} removed` : ''}. Per partner:
      </h2>
      <ul className="count-chips">
        {data.counts
          .filter((c) => c.count > 0 || c.code.toLowerCase() === partner.toLowerCase())
          .map((c) => (
            <li key={c.code}>
              <button
                type="button"
                aria-pressed={partner.toLowerCase() === c.code.toLowerCase()}
                title={c.name ?? `${c.code} is not in the partner directory`}
                onClick={() => onFilter({ partner: partner.toLowerCase() === c.code.toLowerCase() ? '' : c.code })}
              >
                {c.code} <span className="count">{c.count}</span>
                {!c.inDirectory && <span className="muted"> (not in directory)</span>}
              </button>
            </li>
          ))}
        <li>
          <button type="button" aria-pressed={needsOwner} className={data.needsOwner ? 'needs-owner-chip' : undefined} onClick={() => onFilter({ needsOwner: !needsOwner })}>
            Needs an owner <span className="count">{data.needsOwner}</span>
          </button>
        </li>
      </ul>
    </section>
  );
}
