import { type ReactNode, type SelectHTMLAttributes, useId } from 'react';

/**
 * A labelled <select>. The label is tied by for/id rather than wrapped around the control: a
 * wrapped select lends its current option to the label's accessible name ("Partner All
 * partners"), which screen readers then read twice.
 */
export function SelectField({ label, className, children, ...select }: { label: ReactNode; className?: string; children: ReactNode } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select}>
        {children}
      </select>
    </div>
  );
}
